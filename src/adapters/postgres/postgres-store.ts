import { poolInTransaction, type PgPool } from "./driver.js";
import { PostgresAccountDirectory, PostgresTokenStore } from "./postgres-directory.js";
import { PostgresNumberRepository } from "./postgres-repository.js";
import { hasStore, migrate } from "./schema.js";

/** Where in the database a store lives. */
export interface PostgresStoreOptions {
  /** The schema holding the store's tables (default `public`); created when missing. */
  readonly schema?: string;
  /** How long an account lookup is kept before it is read again, in ms (default 1000; 0: never kept). */
  readonly accountCacheMs?: number;
  /** Refuse a schema that holds no store yet instead of creating one (default false). */
  readonly mustExist?: boolean;
  /**
   * Fills a new store (seeding): runs only when opening creates the tables, inside the
   * transaction that creates them, on adapters bound to it; a failure leaves no store.
   */
  readonly onCreate?: (store: PostgresStore) => Promise<void>;
}

/** The adapters of one PostgreSQL store: numbers, accounts and tokens in one database. */
export interface PostgresStore {
  readonly repository: PostgresNumberRepository;
  readonly accounts: PostgresAccountDirectory;
  readonly tokens: PostgresTokenStore;
  /** True when opening created the tables: the database (or schema) was new. */
  readonly created: boolean;
}

/**
 * Opens the store on `pool`: migrates its schema to this code's version (idempotent, safe when
 * several instances start together) and builds its adapters. Throws SchemaTooNewError when the
 * database was migrated by newer code, an Error when `mustExist` and the schema holds no store.
 */
export async function openPostgresStore(
  pool: PgPool,
  options: PostgresStoreOptions = {},
): Promise<PostgresStore> {
  const schema = options.schema ?? "public";
  if (options.mustExist === true && !(await hasStore(pool, schema)))
    throw new Error(`no store in schema "${schema}"`);
  const adapters = (on: PgPool) => ({
    repository: new PostgresNumberRepository(on, schema),
    accounts: new PostgresAccountDirectory(on, schema, options.accountCacheMs),
    tokens: new PostgresTokenStore(on, schema),
  });
  const { onCreate } = options;
  const created = await migrate(
    pool,
    schema,
    onCreate && ((client) => onCreate({ ...adapters(poolInTransaction(client)), created: true })),
  );
  return { ...adapters(pool), created };
}
