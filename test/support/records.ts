import type { RecordInit } from "../../src/domain/record.js";

/** A record as a world stores it before the first step. */
export type NumberSeed = Omit<RecordInit, "now">;

/** The number most tests are about. */
export const NUMBER = "+14155550100";

/**
 * A record builder with test defaults: NUMBER, `available`, no owner, local carrier, and the
 * `local` feature every saved local number carries (record.md §4).
 */
export function aNumber(overrides: Partial<NumberSeed> = {}): NumberSeed {
  const local = overrides.carrier === undefined || overrides.carrier === "local";
  return {
    number: NUMBER,
    state: "available",
    ...(local ? { features: { local: {} } } : {}),
    ...overrides,
  };
}
