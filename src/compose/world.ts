import type { EngineConfig } from "../domain/config.js";
import { makeRecord, type RecordInit } from "../domain/record.js";
import { NumberEngine } from "../engine/engine.js";
import type { SubscriberErrorHandler } from "../engine/event-bus.js";
import type { NumberWrite, NumberRepository } from "../ports/repository.js";
import { FaultPlan, type Fault } from "../adapters/fault-plan.js";
import { LocalCarrier } from "../adapters/carriers/local.js";
import { ReservedCarrier } from "../adapters/carriers/reserved.js";
import {
  SimulatedCarrier,
  type InventoryEntry,
  type SimulatedCarrierOptions,
} from "../adapters/carriers/simulated.js";
import type { AccountSpec } from "../adapters/memory/memory-accounts.js";
import { ManualClock } from "../adapters/memory/manual-clock.js";
import { MemoryPhonebook, type PhonebookData } from "../adapters/providers/memory-phonebook.js";
import { SimulatedE911, type E911Rule } from "../adapters/providers/simulated-e911.js";
import type { AccountDirectory } from "../ports/accounts.js";
import type { Carrier } from "../ports/carrier.js";
import type { Clock } from "../ports/clock.js";
import type { TokenStore } from "../ports/tokens.js";
import type { PortRequestRepository } from "../ports/port-requests.js";
import type { TransitionTable } from "../machine/transition-table.js";

/** The default start of a world's clock, in Gregorian seconds (conformance/FORMAT.md). */
export const DEFAULT_WORLD_NOW = 63_640_000_000;

/** Everything a world starts from, whatever store keeps its numbers. */
export interface WorldSetup {
  readonly accounts: readonly AccountSpec[];
  /** Records written straight to the repository, no lifecycle rules run. */
  readonly numbers?: readonly Omit<RecordInit, "now">[];
  /** API tokens: `[token, account]` pairs. */
  readonly tokens?: readonly (readonly [string, string])[];
  /** The simulated upstream carrier's stock. */
  readonly inventory?: readonly InventoryEntry[];
  /** How long the simulated upstream carrier takes to answer, in milliseconds (per operation or for all). */
  readonly carrierLatencyMs?: SimulatedCarrierOptions["latencyMs"];
  /** The locality back end; absent means none is set up. */
  readonly phonebook?: PhonebookData | undefined;
  /** The E911 back end's rules; absent means addresses are stored as submitted. */
  readonly e911?: readonly E911Rule[] | undefined;
  readonly faults?: readonly Fault[];
  readonly config?: Partial<EngineConfig>;
  readonly now?: number;
  /** Extra carriers to register next to the built-in ones. */
  readonly carriers?: readonly Carrier[];
  /** A transition table other than the machine's (e.g. one derived from a modified machine). */
  readonly transitions?: TransitionTable;
  /** The engine's clock; without one the world's manual clock drives the engine. */
  readonly clock?: Clock;
  /** Told when an event subscriber throws or rejects (the engine option of the same name). */
  readonly onSubscriberError?: SubscriberErrorHandler;
  /** The source of port request ids (32 lowercase hex); default random. */
  readonly newId?: () => string;
}

/** A built world: the engine and the adapters behind it, for driving and inspecting. */
export interface World<
  R extends NumberRepository = NumberRepository,
  A extends AccountDirectory = AccountDirectory,
  T extends TokenStore = TokenStore,
> {
  readonly engine: NumberEngine;
  readonly repository: R;
  readonly accounts: A;
  readonly tokens: T;
  /** The manual clock, which drives the engine unless the options named another clock. */
  readonly clock: ManualClock;
  readonly upstream: SimulatedCarrier;
  readonly faults: FaultPlan;
  readonly e911: SimulatedE911 | undefined;
}

/** The stores a world keeps its numbers, accounts and tokens in. */
export interface WorldStores<R, A, T> {
  readonly repository: R;
  readonly accounts: A;
  readonly tokens: T;
  /** Where the store's port requests are read (its `commit` writes them); absent: the store keeps none. */
  readonly portRequests?: PortRequestRepository;
  /** Write the setup's numbers (false: the store already holds its numbers). */
  readonly seedNumbers: boolean;
}

/** The clock reading a world's setup starts at: its clock's, else `now`, else the default. */
export function setupNow(setup: WorldSetup): number {
  return setup.clock?.now() ?? setup.now ?? DEFAULT_WORLD_NOW;
}

/** The writes that create the setup's numbers (no events: they are the world's starting point). */
export function seedWrites(setup: WorldSetup): NumberWrite[] {
  const now = setupNow(setup);
  return (setup.numbers ?? []).map((init): NumberWrite => {
    const record = makeRecord({ ...init, now });
    return { number: record.number, record, expected: null, events: [] };
  });
}

/**
 * Builds an engine over the given stores and in-memory simulations: the built-in local and
 * reserved carriers, the simulated upstream carrier (after `knm_local` in the system carrier
 * list, decisions.md D14), and the optional phonebook and E911 back ends. The setup's numbers
 * are written in one batch.
 */
export async function composeWorld<
  R extends NumberRepository,
  A extends AccountDirectory,
  T extends TokenStore,
>(setup: WorldSetup, stores: WorldStores<R, A, T>): Promise<World<R, A, T>> {
  const { repository, accounts, tokens } = stores;
  const clock = new ManualClock(setup.now ?? DEFAULT_WORLD_NOW);
  const faults = new FaultPlan([...(setup.faults ?? [])]);
  const upstream = new SimulatedCarrier({
    inventory: setup.inventory ?? [],
    faults,
    ...(setup.carrierLatencyMs === undefined ? {} : { latencyMs: setup.carrierLatencyMs }),
  });
  const e911 = setup.e911 === undefined ? undefined : new SimulatedE911(setup.e911, faults);
  const engineClock = setup.clock ?? clock;
  if (stores.seedNumbers && (setup.numbers ?? []).length > 0)
    await repository.commit({ writes: seedWrites(setup) });
  const engine = new NumberEngine({
    repository,
    accounts,
    clock: engineClock,
    carriers: [
      new LocalCarrier(repository),
      new ReservedCarrier(repository, "account"),
      new ReservedCarrier(repository, "reseller"),
      upstream,
      ...(setup.carriers ?? []),
    ],
    phonebook:
      setup.phonebook === undefined ? undefined : new MemoryPhonebook(setup.phonebook, faults),
    e911,
    config: { carrier_modules: ["knm_local", "knm_simulated"], ...setup.config },
    transitions: setup.transitions,
    onSubscriberError: setup.onSubscriberError,
    portRequests: stores.portRequests,
    newId: setup.newId,
  });
  return { engine, repository, accounts, tokens, clock, upstream, faults, e911 };
}
