import { readFile } from "node:fs/promises";
import { connectPostgres, PostgresConnectError } from "../adapters/postgres/connect.js";
import { StoreOpenError } from "../adapters/sqlite/sqlite-database.js";
import { SystemClock } from "../adapters/system-clock.js";
import { createMemoryWorld } from "../compose/memory-world.js";
import { seedStore, worldOnStore } from "../compose/postgres-world.js";
import { createSqliteWorld } from "../compose/sqlite-world.js";
import type { World, WorldSetup } from "../compose/world.js";
import { FormatProblem } from "../conformance/format-checks.js";
import { readGiven } from "../conformance/validate-given.js";
import { setupOfGiven } from "../conformance/world.js";
import { DEMO_ACCOUNTS, demoWorldOptions } from "./demo-world.js";
import { postgresTarget, storeName, type StoreSpec } from "./store-spec.js";

/** Thrown for a `--seed` file that cannot be read or is not a `given` object. */
export class SeedFileError extends Error {
  /** Names the file and the problem. */
  constructor(file: string, problem: string) {
    super(`cannot seed from ${file}: ${problem}`);
    this.name = "SeedFileError";
  }
}

/** The setup a `--seed` file describes (conformance `given` format); its accounts get `token-ID` tokens. */
export async function readSeedFile(file: string): Promise<WorldSetup> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SeedFileError(file, reason.split("\n")[0] ?? reason);
  }
  try {
    return setupOfGiven(readGiven(json, "given"));
  } catch (error) {
    if (error instanceof FormatProblem) throw new SeedFileError(file, error.message);
    throw error;
  }
}

/** The sandbox's demo world with its accounts' tokens. */
function demoSetup(): WorldSetup {
  return { ...demoWorldOptions(), tokens: DEMO_ACCOUNTS.map((a) => [a.token, a.id] as const) };
}

/** A world opened on a store named by a StoreSpec. */
export interface StoreWorld {
  readonly world: World;
  /** True when the store was new and the setup's accounts, tokens and numbers were written. */
  readonly created: boolean;
  /** Releases the store (closes the database, ends the pool). */
  close(): Promise<void>;
}

/**
 * Opens a world on the store a spec names. A new store gets the setup's accounts, tokens and
 * numbers; an existing one keeps its own. `mustExist`: a PostgreSQL schema without a store is
 * refused instead of created. Throws StoreOpenError with one line to print.
 */
export async function openStoreWorld(
  spec: StoreSpec,
  setup: WorldSetup,
  options: { readonly mustExist?: boolean } = {},
): Promise<StoreWorld> {
  switch (spec.kind) {
    case "memory":
      return {
        world: await createMemoryWorld(setup),
        created: true,
        close: () => Promise.resolve(),
      };
    case "sqlite": {
      const world = await createSqliteWorld({ ...setup, path: spec.path });
      return { world, created: world.created, close: () => Promise.resolve(world.close()) };
    }
    case "postgres":
      return openPostgresWorld(spec.url, setup, options.mustExist ?? false);
  }
}

/** A world on the PostgreSQL store a URL names (`?schema=` picks the schema), seeded when new. */
async function openPostgresWorld(
  url: string,
  setup: WorldSetup,
  mustExist: boolean,
): Promise<StoreWorld> {
  const target = postgresTarget(url);
  const connection = await connectPostgres(target.url, {
    schema: target.schema,
    mustExist,
    onCreate: (store) => seedStore(store, setup),
  }).catch((error: unknown) => {
    throw error instanceof PostgresConnectError
      ? new StoreOpenError(storeName({ kind: "postgres", url }), error.problem)
      : error;
  });
  try {
    const world = await worldOnStore(connection, setup);
    return { world, created: world.created, close: () => connection.close() };
  } catch (error) {
    await connection.close();
    throw error;
  }
}

/**
 * Opens the store a server runs on, on the wall clock. A new database is seeded from the
 * `--seed` file, else with the demo world; an existing one keeps its numbers, accounts and
 * tokens (the simulated carrier, phonebook and E911 rules come from the same source at every
 * start). Throws StoreOpenError or SeedFileError with one line to print.
 */
export async function openServeWorld(
  spec: StoreSpec,
  seedFile: string | undefined,
): Promise<StoreWorld & { readonly description: string }> {
  const seed = seedFile === undefined ? demoSetup() : await readSeedFile(seedFile);
  const source = seedFile === undefined ? "the demo world" : seedFile;
  const opened = await openStoreWorld(spec, { ...seed, clock: new SystemClock() });
  const state =
    spec.kind === "memory"
      ? `seeded with ${source}; nothing is kept when the server stops`
      : opened.created
        ? `new, seeded with ${source}`
        : `existing${seedFile === undefined ? "" : `; --seed ${seedFile} not applied`}`;
  return { ...opened, description: `${storeName(spec)} (${state})` };
}
