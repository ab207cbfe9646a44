import type Database from "better-sqlite3";

/** Committed events after a cursor, markers left out: `?` cursor, `?` limit. */
const EVENTS_SINCE = `SELECT seq, revision, body FROM events
  WHERE seq > ? AND body <> '' ORDER BY seq LIMIT ?`;

/** Markers older than the newest row: nothing to count, they stand for no event. */
const DROP_MARKERS = `DELETE FROM events
  WHERE body = '' AND seq < (SELECT max(seq) FROM events)`;

/** Events older than a time, except the newest row: `?` Gregorian seconds. */
const PRUNE_BELOW_NEWEST = `DELETE FROM events
  WHERE timestamp < ? AND body <> '' AND seq < (SELECT max(seq) FROM events)`;

/** The newest row, when older than a time, hollowed into a marker: `?` Gregorian seconds. */
const HOLLOW_NEWEST = `UPDATE events SET number = '', revision = 0, body = ''
  WHERE seq = (SELECT max(seq) FROM events) AND timestamp < ? AND body <> ''`;

/**
 * The outbox of a SQLite store (schema version 3, `sql/schema.ts`): `events.seq` is a plain
 * rowid key, so a new event takes the largest sequence + 1, and positions never repeat as long
 * as the newest row is never removed. Pruning therefore keeps the newest row as a hollow marker
 * (empty body) when it is due to go: it holds the position and reads skip it; it goes with the
 * next prune once a newer event exists.
 */
export class SqliteOutbox {
  readonly #since: Database.Statement<[number, number], unknown>;
  readonly #prune: (before: number) => number;

  /** Prepares the statements on a database opened by `openSqliteDatabase`. */
  constructor(db: Database.Database) {
    this.#since = db.prepare<[number, number], unknown>(EVENTS_SINCE);
    const markers = db.prepare(DROP_MARKERS);
    const below = db.prepare<[number], unknown>(PRUNE_BELOW_NEWEST);
    const newest = db.prepare<[number], unknown>(HOLLOW_NEWEST);
    const prune = db.transaction((before: number) => {
      markers.run();
      return below.run(before).changes + newest.run(before).changes;
    });
    this.#prune = (before) => prune.immediate(before);
  }

  /** The rows after a sequence, oldest first, at most `limit`. */
  since(sequence: number, limit: number): unknown[] {
    return this.#since.all(sequence, limit);
  }

  /** Drops the events older than `before` (the newest as a marker); how many events went. */
  prune(before: number): number {
    return this.#prune(before);
  }
}
