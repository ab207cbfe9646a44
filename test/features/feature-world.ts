import type { AccountSpec } from "../../src/adapters/memory/memory-accounts.js";
import {
  createMemoryWorld,
  type MemoryWorld,
  type MemoryWorldOptions,
} from "../../src/compose/memory-world.js";
import { MemoryAccountDirectory } from "../../src/adapters/memory/memory-accounts.js";
import { ManualClock } from "../../src/adapters/memory/manual-clock.js";
import { MemoryNumberRepository } from "../../src/adapters/memory/memory-repository.js";
import type { EngineConfig } from "../../src/domain/config.js";
import {
  makeRecord,
  recordFingerprint,
  type NumberRecord,
  type RecordInit,
} from "../../src/domain/record.js";
import { NumberEngine } from "../../src/engine/engine.js";
import type { Carrier } from "../../src/ports/carrier.js";
import type { Clock } from "../../src/ports/clock.js";
import type { E911Provider } from "../../src/ports/e911.js";
import type { Phonebook } from "../../src/ports/phonebook.js";
import type { NumberRepository } from "../../src/ports/repository.js";
import { putRecord } from "../../src/testing/repository-fixtures.js";

/** The number most feature tests are about. */
export const N = "+14155550100";

/** Test start time (Gregorian seconds). */
export const START = 63_640_000_000;

/**
 * The accounts of these tests: root (admin, reseller) > acme (reseller, may add numbers) >
 * acme_sales; root > globex (reseller).
 */
export const ACCOUNTS: readonly AccountSpec[] = [
  { id: "root", master: true, reseller: true, allowAdditions: true },
  { id: "acme", parent: "root", reseller: true, allowAdditions: true },
  { id: "acme_sales", parent: "acme" },
  { id: "globex", parent: "root", reseller: true, allowAdditions: true },
];

/** A record seed: everything of a record but the time, which the world supplies. */
export type Seed = Omit<RecordInit, "now">;

/** A seed for N owned by acme_sales, in service, on the local carrier unless overridden. */
export const aNumber = (overrides: Partial<Seed> = {}): Seed => ({
  number: N,
  state: "in_service",
  assignedTo: "acme_sales",
  ...overrides,
});

/** What a test engine is built from; carriers may need the world's repository and clock. */
export interface WorldOptions {
  readonly numbers?: readonly Seed[];
  readonly carriers?: (repository: NumberRepository, clock: Clock) => readonly Carrier[];
  readonly phonebook?: Phonebook;
  readonly e911?: E911Provider;
  readonly config?: Partial<EngineConfig>;
}

/** An engine over in-memory adapters, with the repository for inspection. */
export interface World {
  readonly engine: NumberEngine;
  readonly repository: MemoryNumberRepository;
  readonly clock: ManualClock;
  /** Fingerprint of the stored record of a number (`<none>` when it has none). */
  fingerprint(number?: string): Promise<string>;
}

/** Builds an engine directly from ports, so carriers can share its repository and clock. */
export async function buildWorld(options: WorldOptions = {}): Promise<World> {
  const clock = new ManualClock(START);
  const repository = new MemoryNumberRepository();
  for (const seed of options.numbers ?? []) {
    await putRecord(repository, makeRecord({ ...seed, now: clock.now() }), null);
  }
  const engine = new NumberEngine({
    repository,
    accounts: new MemoryAccountDirectory(ACCOUNTS),
    clock,
    carriers: options.carriers?.(repository, clock) ?? [],
    phonebook: options.phonebook,
    e911: options.e911,
    config: options.config,
  });
  return {
    engine,
    repository,
    clock,
    fingerprint: async (number = N) => recordFingerprint((await repository.get(number))?.record),
  };
}

/** A memory world (createMemoryWorld) over ACCOUNTS with the given records and options. */
export function memoryWorld(
  numbers: readonly Seed[],
  options: Omit<MemoryWorldOptions, "accounts" | "numbers"> = {},
): Promise<MemoryWorld> {
  return createMemoryWorld({ accounts: ACCOUNTS, numbers, ...options });
}

/** The stored record of a number, failing the test when there is none. */
export async function stored(world: { engine: NumberEngine }, number = N): Promise<NumberRecord> {
  const record = await world.engine.inspect(number);
  if (record === undefined) throw new Error(`${number} has no record`);
  return record;
}
