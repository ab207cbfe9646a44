import { stampEvent, type NumberEventDraft, type StoredEvent } from "../../domain/events.js";
import type { PortRequestEvent } from "../../domain/port-request-events.js";
import type { ClaimOutcome, KeptAnswer, KeyClaim } from "../../domain/idempotency.js";
import type { NumberRecord } from "../../domain/record.js";
import type { NumberState } from "../../domain/states.js";
import {
  RevisionConflictError,
  type CommitBatch,
  type EventPage,
  sequencePage,
  type NumberRepository,
  type PageRequest,
  type StoredNumber,
} from "../../ports/repository.js";
import type { Awaitable } from "../../ports/awaitable.js";
import { MemoryPortRequestTable } from "./memory-port-requests.js";
import { SortedKeys } from "./sorted-keys.js";

/**
 * How many committed events the in-memory outbox keeps by default: the newest ones, older ones
 * are dropped as new ones arrive. Each kept event holds the record versions its patches are
 * diffed from, so an unbounded outbox keeps every version of every record alive.
 */
export const MEMORY_EVENT_CAPACITY = 10_000;

/** Options of the in-memory repository. */
export interface MemoryRepositoryOptions {
  /** Keep committed events for `eventsSince` (default true); false drops them at commit. */
  readonly keepEvents?: boolean;
  /**
   * The most events the outbox keeps (default `MEMORY_EVENT_CAPACITY`; `Infinity` keeps all):
   * past it the oldest is dropped, as retention drops it (`since` goes on from the oldest kept).
   */
  readonly eventCapacity?: number;
}

/** One idempotency key: who claimed it (and until when), and its answer once kept. */
interface KeyRow {
  readonly token: string;
  readonly fingerprint: string;
  readonly leaseUntil: number;
  readonly answer?: KeptAnswer;
}

const keyOf = (account: string, key: string): string => `${account}\u0000${key}`;

/**
 * An event in the outbox, as committed: a number event's draft with the revision its write
 * got (stamped only when read), or a port request event (stamped by its writer).
 */
class KeptEvent {
  constructor(
    readonly sequence: number,
    readonly event: NumberEventDraft | PortRequestEvent,
    readonly revision: number | undefined,
  ) {}

  /** The event as `eventsSince` hands it out. */
  stored(): StoredEvent {
    const { event, revision } = this;
    return {
      cursor: String(this.sequence),
      event:
        revision === undefined
          ? (event as PortRequestEvent)
          : stampEvent(event as NumberEventDraft, revision),
    };
  }
}

/**
 * A deterministic in-memory repository: records by number, with sorted indexes by owner and
 * by state, and an outbox of committed events. Records are immutable values, so readers can
 * never see a half-written one.
 */
export class MemoryNumberRepository implements NumberRepository {
  readonly #records = new Map<string, StoredNumber>();
  readonly #byOwner = new Map<string, SortedKeys>();
  readonly #byState = new Map<NumberState, SortedKeys>();
  /** The outbox: kept events are `#events[#eventsStart..]`; earlier slots were dropped. */
  #events: (KeptEvent | undefined)[] = [];
  #eventsStart = 0;
  readonly #keepEvents: boolean;
  readonly #eventCapacity: number;
  /** Idempotency keys by account and key: a running claim, or a kept answer. */
  readonly #keys = new Map<string, KeyRow>();
  /** The port requests this store keeps, written by `commit` with the numbers (P8). */
  readonly portRequests = new MemoryPortRequestTable();
  #revision = 0;
  #sequence = 0;
  #claims = 0;

  /** An empty repository. */
  constructor(options: MemoryRepositoryOptions = {}) {
    this.#keepEvents = options.keepEvents ?? true;
    const capacity = options.eventCapacity ?? MEMORY_EVENT_CAPACITY;
    if (!(capacity >= 0)) throw new RangeError(`eventCapacity must be at least 0, got ${capacity}`);
    this.#eventCapacity = Math.floor(capacity);
  }

  /** Reads one record. */
  get(number: string): Awaitable<StoredNumber | undefined> {
    return this.#records.get(number);
  }

