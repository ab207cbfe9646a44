import { composeWorld } from "../compose/world.js";
import { makeRecord } from "../domain/record.js";
import type { SimulatedCarrier, InventoryEntry } from "../adapters/carriers/simulated.js";
import { MemoryAccountDirectory, type AccountSpec } from "../adapters/memory/memory-accounts.js";
import { MemoryNumberRepository } from "../adapters/memory/memory-repository.js";
import { MemoryTokenStore } from "../adapters/memory/memory-tokens.js";
import type { ManualClock } from "../adapters/memory/manual-clock.js";
import type { NumberEngine } from "../engine/engine.js";
import type { PortRequestRepository } from "../ports/port-requests.js";
import type { NumberRepository } from "../ports/repository.js";
import type { SimulationProfile } from "./profile.js";
import { Random } from "./random.js";

/** The size of a simulated world: accounts below the master, and numbers. */
export interface WorldSettings {
  readonly seed: string;
  readonly accounts: number;
  readonly numbers: number;
}

/** The master account: the super-duper admin at the root of the tree. */
export const MASTER = "master";

/** Where a simulation keeps its numbers, and its port requests when the store keeps them. */
export type SimulationStore = NumberRepository & {
  readonly portRequests?: PortRequestRepository | undefined;
};

/** A built world: the engine, its clock and what the journeys draw from. */
export interface SimulatedWorld {
  readonly engine: NumberEngine;
  readonly repository: NumberRepository;
  readonly clock: ManualClock;
  readonly upstream: SimulatedCarrier;
  readonly resellers: readonly string[];
  /** Each reseller's customers. */
  readonly customers: ReadonlyMap<string, readonly string[]>;
  /** Every customer, in order. */
  readonly allCustomers: readonly string[];
  /** The reseller of each customer. */
  readonly resellerOf: ReadonlyMap<string, string>;
  /** The port authority of a customer's port requests: its reseller, or the master (profile). */
  readonly portAuthorityOf: (customer: string) => string;
  /** The master's pool, written as `available` local numbers before the first day. */
  readonly pool: readonly string[];
  /** Numbers outside the system that port-ins and additions bring in, in the order they are used. */
  readonly portable: readonly string[];
  readonly upstreamCount: number;
}

/** Rows written per commit while filling the pool. */
const POOL_BATCH = 1_000;

/** The i-th number of a world: spread over the area codes, exchanges 200-999, lines 0000-9999. */
export function worldNumber(areaCodes: readonly string[], i: number): string {
  const area = areaCodes[i % areaCodes.length] as string;
  const j = Math.floor(i / areaCodes.length);
  const exchange = 200 + (Math.floor(j / 10_000) % 800);
  return `+1${area}${exchange}${String(j % 10_000).padStart(4, "0")}`;
}

function accountTree(settings: WorldSettings, profile: SimulationProfile, random: Random) {
  const resellerCount = Math.min(
    settings.accounts - 1,
    Math.max(1, Math.round(settings.accounts * profile.accounts.resellerShare)),
  );
  const resellers = Array.from({ length: resellerCount }, (_, i) => `reseller-${i + 1}`);
  const customers = new Map<string, string[]>(resellers.map((r) => [r, []]));
  const resellerOf = new Map<string, string>();
  const allCustomers: string[] = [];
  for (let i = 0; i < settings.accounts - resellerCount; i++) {
    const id = `customer-${i + 1}`;
    // Every reseller gets a customer first; the rest are spread at random.
    const reseller = i < resellerCount ? (resellers[i] as string) : random.pick(resellers);
    customers.get(reseller)?.push(id);
    resellerOf.set(id, reseller);
    allCustomers.push(id);
  }
  const specs: AccountSpec[] = [
    { id: MASTER, master: true, reseller: true },
    ...resellers.map((id) => ({
      id,
      parent: MASTER,
      reseller: true,
      allowAdditions: profile.accounts.resellersAllowAdditions,
      portAuthority: profile.accounts.resellersArePortAuthorities,
    })),
    ...allCustomers.map((id) => ({ id, parent: resellerOf.get(id) as string })),
  ];
  return { specs, resellers, customers, resellerOf, allCustomers };
}

/**
 * Builds the world a simulation starts from, the same for the same settings and profile: the
 * account tree, the pool (written to the repository), the upstream carrier's stock and the
 * numbers waiting to be ported in; then an engine over them on a manual clock.
 */
export async function buildWorld(
  settings: WorldSettings,
  profile: SimulationProfile,
  repository: SimulationStore = new MemoryNumberRepository({
    keepEvents: true,
    eventCapacity: Infinity,
  }),
): Promise<SimulatedWorld> {
  if (settings.accounts < 2) throw new RangeError("a simulation needs at least 2 accounts");
  const random = new Random(`${settings.seed}/world`);
  const tree = accountTree(settings, profile, random);
  const pool: string[] = [];
  const inventory: InventoryEntry[] = [];
  const portable: string[] = [];
  const { pool: poolShare, upstream: upstreamShare } = profile.numbers;
  for (let i = 0; i < settings.numbers; i++) {
    const number = worldNumber(profile.areaCodes, i);
    const roll = random.float();
    if (roll < poolShare) pool.push(number);
    else if (roll < poolShare + upstreamShare) inventory.push({ number });
    else portable.push(number);
  }
  let requests = 0;
  const { engine, clock, upstream } = await composeWorld(
    {
      accounts: tree.specs,
      inventory,
      config: profile.config,
      // Port request ids count up, so a replay gives every request the id it had.
      newId: () => (++requests).toString(16).padStart(32, "0"),
    },
    {
      repository,
      accounts: new MemoryAccountDirectory(tree.specs),
      tokens: new MemoryTokenStore([]),
      ...(repository.portRequests === undefined ? {} : { portRequests: repository.portRequests }),
      seedNumbers: false,
    },
  );
  for (let i = 0; i < pool.length; i += POOL_BATCH) {
    const writes = pool.slice(i, i + POOL_BATCH).map((number) => ({
      number,
      record: makeRecord({ number, state: "available", now: clock.now() }),
      expected: null,
      events: [],
    }));
    await repository.commit({ writes });
  }
  return {
    engine,
    repository,
    clock,
    upstream,
    resellers: tree.resellers,
    customers: tree.customers,
    allCustomers: tree.allCustomers,
    resellerOf: tree.resellerOf,
    portAuthorityOf: (customer) =>
      profile.accounts.resellersArePortAuthorities
        ? (tree.resellerOf.get(customer) ?? MASTER)
        : MASTER,
    pool,
    portable,
    upstreamCount: inventory.length,
  };
}
