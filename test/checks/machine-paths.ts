import type { NumberEvent } from "../../src/domain/events.js";
/**
 * Machine path coverage (issue 11 item 4): xstate's graph utilities (`xstate/graph`, the
 * successor of `@xstate/graph`) enumerate every simple path of a model whose transition is the
 * lifecycle machine's own `transition()`, and each path is driven through an engine.
 *
 * The model's snapshot is what the machine's guards read besides the request: the state, the
 * owner and the reserve history (tracked by the same step names the machine emits). Rejected
 * events leave the snapshot unchanged, so they are self-loops that simple paths skip; each
 * path's end state is then probed with every rejected event, which must change nothing.
 */
import { fromTransition, transition } from "xstate";
import { getSimplePaths } from "xstate/graph";
import { expect } from "vitest";
import type { AccountSpec } from "../../src/adapters/memory/memory-accounts.js";
import { SYSTEM } from "../../src/domain/accounts.js";
import { passesReadCheck } from "../../src/domain/authorization.js";
import type { EngineConfig } from "../../src/domain/config.js";
import type { Result } from "../../src/domain/errors.js";
import type { NumberState } from "../../src/domain/states.js";
import type { NumberEngine } from "../../src/engine/engine.js";
import { unwoundHistory, type TransitionFacts } from "../../src/machine/guards.js";
import { lifecycleMachine, type LifecycleEventType } from "../../src/machine/lifecycle-machine.js";
import { createWorldOn, type WorldStore } from "../../src/compose/stores.js";
import { lookupOf } from "../support/accounts.js";

/** The number every path moves. */
export const PATH_NUMBER = "+14155550100";
const HOLD_S = 600;
const AGING_D = 2;

/** root (admin) > reseller > customers c and d. */
export const PATH_ACCOUNTS: readonly AccountSpec[] = [
  { id: "root", master: true, reseller: true, allowAdditions: true },
  { id: "reseller", parent: "root", reseller: true, allowAdditions: true },
  { id: "c", parent: "reseller" },
  { id: "d", parent: "reseller" },
];
const accounts = lookupOf(PATH_ACCOUNTS);

/** The settings each traversal runs under: the four ways a release can end. */
export const PATH_CONFIGS: readonly Pick<
  EngineConfig,
  "released_state" | "should_age" | "should_permanently_delete"
>[] = [
  { released_state: "available", should_age: false, should_permanently_delete: false },
  { released_state: "released", should_age: false, should_permanently_delete: false },
  { released_state: "available", should_age: true, should_permanently_delete: false },
  { released_state: "available", should_age: false, should_permanently_delete: true },
];

/** One operation a path may take: a machine event, who asks, and for whom. */
export interface PathEvent {
  readonly type: LifecycleEventType;
  readonly by: string;
  readonly for?: string | undefined;
}

/** What the machine's guards and the engine's checks depend on. */
export interface PathModel {
  readonly state: NumberState;
  readonly owner: string | undefined;
  readonly history: readonly string[];
  /** The record is gone (a hard delete). */
  readonly removed: boolean;
}

/** The events offered in a state: the engine can only send expiries and creations where they apply. */
function offered(model: PathModel): PathEvent[] {
  if (model.removed) return [];
  const events: PathEvent[] = [
    { type: "reserve", by: "c", for: "c" },
    { type: "reserve", by: "d", for: "d" },
    { type: "reserve", by: "reseller", for: "c" },
    { type: "activate", by: "c", for: "c" },
    { type: "activate", by: "d", for: "d" },
    { type: "release", by: "c" },
    { type: "release", by: "reseller" },
    { type: "hardDelete", by: "root" },
  ];
  if (model.state === "reserved") events.push({ type: "holdExpired", by: SYSTEM });
  if (model.state === "aging") events.push({ type: "agingExpired", by: SYSTEM });
  if (model.state === "available") {
    events.push(
      { type: "makeAvailable", by: "root", for: "root" },
      { type: "age", by: "root", for: "reseller" },
      { type: "portIn", by: "c", for: "c" },
    );
  }
  return events;
}

