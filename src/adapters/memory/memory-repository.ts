import type { NumberRecord } from "../../domain/record.js";
import type { NumberState } from "../../domain/states.js";
import {
  RevisionConflictError,
  type NumberRepository,
  type PageRequest,
  type StoredNumber,
} from "../../ports/repository.js";
import { SortedKeys } from "./sorted-keys.js";

/**
 * A deterministic in-memory repository: records by number, with sorted indexes by owner and
 * by state. Records are immutable values, so readers can never see a half-written one.
 */
export class MemoryNumberRepository implements NumberRepository {
  readonly #records = new Map<string, StoredNumber>();
  readonly #byOwner = new Map<string, SortedKeys>();
  readonly #byState = new Map<NumberState, SortedKeys>();
  #revision = 0;

  /** Reads one record. */
  get(number: string): Promise<StoredNumber | undefined> {
    return Promise.resolve(this.#records.get(number));
  }

  /** Reads several records. */
  getMany(numbers: readonly string[]): Promise<ReadonlyMap<string, StoredNumber>> {
    const out = new Map<string, StoredNumber>();
    for (const number of numbers) {
      const stored = this.#records.get(number);
      if (stored !== undefined) out.set(number, stored);
    }
    return Promise.resolve(out);
  }

  /** Writes a record if its revision is the expected one. */
  put(record: NumberRecord, expected: number | null): Promise<number> {
    const current = this.#records.get(record.number);
    if ((current?.revision ?? null) !== expected)
      return Promise.reject(new RevisionConflictError(record.number));
    if (current !== undefined) this.#unindex(current.record);
    const revision = ++this.#revision;
    this.#records.set(record.number, { record, revision });
    this.#index(record);
    return Promise.resolve(revision);
  }

  /** Deletes a record if its revision is the expected one. */
  delete(number: string, expected: number): Promise<void> {
    const current = this.#records.get(number);
    if (current?.revision !== expected) return Promise.reject(new RevisionConflictError(number));
    this.#unindex(current.record);
    this.#records.delete(number);
    return Promise.resolve();
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

  #index(record: NumberRecord): void {
    if (record.assignedTo !== undefined)
      this.#keysOf(this.#byOwner, record.assignedTo).add(record.number);
    this.#keysOf(this.#byState, record.state).add(record.number);
  }

  #unindex(record: NumberRecord): void {
    if (record.assignedTo !== undefined)
      this.#byOwner.get(record.assignedTo)?.delete(record.number);
    this.#byState.get(record.state)?.delete(record.number);
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
