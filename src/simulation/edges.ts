import { resolveConfig } from "../domain/config.js";
import type { NumberEvent } from "../domain/events.js";
import { NUMBER_STATES, type NumberState } from "../domain/states.js";
import { GUARDS, type GuardName, type TransitionFacts } from "../machine/guards.js";
import type { LifecycleEventType } from "../machine/lifecycle-machine.js";
import { TRANSITION_TABLE, type TransitionTable } from "../machine/transition-table.js";
import { NEW, edgeId } from "./edge-id.js";
import { reachablePortEdges } from "./port-edges.js";
import { FLOW_NAMES, type FlowName, type SimulationProfile } from "./profile.js";

/** One edge of the lifecycle: a from-state, a to-state and the machine events that take it. */
export interface MachineEdge {
  /** `from>to`, with `new` as the from of a creation. */
  readonly id: string;
  readonly from: NumberState | typeof NEW;
  readonly to: NumberState;
  readonly events: readonly string[];
}

/**
 * Every edge of the machine, read from its derived transition table: one per (from, to) pair
 * that some candidate moves along, with the events that do. Creations (`new>state`) come first,
 * one per state a create may ask for (states.md §6).
 */
export function machineEdges(table: TransitionTable = TRANSITION_TABLE): MachineEdge[] {
  const edges = new Map<
    string,
    { from: NumberState | typeof NEW; to: NumberState; events: string[] }
  >();
  const add = (from: NumberState | typeof NEW, to: NumberState, event: string): void => {
    const id = edgeId(from, to);
    const edge = edges.get(id) ?? { from, to, events: [] };
    if (!edge.events.includes(event)) edge.events.push(event);
    edges.set(id, edge);
  };
  for (const state of CREATABLE) add(NEW, state, "create");
  for (const state of NUMBER_STATES) {
    for (const [event, candidates] of table.get(state) ?? []) {
      for (const { outcome } of candidates)
        if (outcome.kind === "move") add(state, outcome.target, event);
    }
  }
  return [...edges].map(([id, edge]) => ({ id, ...edge }));
}

/** States a create can put a new number in (the admin's list, authorization.md §4). */
const CREATABLE: readonly NumberState[] = [
  "available",
  "reserved",
  "in_service",
  "port_in",
  "aging",
];

/**
 * The edge an event travelled, or what else it was: an update (fields only) or the purge of a
 * `deleted` record. A removed record (to null) travelled to `deleted`, the machine's target.
 */
export function edgeOfEvent(
  event: NumberEvent,
): { kind: "edge"; id: string } | { kind: "update" | "purge" } {
  if (event.operation === "update") return { kind: "update" };
  if (event.to === null) {
    return event.operation === "sweep"
      ? { kind: "purge" }
      : { kind: "edge", id: edgeId(event.from ?? NEW, "deleted") };
  }
  return { kind: "edge", id: edgeId(event.from ?? NEW, event.to) };
}

/** What each journey sends: machine events to existing numbers, and the states it creates numbers in. */
const FLOW_REACH: Readonly<
  Record<FlowName, { events: LifecycleEventType[]; creates: NumberState[] }>
> = {
  buy: { events: ["reserve", "activate"], creates: [] },
  update: { events: [], creates: [] },
  portIn: { events: ["activate"], creates: ["port_in"] },
  release: { events: ["release"], creates: [] },
  hardDelete: { events: ["hardDelete"], creates: [] },
  transfer: { events: ["activate"], creates: [] },
  reassign: { events: ["reserve"], creates: [] },
  addNumbers: { events: [], creates: ["reserved", "in_service"] },
  extendHold: { events: ["reserve"], creates: [] },
  // A completed port request creates its numbers in service (port_completion).
  portRequest: { events: [], creates: ["in_service"] },
};

/** Guards that read only the settings: a run's profile fixes them. */
const SETTING_GUARDS: readonly GuardName[] = [
  "shouldPermanentlyDelete",
  "releasesToReleased",
  "shouldAge",
];

/** Guards whose outcome the profile fixes (undefined: the guard may go either way in a run). */
function fixedGuard(profile: SimulationProfile): (name: GuardName) => boolean | undefined {
  const resolved = resolveConfig(profile.config);
  if (!resolved.ok) throw new Error("profile settings were validated");
  const facts = { config: resolved.value } as unknown as TransitionFacts;
  return (name) => {
    if (name === "isMdn") return false; // a simulated world has no MDN numbers
    return SETTING_GUARDS.includes(name) ? GUARDS[name](facts) : undefined;
  };
}

/** The profile's port requests can reach `completed` (and so create numbers in service). */
function portsComplete(profile: SimulationProfile): boolean {
  return reachablePortEdges(profile).some((id) => id.endsWith(">completed"));
}

/** A state as the reach search sees it: the state and whether the reserve history is non-empty. */
type Reach = readonly [NumberState, boolean];

/**
 * The edges a profile can reach: from the states its journeys create (and the pool, and
 * search offers), every move of the machine for the events its journeys, holds and daily
 * sweeps send, skipping candidates whose guard the settings make false and stopping at one
 * they make true. The search also follows whether a number's reserve history is empty, which
 * decides `historyRemainsAfterUnwind`. Derived from the table; a long enough run reaches them all.
 */
export function reachableEdges(
  profile: SimulationProfile,
  table: TransitionTable = TRANSITION_TABLE,
): string[] {
  const fixed = fixedGuard(profile);
  const active = FLOW_NAMES.filter((flow) => profile.flows[flow] > 0);
  const events = new Set<LifecycleEventType>(["agingExpired"]);
  const created = new Set<NumberState>();
  for (const flow of active) {
    for (const event of FLOW_REACH[flow].events) events.add(event);
    for (const state of FLOW_REACH[flow].creates) created.add(state);
  }
  if (profile.flows.portIn > 0 && profile.ports.abandon > 0) events.add("release");
  if (profile.flows.buy > 0 && profile.holds.share > 0 && profile.holds.abandon > 0)
    events.add("holdExpired");
  if (!profile.accounts.resellersAllowAdditions && !portsComplete(profile))
    created.delete("in_service");
  const reached = new Set<string>([...created].map((state) => edgeId(NEW, state)));
  // A created reservation pushed its first reserver; nothing else starts with a history.
  const starts: Reach[] = [...created].map((state) => [state, state === "reserved"] as const);
  if (profile.flows.buy > 0) starts.push(["discovery", false]);
  if (profile.numbers.pool > 0) starts.push(["available", false]);
  const seen = new Set<string>();
  const queue: Reach[] = [];
  const visit = (reach: Reach): void => {
    const key = reach.join("|");
    if (seen.has(key)) return;
    seen.add(key);
    queue.push(reach);
  };
  starts.forEach(visit);
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const [state, history] = next;
    for (const [event, candidates] of table.get(state) ?? []) {
      if (!events.has(event)) continue;
      for (const { guard, outcome } of candidates) {
        const known =
          guard?.name === "historyRemainsAfterUnwind" && !history
            ? false
            : guard && fixed(guard.name);
        const holds =
          guard === undefined ? true : known === undefined ? undefined : known !== guard.negated;
        if (holds === false) continue;
        if (outcome.kind === "move") {
          reached.add(edgeId(state, outcome.target));
          const names = outcome.steps.map((step) => step.name);
          const after = names.includes("pushHistory")
            ? true
            : names.includes("unwindHistory")
              ? guard?.name === "historyRemainsAfterUnwind"
              : history;
          if (!names.includes("remove")) visit([outcome.target, after]);
        }
        if (holds === true) break;
      }
    }
  }
  return [...reached].sort();
}