/** The engine's read check, before the machine, for the operations that have one. */
function readable(model: PathModel, event: PathEvent): boolean {
  if (!["reserve", "activate", "release", "hardDelete"].includes(event.type)) return true;
  const target = event.type === "reserve" || event.type === "activate" ? event.for : undefined;
  return passesReadCheck({
    accounts,
    requester: event.by,
    target,
    owner: model.owner,
    state: model.state,
  });
}

/** The machine's answer for an event on the model: the next model, or undefined when rejected. */
export function step(
  model: PathModel,
  event: PathEvent,
  config: (typeof PATH_CONFIGS)[number],
): PathModel | undefined {
  if (!readable(model, event)) return undefined;
  const facts: TransitionFacts = {
    accounts,
    requester: event.by,
    target: event.for,
    owner: model.owner,
    state: model.state,
    carrier: "local",
    reserveHistory: model.history,
    now: 1,
    holdExpires: 1,
    config,
  };
  const snapshot = lifecycleMachine.resolveState({ value: model.state, context: {} });
  const machineEvent = { type: event.type, facts };
  if (!snapshot.can(machineEvent)) return undefined;
  const [next, actions] = transition(lifecycleMachine, snapshot, machineEvent);
  if (actions.some((a) => a.type === "reject")) return undefined;
  let { owner, history } = model;
  let removed = false;
  for (const action of actions) {
    if (action.type === "pushHistory" && event.for !== undefined && history[0] !== event.for)
      history = [event.for, ...history];
    if (action.type === "move") owner = event.for;
    if (action.type === "unwindHistory") {
      history = unwoundHistory(history, owner);
      owner = history[0];
    }
    if (action.type === "remove") removed = true;
  }
  return { state: next.value, owner, history, removed };
}

/** Every simple path of at most `maxLength` events from a discovery record, under `config`. */
export function machinePaths(
  config: (typeof PATH_CONFIGS)[number],
  maxLength: number,
): { readonly events: readonly PathEvent[]; readonly end: PathModel }[] {
  const start: PathModel & { depth: number } = {
    state: "discovery",
    owner: undefined,
    history: [],
    removed: false,
    depth: 0,
  };
  const logic = fromTransition(
    (model: PathModel & { depth: number }, event: PathEvent & { type: string }) => {
      const next = step(model, event, config);
      return next === undefined ? model : { ...next, depth: model.depth + 1 };
    },
    start,
  );
  const paths = getSimplePaths(logic, {
    events: (snapshot) => offered(snapshot.context),
    serializeState: (snapshot) => {
      const { state, owner, history, removed } = snapshot.context;
      return JSON.stringify([state, owner, history, removed]);
    },
    serializeEvent: (event) => JSON.stringify(event),
    stopWhen: (snapshot) => snapshot.context.depth >= maxLength,
  });
  return paths
    .map((path) => ({
      events: path.steps
        .map((s) => s.event)
        .filter((e) => (e as { type: string }).type !== "xstate.init"),
      end: path.state.context,
    }))
    .filter((path) => path.events.length <= maxLength);
}

/** An engine and a clock to drive it with (memory or SQLite world). */
export interface PathWorld {
  readonly engine: NumberEngine;
  advance(seconds: number): void;
}

/**
 * The engine world every path starts from: the number in discovery, on the local carrier, whose
 * acquire and disconnect always succeed (carrier faults have their own matrix).
 */
export const PATH_WORLD_OPTIONS = {
  accounts: PATH_ACCOUNTS,
  numbers: [
    { number: PATH_NUMBER, state: "discovery" as const, carrier: "local", features: { local: {} } },
  ],
};

/** The config a world must run with for `config`'s paths. */
export const worldConfig = (config: (typeof PATH_CONFIGS)[number]): Partial<EngineConfig> => ({
  ...config,
  reservation_hold_s: HOLD_S,
  aging_expiry_d: AGING_D,
});

const OPERATION: Record<LifecycleEventType, string> = {
  reserve: "reserve",
  activate: "activate",
  release: "release",
  hardDelete: "delete",
  makeAvailable: "create",
  age: "create",
  portIn: "create",
  holdExpired: "hold_expiry",
  agingExpired: "sweep",
};

const CREATED_STATE: Partial<Record<LifecycleEventType, NumberState>> = {
  makeAvailable: "available",
  age: "aging",
  portIn: "port_in",
};

