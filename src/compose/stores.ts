import { randomUUID } from "node:crypto";
import { connectPostgres } from "../adapters/postgres/connect.js";
import { createMemoryWorld } from "./memory-world.js";
import { seedStore, worldOnStore } from "./postgres-world.js";
import { createSqliteWorld } from "./sqlite-world.js";
import type { World, WorldSetup } from "./world.js";

/** The stores a throwaway world can be built on (a fresh, empty one each time). */
export const WORLD_STORES = ["memory", "sqlite", "postgres"] as const;

/**
 * One of WORLD_STORES, or the URL of the PostgreSQL server to use (`postgres` alone means the
 * one DATABASE_URL names).
 */
export type WorldStore =
  (typeof WORLD_STORES)[number] | `postgres://${string}` | `postgresql://${string}`;

/** A world that holds resources until closed. */
export interface ClosableWorld extends World {
  /** Releases the world's store (nothing to do for memory). */
  close(): Promise<void>;
}

/**
 * A world in a new schema of its own on the PostgreSQL server at `url`; closing it drops the
 * schema and ends the pool.
 */
async function throwawayPostgresWorld(url: string, setup: WorldSetup): Promise<ClosableWorld> {
  const schema = `scratch_${randomUUID().replaceAll("-", "")}`;
  const connection = await connectPostgres(url, {
    schema,
    maxConnections: 4,
    onCreate: (store) => seedStore(store, setup),
  });
  const close = async (): Promise<void> => {
    try {
      await connection.pool.query({ text: `DROP SCHEMA IF EXISTS "${schema}" CASCADE` });
    } finally {
      await connection.close();
    }
  };
  try {
    const world = await worldOnStore(connection, setup);
    return { ...world, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The server a `postgres` world uses: the URL given, else DATABASE_URL. */
function postgresUrl(store: string): string {
  const url = store === "postgres" ? process.env["DATABASE_URL"] : store;
  if (url === undefined || url === "")
    throw new Error("the postgres store needs a server: set DATABASE_URL to a postgres:// URL");
  return url;
}

const builders: Record<
  (typeof WORLD_STORES)[number],
  (setup: WorldSetup, store: WorldStore) => Promise<ClosableWorld>
> = {
  memory: async (setup) => ({
    ...(await createMemoryWorld(setup)),
    close: () => Promise.resolve(),
  }),
  sqlite: async (setup) => {
    const world = await createSqliteWorld({ ...setup, path: ":memory:" });
    return { ...world, close: () => Promise.resolve(world.close()) };
  },
  postgres: (setup, store) => throwawayPostgresWorld(postgresUrl(store), setup),
};

/** Builds a fresh world from a setup on a new, empty store of the given kind. */
export function createWorldOn(store: WorldStore, setup: WorldSetup): Promise<ClosableWorld> {
  return builders[isPostgresUrl(store) ? "postgres" : (store as (typeof WORLD_STORES)[number])](
    setup,
    store,
  );
}

/** True for a `postgres://` or `postgresql://` URL. */
function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//.test(value);
}

/** True when `value` names one of WORLD_STORES. */
export function isWorldStore(value: string): value is WorldStore {
  return (WORLD_STORES as readonly string[]).includes(value) || isPostgresUrl(value);
}
