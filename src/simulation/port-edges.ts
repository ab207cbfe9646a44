import { resolveConfig } from "../domain/config.js";
import type { PortRequestEvent } from "../domain/port-request-events.js";
import { PORT_STATES, type PortState, type PortTarget } from "../domain/port-states.js";
import type { PortGuardName } from "../machine/port-request-guards.js";
import {
  PORT_TRANSITION_TABLE,
  decidePortMoveWith,
  type PortTransitionTable,
} from "../machine/port-request-table.js";
import { NEW, edgeId } from "./edge-id.js";
import type { SimulationProfile } from "./profile.js";

/** One edge of the port request lifecycle: a from-state, a to-state and the move that takes it. */
export interface PortMachineEdge {
  /** `from>to`, with `new` as the from of a creation. */
  readonly id: string;
  readonly from: PortState | typeof NEW;
  readonly to: PortState;
  /** The move word (the target of `PATCH …/{id}/{target}`), or `create`. */
  readonly events: readonly string[];
}

/**
 * Every edge of the port request machine, read from its derived table: a creation
 * (`new>unconfirmed`), then one edge per (state, target) pair that some candidate moves along.
 */
export function portMachineEdges(
  table: PortTransitionTable = PORT_TRANSITION_TABLE,
): PortMachineEdge[] {
  const edges: PortMachineEdge[] = [
    { id: edgeId(NEW, "unconfirmed"), from: NEW, to: "unconfirmed", events: ["create"] },
  ];
  for (const state of PORT_STATES) {
    for (const [target, candidates] of table.get(state) ?? []) {
      if (candidates.some(({ outcome }) => outcome.kind === "move"))
        edges.push({ id: edgeId(state, target), from: state, to: target, events: [target] });
    }
  }
  return edges;
}

/** The edge a port request event travelled: a creation or a move (other events travel none). */
export function portEdgeOfEvent(event: PortRequestEvent): string | undefined {
  if (event.type === "port_request.created") return edgeId(NEW, "unconfirmed");
  if (
    event.type === "port_request.transitioned" &&
    event.from !== undefined &&
    event.to !== undefined
  )
    return edgeId(event.from, event.to);
  return undefined;
}

/**
 * The moves the `portRequest` journey asks for from each state, given its mix: the customer
 * submits or cancels a draft, the authority advances, rejects or cancels, the customer
 * resubmits a rejected request or the authority completes or cancels it.
 */
function portSends(profile: SimulationProfile, direct: boolean): Record<PortState, PortTarget[]> {
  const mix = profile.portRequests;
  const some = (share: number): boolean => share > 0;
  const notAll = (share: number): boolean => share < 1;
  const when = (condition: boolean, ...targets: PortTarget[]): PortTarget[] =>
    condition ? targets : [];
  const steps = notAll(mix.cancel);
  const advance = steps && notAll(mix.reject);
  return {
    unconfirmed: notAll(mix.leaveUnconfirmed)
      ? [...when(steps, "submitted"), ...when(some(mix.cancel), "canceled")]
      : [],
    submitted: [
      ...when(some(mix.cancel), "canceled"),
      ...when(steps && some(mix.reject), "rejected"),
      ...when(advance && direct && some(mix.schedule), "scheduled"),
      ...when(advance && !(direct && mix.schedule === 1), "pending"),
    ],
    pending: [
      ...when(some(mix.cancel), "canceled"),
      ...when(steps && some(mix.reject), "rejected"),
      ...when(advance && some(mix.schedule), "scheduled"),
      ...when(advance && notAll(mix.schedule), "completed"),
    ],
    scheduled: [
      ...when(some(mix.cancel), "canceled"),
      ...when(steps && some(mix.reject), "rejected"),
      ...when(advance, "completed"),
    ],
    rejected: [
      ...when(some(mix.resubmit), "submitted"),
      ...when(notAll(mix.resubmit), "completed", "canceled"),
    ],
    completed: [],
    canceled: [],
  };
}

/**
 * The port request edges a profile can reach: from `unconfirmed` (when the journey runs), every
 * move the journey asks for that the machine's table takes. The simulator's moves are made by
 * whom the rules allow and with the data they need, so only the `submitted → scheduled` setting
 * decides a guard. Derived from the table, like `reachableEdges` for numbers.
 */
export function reachablePortEdges(
  profile: SimulationProfile,
  table: PortTransitionTable = PORT_TRANSITION_TABLE,
): string[] {
  if (profile.flows.portRequest <= 0) return [];
  const resolved = resolveConfig(profile.config);
  if (!resolved.ok) throw new Error("profile settings were validated");
  const direct = resolved.value.allow_port_transition_from_submitted_to_scheduled;
  const holds = (guard: PortGuardName): boolean =>
    guard === "mayScheduleFromSubmitted" ? direct : true;
  const sends = portSends(profile, direct);
  const reached = new Set<string>([edgeId(NEW, "unconfirmed")]);
  const seen = new Set<PortState>(["unconfirmed"]);
  const queue: PortState[] = ["unconfirmed"];
  for (let state = queue.shift(); state !== undefined; state = queue.shift()) {
    for (const target of sends[state]) {
      const decision = decidePortMoveWith(table, state, target, holds);
      if (decision.kind !== "move") continue;
      reached.add(edgeId(state, decision.target));
      if (!seen.has(decision.target)) {
        seen.add(decision.target);
        queue.push(decision.target);
      }
    }
  }
  return [...reached].sort();
}
