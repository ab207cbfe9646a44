import type { EngineConfig } from "../domain/config.js";
import { makeRecord, type RecordInit } from "../domain/record.js";
import { NumberEngine } from "../engine/engine.js";
import type { SubscriberErrorHandler } from "../engine/event-bus.js";
import { singleWrite } from "../ports/repository.js";
import { FaultPlan, type Fault } from "../adapters/fault-plan.js";
import { LocalCarrier } from "../adapters/carriers/local.js";
import { ReservedCarrier } from "../adapters/carriers/reserved.js";
import {
  SimulatedCarrier,
  type InventoryEntry,
  type SimulatedCarrierOptions,
} from "../adapters/carriers/simulated.js";
import { MemoryAccountDirectory, type AccountSpec } from "../adapters/memory/memory-accounts.js";
import { MemoryNumberRepository } from "../adapters/memory/memory-repository.js";
import { ManualClock } from "../adapters/memory/manual-clock.js";
import { MemoryPhonebook, type PhonebookData } from "../adapters/providers/memory-phonebook.js";
import { SimulatedE911, type E911Rule } from "../adapters/providers/simulated-e911.js";
import type { Carrier } from "../ports/carrier.js";
import type { Clock } from "../ports/clock.js";
import type { TransitionTable } from "../machine/transition-table.js";

/** The default start of a world's clock, in Gregorian seconds (conformance/FORMAT.md). */
export const DEFAULT_WORLD_NOW = 63_640_000_000;

/** Everything a deterministic in-memory world starts from. */
export interface MemoryWorldOptions {
  readonly accounts: readonly AccountSpec[];
  /** Records written straight to the repository, no lifecycle rules run. */
  readonly numbers?: readonly Omit<RecordInit, "now">[];
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
}

/** A built world: the engine and the adapters behind it, for driving and inspecting. */
export interface MemoryWorld {
  readonly engine: NumberEngine;
  readonly repository: MemoryNumberRepository;
  readonly accounts: MemoryAccountDirectory;
  /** The manual clock, which drives the engine unless the options named another clock. */
  readonly clock: ManualClock;
  readonly upstream: SimulatedCarrier;
  readonly faults: FaultPlan;
  readonly e911: SimulatedE911 | undefined;
}

/**
 * Builds an engine over in-memory adapters: the built-in local and reserved carriers, the
 * simulated upstream carrier (after `knm_local` in the system carrier list, decisions.md D14),
 * and the optional phonebook and E911 back ends.
 */
export async function createMemoryWorld(options: MemoryWorldOptions): Promise<MemoryWorld> {
  const clock = new ManualClock(options.now ?? DEFAULT_WORLD_NOW);
  const repository = new MemoryNumberRepository();
  const accounts = new MemoryAccountDirectory(options.accounts);
  const faults = new FaultPlan([...(options.faults ?? [])]);
  const upstream = new SimulatedCarrier({
    inventory: options.inventory ?? [],
    faults,
    ...(options.carrierLatencyMs === undefined ? {} : { latencyMs: options.carrierLatencyMs }),
  });
  const e911 = options.e911 === undefined ? undefined : new SimulatedE911(options.e911, faults);
  const engineClock = options.clock ?? clock;
  for (const init of options.numbers ?? []) {
    await repository.commit(singleWrite(makeRecord({ ...init, now: engineClock.now() }), null));
  }
  const engine = new NumberEngine({
    repository,
    accounts,
    clock: engineClock,
    carriers: [
      new LocalCarrier(repository),
      new ReservedCarrier(repository, "account"),
      new ReservedCarrier(repository, "reseller"),
      upstream,
      ...(options.carriers ?? []),
    ],
    phonebook:
      options.phonebook === undefined ? undefined : new MemoryPhonebook(options.phonebook, faults),
    e911,
    config: { carrier_modules: ["knm_local", "knm_simulated"], ...options.config },
    transitions: options.transitions,
    onSubscriberError: options.onSubscriberError,
  });
  return { engine, repository, accounts, clock, upstream, faults, e911 };
}
