import { SECONDS_PER_DAY } from "../domain/time.js";
import type { NumberState } from "../domain/states.js";
import type { PortState } from "../domain/port-states.js";
import { machineEdges, reachableEdges } from "./edges.js";
import { errorNote } from "./error-notes.js";
import { JOURNEYS } from "./flows.js";
import type { JourneyContext } from "./journey.js";
import { WorldModel } from "./model.js";
import { portMachineEdges, reachablePortEdges } from "./port-edges.js";
import { PortModel, type PortTally } from "./port-model.js";
import { DEFAULT_PROFILE, FLOW_NAMES, type FlowName, type SimulationProfile } from "./profile.js";
import { Random } from "./random.js";
import type { SimOperation, SimRequest } from "./requests.js";
import { EventFeed, RequestRunner } from "./run.js";
import { TRACE_FORMAT, TRACE_VERSION, traceLine, type TraceHeader } from "./trace-format.js";
import { buildWorld, type SimulationStore } from "./world.js";

/** How to run a simulation. */
export interface SimulationOptions {
  /** The same seed (and profile and sizes) gives the same run, request for request. */
  readonly seed: string | number;
  /** Accounts below the master account: resellers and their customers (at least 2). */
  readonly accounts: number;
  readonly numbers: number;
  readonly days: number;
  /** The operation mix and the world's shape; DEFAULT_PROFILE when absent. */
  readonly profile?: SimulationProfile;
  /** Where the numbers live; a fresh in-memory repository when absent. It must start empty. */
  readonly repository?: SimulationStore;
  /** Receives every trace line (JSONL, each ending in a newline): the header, then one per request. */
  readonly trace?: (line: string) => void;
  /** Stops the run between two journeys when it aborts; the summary then says `stopped`. */
  readonly signal?: AbortSignal;
  /** Called after each simulated day. */
  readonly onDay?: (progress: DayProgress) => void;
}

/** Where a run is after a day. */
export interface DayProgress {
  readonly day: number;
  readonly days: number;
  readonly steps: number;
}

/** One edge of a machine (numbers, or port requests) with how often the run took it. */
export interface EdgeCount<S extends string = NumberState> {
  readonly id: string;
  readonly from: string;
  readonly to: S;
  readonly events: readonly string[];
  readonly count: number;
  /** The profile can reach this edge (derived from the machine and the profile's settings). */
  readonly reachable: boolean;
}

/** The outcome of a simulation. */
export interface SimulationSummary {
  readonly seed: string;
  readonly profile: string;
  readonly accounts: number;
  readonly numbers: number;
  readonly days: number;
  /** True when the signal stopped the run before its last day (the timeline says how far it got). */
  readonly stopped: boolean;
  /** Requests sent. */
  readonly steps: number;
  readonly requests: Readonly<Partial<Record<SimOperation, number>>>;
  /** Numbers per state at the end. */
  readonly states: Readonly<Record<NumberState, number>>;
  /** Numbers still for sale at the upstream carrier at the end. */
  readonly upstream: number;
  /** Every edge of the machine (and creations, from `new`), with its count. */
  readonly edges: readonly EdgeCount[];
  /** Port requests per state at the end (deleted ones are gone). */
  readonly portStates: Readonly<Record<PortState, number>>;
  /** Every edge of the port request machine (and creations, from `new`), with its count. */
  readonly portEdges: readonly EdgeCount<PortState>[];
  /** Clean-up deletions by state, API deletions, reminders, and completions by who completed. */
  readonly portTally: PortTally;
  /** Edges the events took that the machines do not have (none, unless engine and machine disagree). */
  readonly offMachine: Readonly<Record<string, number>>;
  /** Events that only changed fields. */
  readonly updates: number;
  /** `deleted` records the sweep removed. */
  readonly purged: number;
  /** Errors by name. */
  readonly errors: Readonly<Record<string, number>>;
  /** Errors by operation and name, most frequent first. */
  readonly errorTable: readonly {
    readonly operation: SimOperation;
    readonly reason: string;
    readonly count: number;
    /** What causes this error in a simulation, for the errors a run is expected to meet. */
    readonly note?: string;
  }[];
  /** Numbers per state at the end of each day (day 0: before the first). */
  readonly timeline: readonly {
    readonly day: number;
    readonly states: Readonly<Record<NumberState, number>>;
  }[];
  /** Wall time of the run and requests per second of it. */
  readonly elapsedMs: number;
  readonly stepsPerSecond: number;
}

function sorted<T>(map: ReadonlyMap<string, T>): Record<string, T> {
  return Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * Runs a seeded simulation of number flows over simulated days on a manual clock: each day a
 * number of journeys proportional to the world's numbers (searches, holds, purchases, updates,
 * port-ins, releases, hard deletes, ...), drawn from the profile's mix, then the daily sweep.
 *
 * @example
 * const summary = await simulate({ seed: 7, accounts: 20, numbers: 2_000, days: 30 });
 * console.log(summary.states, summary.errors);
 */
