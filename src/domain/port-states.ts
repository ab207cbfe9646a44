/** Every state a port request can be in (spec: port-requests.md §1). */
export const PORT_STATES = [
  "unconfirmed",
  "submitted",
  "pending",
  "scheduled",
  "completed",
  "rejected",
  "canceled",
] as const;

/** A port request's state. */
export type PortState = (typeof PORT_STATES)[number];

/** The states a move can ask for: every state but `unconfirmed` (port-requests.md §2.1). */
export const PORT_TARGETS = PORT_STATES.filter(
  (state): state is Exclude<PortState, "unconfirmed"> => state !== "unconfirmed",
);

/** A state a move asks for (the last segment of `PATCH …/port_requests/{id}/{target}`). */
export type PortTarget = (typeof PORT_TARGETS)[number];

/** True when the string names a port request state. */
export function isPortState(value: unknown): value is PortState {
  return typeof value === "string" && (PORT_STATES as readonly string[]).includes(value);
}

/** True when the string names a move target. */
export function isPortTarget(value: unknown): value is PortTarget {
  return typeof value === "string" && (PORT_TARGETS as readonly string[]).includes(value);
}

const set = (...states: PortState[]): ReadonlySet<PortState> => new Set(states);

/** The named state sets of port-requests.md §1. */
export const PORT_SETS = {
  /** Default listing; number conflicts (P5). */
  active: set("unconfirmed", "submitted", "pending", "scheduled", "rejected"),
  progressing: set("submitted", "pending", "scheduled"),
  /** Editable states (§5.4). */
  suspended: set("unconfirmed", "rejected"),
  completed: set("completed", "canceled"),
  /** Numbers that count as porting for the number engine (§7). */
  porting: set("submitted", "pending", "scheduled"),
  /** Numbers shown by `include_ports=true` (§7.3). */
  listed: set("submitted", "pending", "scheduled", "rejected"),
  deletable: set("unconfirmed", "rejected", "canceled"),
} as const;

/** The final states: no move leaves them. */
export const FINAL_PORT_STATES: ReadonlySet<PortState> = set("completed", "canceled");
