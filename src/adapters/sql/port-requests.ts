import type { PortRequestRecord } from "../../domain/port-request.js";
import { PORT_SETS } from "../../domain/port-states.js";
import type { StoredPortRequest } from "../../ports/port-requests.js";
import type { SqlDialect } from "./dialect.js";

/**
 * Schema version 2: port requests. `port_requests` holds one row per request (a deleted one
 * keeps a tombstone, state NULL, so its revision never repeats); `port_request_numbers` one
 * row per number of a request, `open` = 1 while the request is OPEN and holds the number. The
 * partial UNIQUE index on open numbers is P5: the database refuses a second open holder.
 */
export const PORT_REQUEST_TABLES = (d: SqlDialect): readonly string[] => [
  `CREATE TABLE port_requests (
    id ${d.key} NOT NULL PRIMARY KEY,
    account ${d.key},
    state ${d.key},
    created ${d.integer} NOT NULL,
    revision ${d.integer} NOT NULL,
    doc TEXT
  )`,
  `CREATE INDEX port_requests_by_account ON port_requests (account, created, id) WHERE state IS NOT NULL`,
  `CREATE TABLE port_request_numbers (
    number ${d.key} NOT NULL,
    request ${d.key} NOT NULL,
    open ${d.integer} NOT NULL,
    PRIMARY KEY (request, number)
  )`,
  `CREATE UNIQUE INDEX port_request_open_numbers ON port_request_numbers (number) WHERE open = 1`,
];

const COLUMNS = "id, account, state, created, revision, doc";

/** Reads one live request: `$1` id. */
export const GET_PORT_REQUEST = `SELECT ${COLUMNS} FROM port_requests WHERE id = $1 AND state IS NOT NULL`;

/** Every live request, by created then id. */
export const ALL_PORT_REQUESTS = `SELECT ${COLUMNS} FROM port_requests WHERE state IS NOT NULL ORDER BY created, id`;

/** An account's live requests: `$1` account. */
export const PORT_REQUESTS_OF_ACCOUNT = `SELECT ${COLUMNS} FROM port_requests
  WHERE account = $1 AND state IS NOT NULL ORDER BY created, id`;

/** The live requests naming a number (open or ported): `$1` number. */
export const PORT_REQUESTS_WITH_NUMBER = `SELECT r.id, r.account, r.state, r.created, r.revision, r.doc
  FROM port_request_numbers n JOIN port_requests r ON r.id = n.request
  WHERE n.number = $1 AND r.state IS NOT NULL ORDER BY r.created, r.id`;

/** Creates a request where none lives (no row, or a tombstone): `$1` id, `$2` account, `$3` state, `$4` created, `$5` doc; returns the revision. */
export const CREATE_PORT_REQUEST = `INSERT INTO port_requests (id, account, state, created, revision, doc)
  VALUES ($1, $2, $3, $4, 1, $5)
  ON CONFLICT (id) DO UPDATE
    SET account = excluded.account, state = excluded.state, created = excluded.created,
        doc = excluded.doc, revision = port_requests.revision + 1
    WHERE port_requests.state IS NULL
  RETURNING revision`;

/** Replaces a request at the revision read: `$1` account, `$2` state, `$3` created, `$4` doc, `$5` id, `$6` expected. */
export const UPDATE_PORT_REQUEST = `UPDATE port_requests
  SET account = $1, state = $2, created = $3, doc = $4, revision = revision + 1
  WHERE id = $5 AND revision = $6 AND state IS NOT NULL`;

/** Deletes a request at the revision read, leaving a tombstone: `$1` id, `$2` expected. */
export const DELETE_PORT_REQUEST = `UPDATE port_requests
  SET account = NULL, state = NULL, doc = NULL, revision = revision + 1
  WHERE id = $1 AND revision = $2 AND state IS NOT NULL`;

/** Forgets a request's numbers (before writing them again): `$1` request. */
export const CLEAR_PORT_NUMBERS = `DELETE FROM port_request_numbers WHERE request = $1`;

/** Records one number of a request: `$1` number, `$2` request, `$3` open (1 or 0). */
export const PUT_PORT_NUMBER = `INSERT INTO port_request_numbers (number, request, open) VALUES ($1, $2, $3)`;

/** The request in a PORTING state (§7.1) holding a number: `$1` number. */
export const PORTING_HOLDER = `SELECT n.request FROM port_request_numbers n
  JOIN port_requests r ON r.id = n.request
  WHERE n.number = $1 AND n.open = 1 AND r.state IN ('submitted', 'pending', 'scheduled')`;

/** The open request holding a number: `$1` number. */
export const OPEN_HOLDER = `SELECT request FROM port_request_numbers WHERE number = $1 AND open = 1`;

/** A row of `port_requests` as a SELECT returns it. */
export interface PortRequestRow {
  readonly id: string;
  readonly revision: number | string;
  readonly doc: string;
}

/** The stored request of a row. */
export function storedPortRequest(row: PortRequestRow): StoredPortRequest {
  return { record: JSON.parse(row.doc) as PortRequestRecord, revision: Number(row.revision) };
}

/** The columns of a request: account, state, created, doc. */
export function portRequestColumns(record: PortRequestRecord): [string, string, number, string] {
  return [record.account, record.state, record.created, JSON.stringify(record)];
}

/** The number rows of a request: `[number, open]`, open while the request is OPEN. */
export function portNumberRows(record: PortRequestRecord): [string, number][] {
  const open = PORT_SETS.active.has(record.state) ? 1 : 0;
  const held = Object.keys(record.numbers).map((n): [string, number] => [n, open]);
  const ported = Object.keys(record.portedNumbers ?? {})
    .filter((n) => !Object.hasOwn(record.numbers, n))
    .map((n): [string, number] => [n, 0]);
  return [...held, ...ported];
}
