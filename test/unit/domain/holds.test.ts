import { describe, expect, it } from "vitest";
import { checkHoldFor, HOLD_MAX_S, HOLD_MIN_S, holdHasExpired } from "../../../src/domain/holds.js";

describe("timed holds (extensions.md X1)", () => {
  it("a hold has run out from the second it expires, not before", () => {
    expect(holdHasExpired(1_000, 999)).toBe(false);
    expect(holdHasExpired(1_000, 1_000)).toBe(true);
    expect(holdHasExpired(1_000, 1_001)).toBe(true);
    expect(holdHasExpired(undefined, 1_000)).toBe(false);
  });

  it("hold_for takes whole seconds between the limits, both included", () => {
    expect(checkHoldFor(undefined)).toBeUndefined();
    expect(checkHoldFor(HOLD_MIN_S)).toBeUndefined();
    expect(checkHoldFor(HOLD_MAX_S)).toBeUndefined();
    expect(checkHoldFor(HOLD_MIN_S - 1)).toMatchObject({ rule: "minimum" });
    expect(checkHoldFor(HOLD_MAX_S + 1)).toMatchObject({ rule: "maximum" });
    expect(checkHoldFor(60.5)).toMatchObject({ rule: "type" });
    expect(checkHoldFor("60")).toMatchObject({ rule: "type" });
  });
});
