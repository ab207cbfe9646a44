import type { PortRequestRecord } from "../../domain/port-request.js";
import {
  matchesPortQuery,
  type PortRequestQuery,
  type PortRequestWrite,
} from "../../ports/port-requests.js";
import {
  sequencePage,
  type CommitBatch,
  type EventPage,
  type NumberWrite,
  type PageRequest,
} from "../../ports/repository.js";
import type { SqlDialect } from "./dialect.js";
import { storedPortRequest, portRequestColumns, type PortRequestRow } from "./port-requests.js";
import { eventBody, prefixEnd, recordColumns, storedEvent, type EventRow } from "./rows.js";

/**
 * How the SQL stores plan a batch: which statement each write runs with which parameters, and
 * the outbox rows of a batch, decided once here; each store only runs the plan its own way.
 */

/** A number write as a statement: CREATE_NUMBER, UPDATE_NUMBER or DELETE_NUMBER and its parameters. */
export type NumberStep =
  | { readonly kind: "create"; readonly params: [string, ...(string | null)[]] }
  | { readonly kind: "update"; readonly params: [string, string | null, string, string, number] }
  | { readonly kind: "delete"; readonly params: [string, number] };

/** The statement of a number write (a create over nothing or a tombstone, an update, a delete). */
export function numberStep(write: NumberWrite): NumberStep {
  const { number, record, expected } = write;
  if (expected === null)
    return {
      kind: "create",
      params: [number, ...(record === null ? [null, null, null] : recordColumns(record))],
    };
  return record === null
    ? { kind: "delete", params: [number, expected] }
    : { kind: "update", params: [...recordColumns(record), number, expected] };
}

/** A request write as a statement: CREATE/UPDATE/DELETE_PORT_REQUEST and its parameters. */
export type PortRequestStep =
  | { readonly kind: "create"; readonly params: [string, string, string, number, string] }
  | { readonly kind: "update"; readonly params: [string, string, number, string, string, number] }
  | { readonly kind: "delete"; readonly params: [string, number] };

/** The statement of a request write; undefined for deleting a request that must not exist (always stale). */
export function portRequestStep(write: PortRequestWrite): PortRequestStep | undefined {
  const { id, record, expected } = write;
  if (expected === null)
    return record === null
      ? undefined
      : { kind: "create", params: [id, ...portRequestColumns(record)] };
  return record === null
    ? { kind: "delete", params: [id, expected] }
    : { kind: "update", params: [...portRequestColumns(record), id, expected] };
}

/** One outbox row: the number (or request id), its new revision, the event's time and body. */
export type OutboxRow = [key: string, revision: number, timestamp: number, body: string];

/**
 * The outbox rows of a committed batch, in outbox order: the number events in write order, then
 * the request events. `numberRevisions` and `requestRevisions` are the new revisions, in the
 * order of `batch.writes` and `batch.portRequests`.
 */
export function outboxRows(
  batch: CommitBatch,
  numberRevisions: readonly number[],
  requestRevisions: readonly number[],
): OutboxRow[] {
  const rows: OutboxRow[] = [];
  for (const [i, write] of batch.writes.entries())
    for (const event of write.events)
      rows.push([write.number, numberRevisions[i] as number, event.timestamp, eventBody(event)]);
  for (const [i, write] of (batch.portRequests ?? []).entries())
    for (const event of write.events)
      rows.push([write.id, requestRevisions[i] as number, event.timestamp, JSON.stringify(event)]);
  return rows;
}

/** Items in number order: the order writes lock rows in, so two batches never wait in a cycle. */
export function inNumberOrder<T extends { readonly number: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
}

/** The parameters of LIST_BY_OWNER / LIST_BY_STATE: the key, where the page starts, its LIMIT. */
export function pageParams(
  dialect: SqlDialect,
  key: string,
  page: PageRequest,
): [string, string, number | null] {
  return [key, page.startKey ?? "", page.limit ?? dialect.noLimit];
}

/** The parameters of SCAN_STATE_RANGE for a prefix: state, from, the prefix's end, LIMIT. */
export function prefixParams(
  dialect: SqlDialect,
  prefix: string,
  state: string,
  page: PageRequest,
): [string, string, string, number | null] {
  const from = page.startKey !== undefined && page.startKey > prefix ? page.startKey : prefix;
  return [state, from, prefixEnd(prefix), page.limit ?? dialect.noLimit];
}

/** The page of events read after `cursor` (see sequencePage). */
export function eventPage(rows: readonly EventRow[], cursor: string | undefined): EventPage {
  return sequencePage(cursor, rows.map(storedEvent));
}

/** Which read narrows a request query (by number, by account, or all requests) and its parameters. */
export interface PortRequestLookup {
  readonly by: "number" | "account" | "all";
  readonly params: [] | [string];
}

/** The indexed read for a request query (the rest of the query is filtered in code). */
export function portRequestLookup(query: PortRequestQuery): PortRequestLookup {
  if (query.number !== undefined) return { by: "number", params: [query.number] };
  if (query.account !== undefined) return { by: "account", params: [query.account] };
  return { by: "all", params: [] };
}

/** The requests of the rows an indexed read returned that match every key of the query. */
export function requestsMatching(
  rows: readonly PortRequestRow[],
  query: PortRequestQuery,
): PortRequestRecord[] {
  return rows
    .map((row) => storedPortRequest(row).record)
    .filter((record) => matchesPortQuery(record, query));
}
