import { createMemoryWorld } from "./memory-world.js";
import { createSqliteWorld } from "./sqlite-world.js";
import type { World, WorldSetup } from "./world.js";

/** The stores a throwaway world can be built on (a fresh, empty one each time). */
export const WORLD_STORES = ["memory", "sqlite"] as const;

/** One of WORLD_STORES. */
export type WorldStore = (typeof WORLD_STORES)[number];

/** A world that holds resources until closed. */
export interface ClosableWorld extends World {
  /** Releases the world's store (nothing to do for memory). */
  close(): Promise<void>;
}

const builders: Record<WorldStore, (setup: WorldSetup) => Promise<ClosableWorld>> = {
  memory: async (setup) => ({
    ...(await createMemoryWorld(setup)),
    close: () => Promise.resolve(),
  }),
  sqlite: async (setup) => {
    const world = await createSqliteWorld({ ...setup, path: ":memory:" });
    return { ...world, close: () => Promise.resolve(world.close()) };
  },
};

/** Builds a fresh world from a setup on a new, empty store of the given kind. */
export function createWorldOn(store: WorldStore, setup: WorldSetup): Promise<ClosableWorld> {
  return builders[store](setup);
}

/** True when `value` names one of WORLD_STORES. */
export function isWorldStore(value: string): value is WorldStore {
  return (WORLD_STORES as readonly string[]).includes(value);
}
