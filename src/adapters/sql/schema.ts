import type { SqlDialect } from "./dialect.js";
import { PORT_REQUEST_TABLES } from "./port-requests.js";

/**
 * One step of the schema: the statements that take a database from the previous version to
 * this one. Steps are only ever appended; a released step never changes.
 */
type Migration = (d: SqlDialect) => readonly string[];

/**
 * Version 1. `numbers` holds one row per number and is the only copy of a record: the indexed
 * columns (state, owner) live beside `doc`, the rest of the record as JSON. A deleted number
 * keeps its row as a tombstone (state NULL, doc NULL) so its revision never repeats. The
 * partial indexes skip tombstones and serve the account listing (owner, number), the prefix
 * search, the discovery expiry and the sweep (state, number).
 */
const V1: Migration = (d) => [
  `CREATE TABLE numbers (
    number ${d.key} NOT NULL PRIMARY KEY,
    state ${d.key},
    owner ${d.key},
    revision ${d.integer} NOT NULL,
    doc TEXT
  )`,
  `CREATE INDEX numbers_by_owner ON numbers (owner, number) WHERE owner IS NOT NULL`,
  `CREATE INDEX numbers_by_state ON numbers (state, number) WHERE state IS NOT NULL`,
  `CREATE TABLE events (
    seq ${d.sequence},
    number ${d.key} NOT NULL,
    revision ${d.integer} NOT NULL,
    timestamp ${d.integer} NOT NULL,
    body TEXT NOT NULL
  )`,
  ...d.outboxHead,
  `CREATE TABLE idempotency_keys (
    account ${d.key} NOT NULL,
    key ${d.key} NOT NULL,
    token TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    lease_until ${d.integer} NOT NULL,
    status ${d.integer},
    response TEXT,
    expires ${d.integer},
    PRIMARY KEY (account, key)
  )`,
  `CREATE TABLE accounts (
    id ${d.key} NOT NULL PRIMARY KEY,
    doc TEXT NOT NULL
  )`,
  `CREATE TABLE tokens (
    token TEXT NOT NULL PRIMARY KEY,
    account ${d.key} NOT NULL
  )`,
];

/** Version 2: port requests (spec/port-requests.md §8, P5). */
const V2: Migration = PORT_REQUEST_TABLES;

/**
 * Version 3: the SQLite outbox without AUTOINCREMENT, which rewrote its counter in
 * `sqlite_sequence` on every insert: one more page in the WAL per commit, a sixth of a single
 * reserve's pages. `seq` becomes a plain rowid key and the store's prune keeps the newest row
 * as a marker so that a position is never handed out twice (`sqlite/sqlite-outbox.ts`); when
 * the newest events were already pruned, the last position handed out becomes that marker.
 * Nothing changes on PostgreSQL, whose positions come from `outbox_head`.
 */
const V3: Migration = (d) =>
  d.name !== "sqlite"
    ? []
    : [
        `CREATE TABLE events_v3 (
          seq INTEGER PRIMARY KEY,
          number TEXT NOT NULL,
          revision INTEGER NOT NULL,
          timestamp INTEGER NOT NULL,
          body TEXT NOT NULL
        )`,
        `INSERT INTO events_v3 (seq, number, revision, timestamp, body)
          SELECT seq, number, revision, timestamp, body FROM events`,
        `INSERT INTO events_v3 (seq, number, revision, timestamp, body)
          SELECT seq, '', 0, 0, '' FROM sqlite_sequence
          WHERE name = 'events' AND seq > (SELECT coalesce(max(seq), 0) FROM events)`,
        `DROP TABLE events`,
        `ALTER TABLE events_v3 RENAME TO events`,
      ];

const MIGRATIONS: readonly Migration[] = [V1, V2, V3];

/** The schema version this code writes and reads. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** The table that records the schema version (one row). */
export const VERSION_TABLE = "schema_version";

/** Creates the version table when it is missing. */
export const CREATE_VERSION_TABLE = `CREATE TABLE IF NOT EXISTS ${VERSION_TABLE} (version INTEGER NOT NULL)`;

/** Reads the version (no row: a new database, version 0). */
export const READ_VERSION = `SELECT version FROM ${VERSION_TABLE}`;

/** Thrown when a database was written by a newer release than this code. */
export class SchemaTooNewError extends Error {
  /** Names the version found and the newest this code knows. */
  constructor(readonly found: number) {
    super(`schema version ${found} is newer than this code's ${SCHEMA_VERSION}: upgrade the code`);
    this.name = "SchemaTooNewError";
  }
}

/**
 * The statements that bring a database at version `current` to SCHEMA_VERSION, ending with
 * the one that records the new version; none when it is already there. Throws
 * SchemaTooNewError for a newer database.
 */
export function migrationStatements(current: number, dialect: SqlDialect): string[] {
  if (current > SCHEMA_VERSION) throw new SchemaTooNewError(current);
  if (current === SCHEMA_VERSION) return [];
  const steps = MIGRATIONS.slice(current).flatMap((migration) => migration(dialect));
  const record =
    current === 0
      ? `INSERT INTO ${VERSION_TABLE} (version) VALUES (${SCHEMA_VERSION})`
      : `UPDATE ${VERSION_TABLE} SET version = ${SCHEMA_VERSION}`;
  return [...steps, record];
}
