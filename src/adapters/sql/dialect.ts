/**
 * What differs between the SQL dialects the stores speak. Everything else (tables, indexes,
 * statements, row mapping) is written once in this folder with `$1, $2, ...` parameters.
 */
export interface SqlDialect {
  readonly name: "sqlite" | "postgres";
  /** Type of keys compared byte by byte (numbers, accounts): order must be the code-point order. */
  readonly key: string;
  /** Type of integers up to 2^53 (revisions, Gregorian seconds). */
  readonly integer: string;
  /** Column definition of the outbox's ever-increasing sequence, never reused after a delete. */
  readonly sequence: string;
  /**
   * What else the outbox needs to hand out positions in commit order: nothing on SQLite, whose
   * writers commit one at a time; on PostgreSQL the head row each commit advances last.
   */
  readonly outboxHead: readonly string[];
  /** The LIMIT value that means "no limit". */
  readonly noLimit: number | null;
  /** Turns a statement written with `$n` parameters into this dialect's text. */
  text(sql: string): string;
}

/** SQLite: binary collation, 64-bit INTEGER, AUTOINCREMENT so a pruned outbox never reuses a cursor. */
export const SQLITE: SqlDialect = {
  name: "sqlite",
  key: "TEXT",
  integer: "INTEGER",
  sequence: "INTEGER PRIMARY KEY AUTOINCREMENT",
  outboxHead: [],
  noLimit: -1,
  text: positionalText,
};

/**
 * PostgreSQL: "C" collation so keys sort as SQLite's and the memory store's do. Outbox positions
 * come from the `outbox_head` row, not a sequence: a sequence hands them out in the order
 * transactions ask, and a reader past a later one would never see an earlier one committed after.
 */
export const POSTGRES: SqlDialect = {
  name: "postgres",
  key: 'TEXT COLLATE "C"',
  integer: "BIGINT",
  sequence: "BIGINT NOT NULL PRIMARY KEY",
  outboxHead: [
    "CREATE TABLE outbox_head (id INTEGER NOT NULL PRIMARY KEY, seq BIGINT NOT NULL)",
    "INSERT INTO outbox_head (id, seq) VALUES (1, 0)",
  ],
  noLimit: null,
  text: (sql) => sql,
};

/**
 * Rewrites `$1, $2, ...` as anonymous `?` parameters (better-sqlite3 binds numbered ones
 * poorly); each parameter must appear once, in order, so the positions stay the same.
 */
export function positionalText(sql: string): string {
  let next = 1;
  return sql.replace(/\$(\d+)/g, (_match, digits: string) => {
    if (Number(digits) !== next) throw new Error(`parameter $${digits} out of order in: ${sql}`);
    next++;
    return "?";
  });
}
