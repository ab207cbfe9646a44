import type { NumberError } from "./errors.js";

/** The shortest hold a reserve may ask for, in seconds (extensions.md X1). */
export const HOLD_MIN_S = 60;
/** The longest hold a reserve may ask for: 30 days. */
export const HOLD_MAX_S = 2_592_000;

const invalid = (rule: string, message: string, target: number | string): NumberError => ({
  reason: "invalid_request",
  field: "hold_for",
  rule,
  message,
  target,
});

/** Checks a reserve's `hold_for` (absent is fine): an integer number of seconds within the limits. */
export function checkHoldFor(value: unknown): NumberError | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value))
    return invalid("type", "hold_for must be an integer number of seconds", "integer");
  if (value < HOLD_MIN_S)
    return invalid("minimum", `hold_for must be at least ${HOLD_MIN_S} seconds`, HOLD_MIN_S);
  if (value > HOLD_MAX_S)
    return invalid("maximum", `hold_for must be at most ${HOLD_MAX_S} seconds`, HOLD_MAX_S);
  return undefined;
}

/** True when the record carries a hold that has run out at `now`. */
export function holdHasExpired(holdExpires: number | undefined, now: number): boolean {
  return holdExpires !== undefined && now >= holdExpires;
}