  /** Reads several records. */
  getMany(numbers: readonly string[]): Awaitable<ReadonlyMap<string, StoredNumber>> {
    const out = new Map<string, StoredNumber>();
    for (const number of numbers) {
      const stored = this.#records.get(number);
      if (stored !== undefined) out.set(number, stored);
    }
    return out;
  }

  /**
   * Applies every write of the batch if all expected revisions hold, else none. Answers with
   * the revisions at once; a refused batch is a rejected promise, as a durable store's is.
   */
  commit(batch: CommitBatch): Awaitable<readonly number[]> {
    const { writes, guards, portRequests: requests } = batch;
    let stale: string[] | undefined;
    if (guards !== undefined)
      for (const guard of guards) if (this.#isStale(guard)) (stale ??= []).push(guard.number);
    for (const w of writes) if (this.#isStale(w)) (stale ??= []).push(w.number);
    for (const w of writes) {
      if (w.unlessPorting === true && this.portRequests.isPorting(w.number))
        (stale ??= []).push(w.number);
    }
    if (stale !== undefined) return Promise.reject(new RevisionConflictError(stale));
    if (requests !== undefined && requests.length > 0) {
      try {
        this.portRequests.check(requests);
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
    if (guards !== undefined)
      for (const guard of guards) {
        const current = this.#records.get(guard.number);
        if (current !== undefined)
          this.#records.set(guard.number, { record: current.record, revision: ++this.#revision });
      }
    const revisions: number[] = [];
    for (const write of writes) {
      const revision = ++this.#revision;
      this.#reindex(this.#records.get(write.number)?.record, write.record ?? undefined);
      if (write.record === null) this.#records.delete(write.number);
      else this.#records.set(write.number, { record: write.record, revision });
      revisions.push(revision);
      if (this.#keepEvents) for (const draft of write.events) this.#keep(draft, revision);
    }
    if (requests !== undefined && requests.length > 0) {
      this.portRequests.apply(requests, () => ++this.#revision);
      if (this.#keepEvents)
        for (const w of requests) for (const event of w.events) this.#keep(event, undefined);
    }
    for (const answer of batch.answers ?? []) {
      const id = keyOf(answer.account, answer.key);
      const claim = this.#keys.get(id);
      this.#keys.set(id, {
        token: claim?.token ?? "",
        fingerprint: answer.fingerprint,
        leaseUntil: claim?.leaseUntil ?? answer.expires,
        answer,
      });
    }
    return revisions;
  }

  /** Takes a key for a request, or reports its kept answer or running claim. */
  claimKey(claim: KeyClaim): Promise<ClaimOutcome> {
    const id = keyOf(claim.account, claim.key);
    const row = this.#keys.get(id);
    if (row?.answer !== undefined && row.answer.expires > claim.now)
      return Promise.resolve({ kind: "kept", answer: row.answer });
    if (row !== undefined && row.answer === undefined && row.leaseUntil > claim.now)
      return Promise.resolve({ kind: "in_flight", fingerprint: row.fingerprint });
    const token = String(++this.#claims);
    this.#keys.set(id, { token, fingerprint: claim.fingerprint, leaseUntil: claim.leaseUntil });
    return Promise.resolve({ kind: "claimed", token });
  }

  /** Gives back an unanswered claim of this token. */
  releaseKey(account: string, key: string, token: string): Promise<void> {
    const id = keyOf(account, key);
    const row = this.#keys.get(id);
    if (row !== undefined && row.answer === undefined && row.token === token) this.#keys.delete(id);
    return Promise.resolve();
  }

  /** Forgets expired answers and claims whose lease ended. */
  purgeKeys(before: number): Promise<number> {
    let purged = 0;
    for (const [id, row] of this.#keys) {
      const end = row.answer?.expires ?? row.leaseUntil;
      if (end <= before) {
        this.#keys.delete(id);
        purged++;
      }
    }
    return Promise.resolve(purged);
  }

  /** Lists an account's numbers in number order. */
  listByOwner(owner: string, page: PageRequest = {}): Promise<readonly NumberRecord[]> {
    const keys = this.#byOwner.get(owner)?.range(page.startKey ?? "") ?? [];
    return Promise.resolve(this.#page(keys, page));
  }

  /** Lists numbers with a prefix in a state, in number order. */
  scanPrefix(
    prefix: string,
    state: NumberState,
    page: PageRequest = {},
  ): Promise<readonly NumberRecord[]> {
    const from = page.startKey !== undefined && page.startKey > prefix ? page.startKey : prefix;
    const keys = this.#byState.get(state)?.range(from, (k) => k.startsWith(prefix)) ?? [];
    return Promise.resolve(this.#page(keys, page));
  }

  /** Lists every record in a state, in number order. */
  listByState(state: NumberState, page: PageRequest = {}): Promise<readonly NumberRecord[]> {
    const keys = this.#byState.get(state)?.range(page.startKey ?? "") ?? [];
    return Promise.resolve(this.#page(keys, page));
  }

  /** Reads committed events after a cursor, oldest first. */
  eventsSince(cursor: string | undefined, limit: number): Promise<EventPage> {
    const after = cursor === undefined ? 0 : Number(cursor);
    const first = this.#firstAfter(Number.isFinite(after) ? after : 0);
    const kept = this.#events.slice(first, first + Math.max(0, limit)) as KeptEvent[];
    const events = kept.map((event) => event.stored());
    return Promise.resolve(sequencePage(cursor, events));
  }

  /** Drops events older than `before`. */
  pruneEvents(before: number): Promise<number> {
    let end = this.#eventsStart;
    while (end < this.#events.length && (this.#events[end] as KeptEvent).event.timestamp < before)
      end++;
    const dropped = end - this.#eventsStart;
    this.#dropTo(end);
    return Promise.resolve(dropped);
  }

  /** Whether a write's or guard's expected revision no longer matches the stored one. */
  #isStale(w: { readonly number: string; readonly expected: number | null }): boolean {
    return (this.#records.get(w.number)?.revision ?? null) !== w.expected;
  }

  /** Appends a committed event to the outbox, dropping the oldest past the capacity. */
  #keep(event: NumberEventDraft | PortRequestEvent, revision: number | undefined): void {
    this.#events.push(new KeptEvent(++this.#sequence, event, revision));
    if (this.#events.length - this.#eventsStart > this.#eventCapacity)
      this.#dropTo(this.#events.length - this.#eventCapacity);
  }

  /** Drops the kept events before index `end`; the array is compacted once half of it is gone. */
  #dropTo(end: number): void {
    for (let i = this.#eventsStart; i < end; i++) this.#events[i] = undefined;
    this.#eventsStart = end;
    if (end >= 1024 && end * 2 >= this.#events.length) {
      this.#events = this.#events.slice(end);
      this.#eventsStart = 0;
    }
  }

  /** The index of the first kept event whose sequence is above `sequence` (binary search). */
  #firstAfter(sequence: number): number {
    let low = this.#eventsStart;
    let high = this.#events.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.#events[mid] as KeptEvent).sequence <= sequence) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** The records of `keys`, in order, at most `page.limit` of them. */
  #page(keys: Iterable<string>, page: PageRequest): NumberRecord[] {
    const out: NumberRecord[] = [];
    const limit = page.limit ?? Number.POSITIVE_INFINITY;
    for (const key of keys) {
      if (out.length >= limit) break;
      const stored = this.#records.get(key);
      if (stored !== undefined) out.push(stored.record);
    }
    return out;
  }

  /** Moves a number's index entries from what `before` says to what `after` says; only those that differ. */
  #reindex(before: NumberRecord | undefined, after: NumberRecord | undefined): void {
    const number = (before ?? after)?.number;
    if (number === undefined) return;
    const ownerBefore = before?.assignedTo;
    const ownerAfter = after?.assignedTo;
    if (ownerBefore !== ownerAfter) {
      if (ownerBefore !== undefined) this.#byOwner.get(ownerBefore)?.delete(number);
      if (ownerAfter !== undefined) this.#keysOf(this.#byOwner, ownerAfter).add(number);
    }
    if (before?.state !== after?.state) {
      if (before !== undefined) this.#byState.get(before.state)?.delete(number);
      if (after !== undefined) this.#keysOf(this.#byState, after.state).add(number);
    }
  }

  #keysOf<K>(index: Map<K, SortedKeys>, key: K): SortedKeys {
    let keys = index.get(key);
    if (keys === undefined) {
      keys = new SortedKeys();
      index.set(key, keys);
    }
    return keys;
  }
}
