import type { NumberRecord } from "../domain/record.js";
import type { NumberState } from "../domain/states.js";

/** A stored record with its revision, for optimistic concurrency. */
export interface StoredNumber {
  readonly record: NumberRecord;
  /** Increases on every write and never repeats for a number, even across delete and re-create; writers pass the revision they read. */
  readonly revision: number;
}

/** Thrown by a repository when a conditional write finds another revision than expected. */
export class RevisionConflictError extends Error {
  /** Names the number whose stored revision moved on. */
  constructor(readonly number: string) {
    super(`revision conflict on ${number}`);
    this.name = "RevisionConflictError";
  }
}

/** A page request: start at `startKey` (inclusive), at most `limit` rows. */
export interface PageRequest {
  readonly startKey?: string;
  readonly limit?: number;
}

/** Where number records live: the authoritative store, one record per E.164 number. */
export interface NumberRepository {
  /** Reads one record, or undefined when the number has none. */
  get(number: string): Promise<StoredNumber | undefined>;
  /** Reads several records at once; absent numbers are missing from the map. */
  getMany(numbers: readonly string[]): Promise<ReadonlyMap<string, StoredNumber>>;
  /** Writes a record if the stored revision equals `expected` (null: must not exist yet); returns the new revision or throws RevisionConflictError. */
  put(record: NumberRecord, expected: number | null): Promise<number>;
  /** Deletes a record if the stored revision equals `expected`; throws RevisionConflictError otherwise. */
  delete(number: string, expected: number): Promise<void>;
  /** Lists an account's numbers in number order from `startKey` (inclusive). */
  listByOwner(owner: string, page?: PageRequest): Promise<readonly NumberRecord[]>;
  /** Lists numbers starting with `prefix` in a state, in number order, from `startKey` (inclusive). */
  scanPrefix(
    prefix: string,
    state: NumberState,
    page?: PageRequest,
  ): Promise<readonly NumberRecord[]>;
  /** Lists every record in a state, in number order (for the sweep). */
  listByState(state: NumberState, page?: PageRequest): Promise<readonly NumberRecord[]>;
}
