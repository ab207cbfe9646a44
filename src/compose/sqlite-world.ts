import {
  openSqliteDatabase,
  type SqliteDatabase,
  type SqliteOptions,
} from "../adapters/sqlite/sqlite-database.js";
import { SqliteAccountDirectory } from "../adapters/sqlite/sqlite-accounts.js";
import { SqliteNumberRepository } from "../adapters/sqlite/sqlite-repository.js";
import { SqliteTokenStore } from "../adapters/sqlite/sqlite-tokens.js";
import { composeWorld, seedWrites, type World, type WorldSetup } from "./world.js";

/** Where a SQLite world keeps its data, and how durably; the rest as for a memory world. */
export interface SqliteWorldOptions extends WorldSetup, SqliteOptions {
  /** The database file (created with its folder when missing), or `:memory:` (the default). */
  readonly path?: string;
}

/** A world whose numbers, outbox, idempotency keys, accounts and tokens live in one SQLite database. */
export interface SqliteWorld extends World<
  SqliteNumberRepository,
  SqliteAccountDirectory,
  SqliteTokenStore
> {
  readonly database: SqliteDatabase;
  /** True when the database was new, so the setup's accounts, tokens and numbers were written. */
  readonly created: boolean;
  /** Closes the database. */
  close(): void;
}

/**
 * Builds an engine over a SQLite database (see createMemoryWorld for the rest). The setup's
 * accounts, tokens and numbers are written only when the database is new; an existing one
 * keeps what it holds. Throws StoreOpenError when the file cannot be used.
 *
 * @example
 * const world = await createSqliteWorld({ path: "./data/numbers.db", accounts: [{ id: "acme" }] });
 */
export async function createSqliteWorld(options: SqliteWorldOptions): Promise<SqliteWorld> {
  const database = openSqliteDatabase(options.path ?? ":memory:", {
    ...options,
    // In the transaction that creates the schema: a crash leaves a new database or a seeded one.
    onCreate: (db) => {
      new SqliteAccountDirectory(db).put(options.accounts);
      new SqliteTokenStore(db).put(options.tokens ?? []);
      new SqliteNumberRepository(db).commitNow({ writes: seedWrites(options) });
    },
  });
  try {
    const repository = new SqliteNumberRepository(database.db);
    const world = await composeWorld(options, {
      repository,
      portRequests: repository.portRequests,
      accounts: new SqliteAccountDirectory(database.db),
      tokens: new SqliteTokenStore(database.db),
      seedNumbers: false,
    });
    return { ...world, database, created: database.created, close: () => database.close() };
  } catch (error) {
    database.close();
    throw error;
  }
}
