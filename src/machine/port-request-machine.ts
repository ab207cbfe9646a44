import { not, setup } from "xstate";
import { PORT_TARGETS, type PortState, type PortTarget } from "../domain/port-states.js";
import { PORT_GUARDS, type PortGuardName, type PortMoveFacts } from "./port-request-guards.js";

/** A move sent to the port request machine: the target state (the event's type) and the facts. */
export interface PortMoveEvent {
  readonly type: PortTarget;
  readonly facts: PortMoveFacts;
}

/** Why the machine refuses a move (port-requests.md §2.4, P9). */
export type PortRejectReason = "not_allowed" | "cannot_move" | "schedule_required";

/** Steps the engine runs for a move, in the order the machine lists them. */
export type PortStepName =
  "checkNumbers" | "setScheduledDate" | "handOverNumbers" | "recordTransition" | "save";

const guardImplementations = Object.fromEntries(
  Object.entries(PORT_GUARDS).map(([name, check]) => [
    name,
    ({ event }: { event: PortMoveEvent }) => check(event.facts),
  ]),
) as { [K in PortGuardName]: (args: { event: PortMoveEvent }) => boolean };

/* The engine runs the steps (engine/port-moves.ts); here they only name what happens. */
const describe = (): void => undefined;

const portSetup = setup({
  types: { events: {} as PortMoveEvent },
  guards: guardImplementations,
  actions: {
    reject: (_: unknown, _params: { reason: PortRejectReason }) => undefined,
    checkNumbers: describe,
    setScheduledDate: describe,
    handOverNumbers: describe,
    recordTransition: describe,
    save: describe,
  },
});

const reject = (reason: PortRejectReason) => ({ type: "reject", params: { reason } }) as const;

/** §2.2, checked before the table: who may ask for each target. */
const permission = (from: PortState, to: PortTarget) => {
  if (to === "submitted") return [];
  const guard =
    to === "canceled" && from === "unconfirmed" ? "mayCancelDraft" : "actsAsPortAuthority";
  return [{ guard: not(guard), actions: reject("not_allowed") }] as const;
};

/** The steps of an allowed move (§2.5, §6.1 with C10, §2.3, §6.3). */
const STEPS: Record<PortTarget, readonly PortStepName[]> = {
  submitted: ["checkNumbers", "recordTransition", "save"],
  pending: ["recordTransition", "save"],
  scheduled: ["setScheduledDate", "recordTransition", "save"],
  completed: ["handOverNumbers", "recordTransition", "save"],
  rejected: ["recordTransition", "save"],
  canceled: ["recordTransition", "save"],
};

/** The table of §2.1: the targets each state may move to. */
const ALLOWED: Record<PortState, readonly PortTarget[]> = {
  unconfirmed: ["submitted", "canceled"],
  submitted: ["pending", "scheduled", "rejected", "canceled"],
  pending: ["scheduled", "completed", "rejected", "canceled"],
  scheduled: ["completed", "rejected", "canceled"],
  rejected: ["submitted", "completed", "canceled"],
  completed: [],
  canceled: [],
};

/** The ordered candidates of one (state, target) pair: permission, table, required data, move. */
function candidates(from: PortState, to: PortTarget) {
  const refused = [...permission(from, to)];
  if (!ALLOWED[from].includes(to)) return [...refused, { actions: reject("cannot_move") }];
  const conditions = [
    ...(from === "submitted" && to === "scheduled"
      ? [{ guard: not("mayScheduleFromSubmitted"), actions: reject("cannot_move") }]
      : []),
    ...(to === "scheduled"
      ? [{ guard: not("hasScheduleDate"), actions: reject("schedule_required") }]
      : []),
  ];
  return [...refused, ...conditions, { target: to, actions: [...STEPS[to]] }];
}

const stateNode = (from: PortState) => ({
  on: Object.fromEntries(PORT_TARGETS.map((to) => [to, candidates(from, to)])),
});

/**
 * The port request lifecycle (port-requests.md §1-2, master with P1): every state answers every
 * move, first with the permission rules of §2.2, then the table of §2.1 (with the
 * `submitted → scheduled` setting), then the required data of §2.3. `completed` and `canceled`
 * are final: every move from them is refused.
 */
export const portRequestMachine = portSetup.createMachine({
  id: "port_request",
  initial: "unconfirmed",
  states: {
    unconfirmed: stateNode("unconfirmed"),
    submitted: stateNode("submitted"),
    pending: stateNode("pending"),
    scheduled: stateNode("scheduled"),
    completed: stateNode("completed"),
    rejected: stateNode("rejected"),
    canceled: stateNode("canceled"),
  },
});

/** The port request machine's type. */
export type PortRequestMachine = typeof portRequestMachine;
