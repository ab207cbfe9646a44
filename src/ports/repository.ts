import type { NumberEventDraft, StoredEvent } from "../domain/events.js";
import type { ClaimOutcome, KeptAnswer, KeyClaim } from "../domain/idempotency.js";
import type { NumberRecord } from "../domain/record.js";
import type { NumberState } from "../domain/states.js";
import type { Awaitable } from "./awaitable.js";
import type { PortRequestWrite } from "./port-requests.js";

/** A stored record with its revision, for optimistic concurrency. */
export interface StoredNumber {
  readonly record: NumberRecord;
  /** Increases on every write and never repeats for a number, even across delete and re-create; writers pass the revision they read. */
  readonly revision: number;
}

/** Thrown by a repository when a conditional write finds another revision than expected. */
export class RevisionConflictError extends Error {
  /** The first number whose stored revision moved on. */
  readonly number: string;

  /** Names the numbers whose stored revisions moved on (at least one). */
  constructor(readonly numbers: readonly string[]) {
    super(`revision conflict on ${numbers.join(", ")}`);
    this.name = "RevisionConflictError";
    this.number = numbers[0] ?? "";
  }
}

/** A page request: start at `startKey` (inclusive), at most `limit` rows. */
export interface PageRequest {
  readonly startKey?: string;
  readonly limit?: number;
}

/** One conditional write of a batch: store `record` (or delete the number when it is null). */
export interface NumberWrite {
  readonly number: string;
  /** The record to store; null deletes the number's record. */
  readonly record: NumberRecord | null;
  /** The revision the writer read; null when the number must have no record. */
  readonly expected: number | null;
  /** Events committed with this write, in order; the store stamps them with its new revision. */
  readonly events: readonly NumberEventDraft[];
  /**
   * Set by a create (port-requests.md §7.1): the store refuses the write, with a
   * RevisionConflictError naming the number, when a port request in a PORTING state
   * (submitted, pending, scheduled) holds the number at commit. Checked after the number's
   * row is written, so a SQL store holds that row's lock while it looks.
   */
  readonly unlessPorting?: boolean;
}

/**
 * A number a batch does not write but depends on: its record must still be at the revision
 * read (null: no record) when the batch commits, else the store throws RevisionConflictError
 * naming it. The store bumps a guarded record's revision (content unchanged; SQL stores leave
 * a tombstone row for an absent number), which locks the row against a racing writer.
 */
export interface NumberGuard {
  readonly number: string;
  readonly expected: number | null;
}

/** Writes applied together: all of them or none. */
export interface CommitBatch {
  readonly writes: readonly NumberWrite[];
  /** Answers kept for idempotency keys, stored with the writes (each replaces its key's claim). */
  readonly answers?: readonly KeptAnswer[];
  /** Port request writes committed with the number writes (P8), after them; a store without port requests refuses a batch that has some. */
  readonly portRequests?: readonly PortRequestWrite[];
  /** Numbers the batch's decision read but does not write (a port request taking them, P5 with §7.1); checked before any write; never a number the batch writes. */
  readonly guards?: readonly NumberGuard[];
}

/** A page of the outbox and the cursor to read on from. */
export interface EventPage {
  readonly events: readonly StoredEvent[];
  /** The cursor after the last event returned (the one given when there was none). */
  readonly cursor: string | undefined;
  /**
   * How many events committed after the given cursor were no longer kept (pruned by retention
   * or dropped past the outbox's capacity) before the first event returned; 0 when the cursor
   * was undefined. A consumer that sees more than 0 fell behind and should resynchronize.
   */
  readonly missed: number;
}

/**
 * The page of an outbox whose cursors are consecutive decimal sequence numbers (every store
 * of this package): the events, the next cursor, and the count missed before the first.
 */
export function sequencePage(cursor: string | undefined, events: StoredEvent[]): EventPage {
  const first = events[0];
  const after = cursor === undefined ? Number.NaN : Number(cursor);
  const missed =
    first === undefined || !Number.isSafeInteger(after) || after < 0
      ? 0
      : Math.max(0, Number(first.cursor) - after - 1);
  return { events, cursor: events.at(-1)?.cursor ?? cursor, missed };
}

/**
 * Where number records live: the authoritative store, one record per E.164 number, with the
 * outbox of the events its commits carried.
 */
export interface NumberRepository {
  /** Reads one record, or undefined when the number has none. */
  get(number: string): Awaitable<StoredNumber | undefined>;
  /** Reads several records at once; absent numbers are missing from the map. */
  getMany(numbers: readonly string[]): Awaitable<ReadonlyMap<string, StoredNumber>>;
  /** Applies every write if each number's stored revision equals its `expected`, else none, throwing RevisionConflictError; returns each write's new revision, in order. */
  commit(batch: CommitBatch): Awaitable<readonly number[]>;
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
  /** Reads at most `limit` committed events after `cursor` (from the oldest kept when undefined), in commit order. */
  eventsSince(cursor: string | undefined, limit: number): Promise<EventPage>;
  /** Drops events whose timestamp is before `before` (Gregorian seconds); returns how many. */
  pruneEvents(before: number): Promise<number>;
  /** Takes an idempotency key for a request, atomically: free (or expired, or its claim's lease ended) → claimed; else the kept answer or the running claim. */
  claimKey(claim: KeyClaim): Promise<ClaimOutcome>;
  /** Gives back a claim that will keep no answer (the request failed with 5xx); a claim with another token is left alone. */
  releaseKey(account: string, key: string, token: string): Promise<void>;
  /** Forgets kept answers whose `expires` is at or before `before`, and claims whose lease ended by then; returns how many. */
  purgeKeys(before: number): Promise<number>;
}

/** A one-write batch: store `record` conditionally on `expected`, with no events. */
export function singleWrite(record: NumberRecord, expected: number | null): CommitBatch {
  return { writes: [{ number: record.number, record, expected, events: [] }] };
}
