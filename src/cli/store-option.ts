import { existsSync } from "node:fs";
import { StoreOpenError } from "../adapters/sqlite/sqlite-database.js";
import { SystemClock } from "../adapters/system-clock.js";
import { UsageError, UserError, type CommandInput, type OptionSpec } from "./command.js";
import { openStoreWorld, type StoreWorld } from "./serve-store.js";
import { DEFAULT_STORE, parseStoreSpec, storeName, type StoreSpec } from "./store-spec.js";

/** The `--store` option of the commands that work on a store. */
export const STORE_OPTION: OptionSpec = {
  type: "string",
  valueName: "STORE",
  default: DEFAULT_STORE,
  env: "NUMBERS_STORE",
  description: "where numbers live: memory, sqlite:PATH or postgres://...[?schema=NAME]",
};

/** The store a command's `--store` names, read; a value that names none is a UsageError. */
export function storeSpecOf(input: CommandInput): StoreSpec {
  const spec = parseStoreSpec(input.options["store"] ?? DEFAULT_STORE);
  if ("error" in spec) throw new UsageError(`--store: ${spec.error}`);
  return spec;
}

/**
 * Opens the store of a command that works on what a store already holds (sweep, import,
 * export) on the wall clock. `mustExist`: a SQLite file that is not there, or a PostgreSQL schema
 * holding no store, is an error instead of a new, empty store. Unusable stores are UserErrors (one line, exit 1).
 */
export async function openCommandStore(
  spec: StoreSpec,
  options: { readonly mustExist: boolean },
): Promise<StoreWorld> {
  if (
    options.mustExist &&
    spec.kind === "sqlite" &&
    spec.path !== ":memory:" &&
    !existsSync(spec.path)
  ) {
    throw new UserError(`${storeName(spec)}: no such database (check --store or NUMBERS_STORE)`);
  }
  try {
    return await openStoreWorld(spec, { accounts: [], clock: new SystemClock() }, options);
  } catch (error) {
    throw error instanceof StoreOpenError ? new UserError(error.message) : error;
  }
}
