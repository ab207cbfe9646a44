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
  noLimit: -1,
  text: positionalText,
};

/** PostgreSQL: "C" collation so keys sort as SQLite's and the memory store's do. */
export const POSTGRES: SqlDialect = {
  name: "postgres",
  key: 'TEXT COLLATE "C"',
  integer: "BIGINT",
  sequence: "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
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
