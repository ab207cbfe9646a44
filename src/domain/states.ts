/** Every state a number can be stored in (spec: states.md §2). */
export const NUMBER_STATES = [
  "discovery",
  "available",
  "reserved",
  "in_service",
  "port_in",
  "port_out",
  "released",
  "disconnected",
  "aging",
  "deleted",
] as const;

/** A number's lifecycle state. */
export type NumberState = (typeof NUMBER_STATES)[number];

/** True when the string names a lifecycle state. */
export function isNumberState(value: unknown): value is NumberState {
  return typeof value === "string" && (NUMBER_STATES as readonly string[]).includes(value);
}

/** States in which a number routes calls: identify and call routing succeed (states.md §2). */
export const ROUTABLE_STATES: ReadonlySet<NumberState> = new Set([
  "port_in",
  "in_service",
  "port_out",
  "reserved",
]);
