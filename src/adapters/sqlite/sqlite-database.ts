import type Database from "better-sqlite3";
import { lazyModule } from "../../domain/lazy-module.js";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { SQLITE } from "../sql/dialect.js";
import {
  CREATE_VERSION_TABLE,
  migrationStatements,
  READ_VERSION,
  SchemaTooNewError,
  VERSION_TABLE,
} from "../sql/schema.js";

/** better-sqlite3, loaded by the first database opened (not by importing the library). */
const driver = lazyModule<typeof Database>("better-sqlite3");

/** How a SQLite database is opened. */
export interface SqliteOptions {
  /**
   * `FULL` (default): a committed change survives a power loss. `NORMAL`: faster commits in WAL
   * mode; a power loss (not a process crash) may undo the last ones.
   */
  readonly synchronous?: "FULL" | "NORMAL";
  /** How long a writer waits for another process's transaction, in milliseconds (default 5000). */
  readonly busyTimeoutMs?: number;
  /** Runs in the transaction that creates the schema of a new database (to seed it atomically). */
  readonly onCreate?: (db: Database.Database) => void;
}

/** Thrown when a store cannot be opened: one line naming the problem and the path or URL. */
export class StoreOpenError extends Error {
  /** `location` is the path or URL; `problem` says what is wrong with it. */
  constructor(
    readonly location: string,
    readonly problem: string,
  ) {
    super(`cannot open store ${location}: ${problem}`);
    this.name = "StoreOpenError";
  }
}

/** An open, migrated SQLite database. */
export interface SqliteDatabase {
  /** The better-sqlite3 connection the adapters share. */
  readonly db: Database.Database;
  /** The path it was opened at (`:memory:` for an in-memory one). */
  readonly path: string;
  /** True when this open created the schema (the database was new). */
  readonly created: boolean;
  /** Closes the connection. */
  close(): void;
}

/** Marks our files (`PRAGMA application_id`, "NLc1") so a foreign SQLite file is told apart. */
export const APPLICATION_ID = 0x4e4c6331;

const IN_MEMORY = ":memory:";

/** One line for a failure of the driver or the file system while opening. */
function problemOf(error: unknown): string {
  if (error instanceof SchemaTooNewError) return error.message;
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === "SQLITE_NOTADB" || code === "SQLITE_CORRUPT")
    return "the file is not a SQLite database or is corrupt";
  if (typeof code === "string" && code.startsWith("SQLITE_READONLY"))
    return "the database is read-only (the file or its folder cannot be written)";
  if (code === "SQLITE_CANTOPEN" || code === "EACCES" || code === "EROFS" || code === "ENOTDIR")
    return `cannot create or open the file (${message})`;
  return message;
}

/** Refuses what is not one of our databases before anything is written. */
function checkOwnership(db: Database.Database): number {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  const applicationId = db.pragma("application_id", { simple: true }) as number;
  const ours = applicationId === APPLICATION_ID || applicationId === 0;
  if (!ours || (tables.length > 0 && !tables.includes(VERSION_TABLE)))
    throw new Error("not a number-lifecycle database (it holds other data); nothing was changed");
  if (!tables.includes(VERSION_TABLE)) return 0;
  const version = db.prepare(READ_VERSION).pluck().get() as number | undefined;
  return version ?? 0;
}

/**
 * Brings the schema to this code's version in one transaction; returns whether it was new.
 * It always stamps the application id, so a file that cannot be written fails here, at open.
 */
function migrate(db: Database.Database, onCreate: SqliteOptions["onCreate"]): boolean {
  return db
    .transaction(() => {
      const version = checkOwnership(db);
      const statements = migrationStatements(version, SQLITE);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      if (statements.length === 0) return false;
      db.exec(CREATE_VERSION_TABLE);
      for (const statement of statements) db.exec(statement);
      if (version === 0) onCreate?.(db);
      return version === 0;
    })
    .immediate();
}

/**
 * Opens (creating when missing, with its folder) a SQLite database at `path` or `:memory:`,
 * checks it is ours and not newer than this code, sets WAL and the synchronous level, and
 * migrates it. Throws StoreOpenError with one line naming the problem and the path; a refused
 * file is left as it was.
 */
export function openSqliteDatabase(path: string, options: SqliteOptions = {}): SqliteDatabase {
  const location = `sqlite:${path}`;
  const inMemory = path === IN_MEMORY;
  if (!inMemory && existsSync(path) && !statSync(path).isFile())
    throw new StoreOpenError(location, "not a file");
  let db: Database.Database | undefined;
  try {
    if (!inMemory && !existsSync(path)) mkdirSync(dirname(path), { recursive: true });
    db = new (driver())(path, { timeout: options.busyTimeoutMs ?? 5000 });
    // Read-only checks first: a foreign or newer file is refused before any pragma writes.
    const reader = db;
    db.transaction(() => migrationStatements(checkOwnership(reader), SQLITE))();
    if (!inMemory) db.pragma("journal_mode = WAL");
    db.pragma(`synchronous = ${options.synchronous ?? "FULL"}`);
    const created = migrate(db, options.onCreate);
    const open = db;
    return { db: open, path, created, close: () => open.close() };
  } catch (error) {
    db?.close();
    throw new StoreOpenError(location, problemOf(error));
  }
}
