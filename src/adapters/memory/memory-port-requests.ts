import type { PortRequestRecord } from "../../domain/port-request.js";
import { PORT_SETS } from "../../domain/port-states.js";
import {
  PortNumberConflictError,
  matchesPortQuery,
  type PortRequestQuery,
  type PortRequestRepository,
  type PortRequestWrite,
  type StoredPortRequest,
} from "../../ports/port-requests.js";
import { RevisionConflictError } from "../../ports/repository.js";
import type { Awaitable } from "../../ports/awaitable.js";

const isOpen = (record: PortRequestRecord | null): record is PortRequestRecord =>
  record !== null && PORT_SETS.active.has(record.state);

const byCreated = (a: PortRequestRecord, b: PortRequestRecord): number =>
  a.created - b.created || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The in-memory port request table of the memory repository. Its commit is split in a check
 * and an apply, both synchronous, so the repository runs them around its own number writes
 * without an await in between: a batch lands whole or not at all. An index from number to
 * the open request holding it makes P5 a property of the table.
 */
export class MemoryPortRequestTable implements PortRequestRepository {
  readonly #rows = new Map<string, StoredPortRequest>();
  /** Number -> id of the one open request holding it (P5). */
  readonly #openByNumber = new Map<string, string>();

  /** Reads one request. */
  getPortRequest(id: string): Promise<StoredPortRequest | undefined> {
    return Promise.resolve(this.#rows.get(id));
  }

  /** The requests matching the query, by `created`, then `id`. */
  findPortRequests(query: PortRequestQuery): Awaitable<readonly PortRequestRecord[]> {
    const out: PortRequestRecord[] = [];
    for (const { record } of this.#rows.values()) {
      if (matchesPortQuery(record, query)) out.push(record);
    }
    return out.sort(byCreated);
  }

  /** True when a request in a PORTING state (submitted, pending, scheduled) holds the number. */
  isPorting(number: string): boolean {
    const holder = this.#openByNumber.get(number);
    const state = holder === undefined ? undefined : this.#rows.get(holder)?.record.state;
    return state !== undefined && PORT_SETS.porting.has(state);
  }

  /** Throws what the batch's writes would break: a stale revision, or a number in two open requests. */
  check(writes: readonly PortRequestWrite[]): void {
    const stale = writes.filter((w) => (this.#rows.get(w.id)?.revision ?? null) !== w.expected);
    if (stale.length > 0) throw new RevisionConflictError(stale.map((w) => w.id));
    const written = new Set(writes.map((w) => w.id));
    const claimed = new Map<string, string>();
    for (const write of writes) {
      if (!isOpen(write.record)) continue;
      for (const number of Object.keys(write.record.numbers)) {
        const holder = claimed.get(number) ?? this.#openByNumber.get(number);
        const stillHeld = holder !== undefined && (claimed.has(number) || !written.has(holder));
        if (stillHeld && holder !== write.id) throw new PortNumberConflictError(number, holder);
        claimed.set(number, write.id);
      }
    }
  }

  /** Applies checked writes; returns each write's new revision, in order. */
  apply(writes: readonly PortRequestWrite[], nextRevision: () => number): number[] {
    const revisions: number[] = [];
    for (const write of writes) {
      const current = this.#rows.get(write.id);
      if (current !== undefined) this.#unindex(current.record);
      const revision = nextRevision();
      if (write.record === null) this.#rows.delete(write.id);
      else {
        this.#rows.set(write.id, { record: write.record, revision });
        this.#index(write.record);
      }
      revisions.push(revision);
    }
    return revisions;
  }

  #index(record: PortRequestRecord): void {
    if (!isOpen(record)) return;
    for (const number of Object.keys(record.numbers)) this.#openByNumber.set(number, record.id);
  }

  #unindex(record: PortRequestRecord): void {
    for (const number of Object.keys(record.numbers)) {
      if (this.#openByNumber.get(number) === record.id) this.#openByNumber.delete(number);
    }
  }
}