export async function simulate(options: SimulationOptions): Promise<SimulationSummary> {
  const started = performance.now();
  const profile = options.profile ?? DEFAULT_PROFILE;
  const seed = String(options.seed);
  const settings = { accounts: options.accounts, numbers: options.numbers, days: options.days };
  if (!Number.isInteger(options.days) || options.days < 0)
    throw new RangeError("days must be a whole number >= 0");
  if (!Number.isInteger(options.numbers) || options.numbers < 0)
    throw new RangeError("numbers must be a whole number >= 0");
  const world = await buildWorld({ seed, ...settings }, profile, options.repository);
  const header: TraceHeader = {
    format: TRACE_FORMAT,
    version: TRACE_VERSION,
    seed,
    settings,
    profile,
  };
  options.trace?.(traceLine(header));
  const model = new WorldModel();
  model.seed(world.pool, "available");
  const ports = new PortModel();
  const feed = new EventFeed(world.engine);
  await feed.skipExisting();
  const runner = new RequestRunner(world, feed, model, ports, options.trace);
  const random = new Random(`${seed}/flows`);
  const scheduled = new Map<number, (() => Promise<void>)[]>();
  let day = 0;
  let portable = 0;
  const after = (days: number, step: () => Promise<void>): void => {
    const list = scheduled.get(day + days) ?? [];
    list.push(step);
    scheduled.set(day + days, list);
  };
  const ctx: JourneyContext = {
    world,
    profile,
    model,
    ports,
    random,
    send: (request) => runner.send(request),
    later: (days, request: SimRequest) => after(days, () => runner.send(request).then(() => {})),
    after,
    nextPortable: () => world.portable[portable++],
  };
  const weights = FLOW_NAMES.map((flow) => [flow, profile.flows[flow]] as const).filter(
    ([, w]) => w > 0,
  );
  const journeys = Math.max(1, Math.round(options.numbers * profile.activity));
  const start = world.clock.now();
  const timeline: { day: number; states: Record<NumberState, number> }[] = [
    { day: 0, states: model.counts() },
  ];
  const stopped = (): boolean => options.signal?.aborted === true;
  for (day = 0; day < options.days && !stopped(); day++) {
    for (const step of scheduled.get(day) ?? []) await step();
    scheduled.delete(day);
    const spacing = Math.floor(SECONDS_PER_DAY / (journeys + 1));
    for (let j = 0; j < journeys && !stopped(); j++) {
      world.clock.advance(spacing);
      await JOURNEYS[random.weighted<FlowName>(weights)](ctx);
    }
    world.clock.advance(start + (day + 1) * SECONDS_PER_DAY - world.clock.now());
    await runner.send({ op: "sweep" });
    await world.repository.pruneEvents(world.clock.now());
    timeline.push({ day: day + 1, states: model.counts() });
    options.onDay?.({ day: day + 1, days: options.days, steps: runner.counts.steps });
  }
  const counts = runner.counts;
  const reachable = new Set(reachableEdges(profile));
  const edges = machineEdges();
  const known = new Set(edges.map((edge) => edge.id));
  const reachablePorts = new Set(reachablePortEdges(profile));
  const portEdges = portMachineEdges();
  const knownPorts = new Set(portEdges.map((edge) => edge.id));
  const elapsedMs = performance.now() - started;
  const errors = new Map<string, number>();
  const errorTable = [...counts.errors]
    .map(([key, count]) => {
      const [operation, reason] = key.split("\u0000") as [SimOperation, string];
      errors.set(reason, (errors.get(reason) ?? 0) + count);
      const note = errorNote(operation, reason);
      return { operation, reason, count, ...(note === undefined ? {} : { note }) };
    })
    .sort(
      (a, b) => b.count - a.count || (a.operation + a.reason < b.operation + b.reason ? -1 : 1),
    );
  return {
    seed,
    profile: profile.name,
    ...settings,
    stopped: stopped(),
    steps: counts.steps,
    requests: sorted(new Map(Object.entries(counts.requests))),
    states: model.counts(),
    upstream: world.upstream.inventory().length,
    edges: edges.map((edge) => ({
      ...edge,
      count: counts.edges.get(edge.id) ?? 0,
      reachable: reachable.has(edge.id),
    })),
    portStates: ports.counts(),
    portEdges: portEdges.map((edge) => ({
      ...edge,
      count: counts.portEdges.get(edge.id) ?? 0,
      reachable: reachablePorts.has(edge.id),
    })),
    portTally: ports.tally,
    offMachine: sorted(
      new Map([
        ...[...counts.edges].filter(([id]) => !known.has(id)),
        ...[...counts.portEdges]
          .filter(([id]) => !knownPorts.has(id))
          .map(([id, n]) => [`port_request ${id}`, n] as const),
      ]),
    ),
    updates: counts.updates,
    purged: counts.purged,
    errors: sorted(errors),
    errorTable,
    timeline,
    elapsedMs,
    stepsPerSecond: counts.steps / Math.max(elapsedMs / 1000, 1e-9),
  };
}
