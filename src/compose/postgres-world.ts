import type { PgPool } from "../adapters/postgres/driver.js";
import type {
  PostgresAccountDirectory,
  PostgresTokenStore,
} from "../adapters/postgres/postgres-directory.js";
import type { PostgresNumberRepository } from "../adapters/postgres/postgres-repository.js";
import {
  openPostgresStore,
  type PostgresStore,
  type PostgresStoreOptions,
} from "../adapters/postgres/postgres-store.js";
import { composeWorld, seedWrites, type World, type WorldSetup } from "./world.js";

/** The pool a PostgreSQL world runs on and where its tables are; the rest as for a memory world. */
export interface PostgresWorldOptions extends WorldSetup, PostgresStoreOptions {
  /** A node-postgres Pool, or any pool with the same `query` and `connect` (see PgPool). */
  readonly pool: PgPool;
}

/** A world whose numbers, outbox, idempotency keys, accounts and tokens live in one PostgreSQL database. */
export interface PostgresWorld extends World<
  PostgresNumberRepository,
  PostgresAccountDirectory,
  PostgresTokenStore
> {
  /** True when the store was new, so the setup's accounts, tokens and numbers were written. */
  readonly created: boolean;
}

/**
 * Builds an engine over a PostgreSQL store (see createMemoryWorld for the rest). Opening migrates
 * the schema; the setup's accounts, tokens and numbers are written only when it was new, so
 * several instances can start with the same setup. The pool stays the caller's to end.
 *
 * @example
 * const world = await createPostgresWorld({ pool: new pg.Pool({ connectionString }), accounts });
 */
export async function createPostgresWorld(options: PostgresWorldOptions): Promise<PostgresWorld> {
  const store = await openPostgresStore(options.pool, {
    ...options,
    onCreate: (made) => seedStore(made, options),
  });
  return worldOnStore(store, options);
}

/**
 * Writes a setup's accounts, tokens and numbers into a store: the `onCreate` of a store being
 * opened, so a new store is seeded in the transaction that creates it, and only then.
 */
export async function seedStore(store: PostgresStore, setup: WorldSetup): Promise<void> {
  await store.accounts.put(setup.accounts);
  await store.tokens.put(setup.tokens ?? []);
  const writes = seedWrites(setup);
  if (writes.length > 0) await store.repository.commit({ writes });
}

/** A world on an opened store (seeded by `seedStore` when it was new). */
export async function worldOnStore(
  store: PostgresStore,
  options: WorldSetup,
): Promise<PostgresWorld> {
  const world = await composeWorld(options, {
    ...store,
    portRequests: store.repository.portRequests,
    seedNumbers: false,
  });
  return { ...world, created: store.created };
}
