import type { PortRequestEvent } from "../domain/port-request-events.js";
import type { PortRequestRecord } from "../domain/port-request.js";
import type { PortState } from "../domain/port-states.js";
import type { Awaitable } from "./awaitable.js";

/** A stored port request with its revision, for optimistic concurrency. */
export interface StoredPortRequest {
  readonly record: PortRequestRecord;
  /** Increases on every write of the request; writers pass the revision they read. */
  readonly revision: number;
}

/**
 * One conditional write of a port request, carried by the number repository's `commit(batch)`
 * (`CommitBatch.portRequests`), so a completion commits its numbers and its move together (P8).
 */
export interface PortRequestWrite {
  readonly id: string;
  /** The request to store; null deletes it. */
  readonly record: PortRequestRecord | null;
  /** The revision the writer read; null when the request must not exist yet. */
  readonly expected: number | null;
  /** Events committed with this write, in order. */
  readonly events: readonly PortRequestEvent[];
}

/**
 * Thrown by a store whose commit would leave a number in two open requests (P5): the store
 * enforces it atomically (a unique index or a compare-and-set), not the caller's reads.
 */
export class PortNumberConflictError extends Error {
  /** Names the number and the open request already holding it. */
  constructor(
    readonly number: string,
    readonly holder: string,
  ) {
    super(`number ${number} is already in open port request ${holder}`);
    this.name = "PortNumberConflictError";
  }
}

/** Which requests a listing wants; every given key must hold. */
export interface PortRequestQuery {
  /** The request's own account. */
  readonly account?: string;
  /** Requests of strict descendants of this account (its id is in their tree). */
  readonly descendantsOf?: string;
  /** The stored port authority. */
  readonly authority?: string;
  /** Requests whose `numbers` or `ported_numbers` hold this E.164 number. */
  readonly number?: string;
  /** Only these states. */
  readonly states?: readonly PortState[];
}

/**
 * Where port requests are read from. They are written through the number repository's
 * `commit(batch)`, by the same store: one transaction for numbers and requests.
 */
export interface PortRequestRepository {
  /** Reads one request, or undefined. */
  getPortRequest(id: string): Promise<StoredPortRequest | undefined>;
  /** The requests matching the query, ordered by `created`, then `id`. */
  findPortRequests(query: PortRequestQuery): Awaitable<readonly PortRequestRecord[]>;
}

/** True when a request matches every key of a query (for stores that filter in code). */
export function matchesPortQuery(record: PortRequestRecord, query: PortRequestQuery): boolean {
  if (query.account !== undefined && record.account !== query.account) return false;
  if (query.descendantsOf !== undefined && !record.tree.includes(query.descendantsOf)) return false;
  if (query.authority !== undefined && record.portAuthority !== query.authority) return false;
  if (query.states !== undefined && !query.states.includes(record.state)) return false;
  const n = query.number;
  return (
    n === undefined ||
    Object.hasOwn(record.numbers, n) ||
    Object.hasOwn(record.portedNumbers ?? {}, n)
  );
}