/** Sends one path event to the engine. */
async function send(world: PathWorld, event: PathEvent): Promise<Result<unknown> | undefined> {
  const { engine } = world;
  const move = { number: PATH_NUMBER, account: event.for ?? "", requester: event.by };
  switch (event.type) {
    case "reserve":
      return engine.reserve(move);
    case "activate":
      return engine.activate(move);
    case "release":
      return engine.release({ number: PATH_NUMBER, requester: event.by });
    case "hardDelete":
      return engine.release({ number: PATH_NUMBER, requester: event.by, hard: true });
    case "makeAvailable":
    case "age":
    case "portIn":
      return engine.create({ ...move, createWithState: CREATED_STATE[event.type] });
    case "holdExpired":
      world.advance(HOLD_S);
      await engine.sweep();
      return undefined;
    case "agingExpired":
      world.advance((AGING_D + 1) * 86_400);
      await engine.sweep();
      return undefined;
  }
}

/** Checks that the engine's record is what the model says. */
async function expectModel(engine: NumberEngine, model: PathModel, where: string): Promise<void> {
  const record = await engine.inspect(PATH_NUMBER);
  if (model.removed) {
    expect(record, where).toBeUndefined();
    return;
  }
  expect(
    { state: record?.state, owner: record?.assignedTo, history: record?.reserveHistory },
    where,
  ).toEqual({ state: model.state, owner: model.owner, history: model.history });
}

/**
 * Drives one path through the engine: after each event the record must be in the model's
 * state with its owner and history, and exactly one event must have been committed, naming the
 * operation, both states, the actor and both owners. At the end, every event the model rejects
 * must change nothing and commit no event. Returns how many engine calls it made.
 */
export async function drivePath(
  world: PathWorld,
  config: (typeof PATH_CONFIGS)[number],
  events: readonly PathEvent[],
): Promise<number> {
  let model: PathModel = { state: "discovery", owner: undefined, history: [], removed: false };
  let cursor = (await world.engine.events.since(undefined, 10_000)).cursor;
  let calls = 0;
  for (const [i, event] of events.entries()) {
    const next = step(model, event, config);
    if (next === undefined) throw new Error(`the path's event ${i} is one the model rejects`);
    const result = await send(world, event);
    calls++;
    const where = `event ${i} (${JSON.stringify(event)}) of ${JSON.stringify(events)}`;
    if (result !== undefined) expect(result.ok, `${where}: ${JSON.stringify(result)}`).toBe(true);
    await expectModel(world.engine, next, where);
    const page = await world.engine.events.since(cursor, 10);
    cursor = page.cursor;
    expect(
      page.events
        .map(({ event }) => event as NumberEvent)
        .map((e) => [e.operation, e.from, e.to, e.account_id, e.owner_before, e.owner_after]),
      where,
    ).toEqual([
      [
        OPERATION[event.type],
        model.state,
        next.removed ? null : next.state,
        event.by,
        model.owner ?? null,
        next.removed ? null : (next.owner ?? null),
      ],
    ]);
    model = next;
  }
  for (const event of offered(model)) {
    if (step(model, event, config) !== undefined || event.type.endsWith("Expired")) continue;
    await send(world, event);
    calls++;
    await expectModel(world.engine, model, `rejected ${JSON.stringify(event)} at the end`);
    const page = await world.engine.events.since(cursor, 10);
    expect(page.events, `rejected ${JSON.stringify(event)} committed an event`).toEqual([]);
  }
  return calls;
}

/**
 * Drives every path of at most `maxLength` events under `config`, each on a fresh world on
 * `store`; returns how many paths and engine calls it took.
 */
export async function driveAllPaths(
  store: WorldStore,
  config: (typeof PATH_CONFIGS)[number],
  maxLength: number,
): Promise<{ readonly paths: number; readonly calls: number }> {
  const paths = machinePaths(config, maxLength);
  let calls = 0;
  for (const path of paths) {
    const world = await createWorldOn(store, {
      ...PATH_WORLD_OPTIONS,
      config: worldConfig(config),
    });
    try {
      calls += await drivePath(
        { engine: world.engine, advance: (s) => world.clock.advance(s) },
        config,
        path.events,
      );
    } finally {
      await world.close();
    }
  }
  return { paths: paths.length, calls };
}
