import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nestsDeeperThan, type JsonValue } from "../../../src/domain/json.js";

/** The nesting depth by the definition, recursively (fine for the small values generated). */
function depthOf(value: JsonValue): number {
  if (value === null || typeof value !== "object") return 0;
  return 1 + Math.max(0, ...Object.values(value).map(depthOf));
}

describe("nestsDeeperThan", () => {
  it("property: agrees with the recursive depth for every limit", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.nat(8), (value, max) => {
        expect(nestsDeeperThan(value as JsonValue, max)).toBe(depthOf(value as JsonValue) > max);
      }),
    );
  });

  it("judges 100,000 levels without exhausting the stack", () => {
    const deep = JSON.parse(`${"[".repeat(1e5)}${"]".repeat(1e5)}`) as JsonValue;

    expect(nestsDeeperThan(deep, 64)).toBe(true);
    expect(nestsDeeperThan(deep, 1e5)).toBe(false);
  });
});
