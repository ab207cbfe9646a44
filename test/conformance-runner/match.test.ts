import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { JsonValue } from "../../src/domain/json.js";
import { ABSENT, ANY, matchValue } from "../../src/conformance/match.js";

/** JSON values without the two marker strings, which do not match themselves by design. */
const plainJson = fc
  .jsonValue()
  .map((v) => JSON.parse(JSON.stringify(v)) as JsonValue)
  .filter((v) => !JSON.stringify(v).includes(ANY) && !JSON.stringify(v).includes(ABSENT));

/** A random subset of an object's keys, applied at every level of nested objects. */
function subsetOf(value: JsonValue, keep: () => boolean): JsonValue {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const out: Record<string, JsonValue> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (keep()) out[key] = subsetOf(inner, keep);
  }
  return out;
}

describe("matchValue", () => {
  it("matches an object by the subset of keys it expects, ignoring extra actual keys", () => {
    expect(matchValue({ a: 1 }, { a: 1, b: 2 })).toBeUndefined();
  });

  it("reports a missing expected key as absent, with its path", () => {
    expect(matchValue({ data: { state: "reserved" } }, { data: {} })).toEqual({
      path: "data.state",
      expected: '"reserved"',
      actual: "<absent>",
    });
  });

  it("requires arrays to have the same length", () => {
    expect(matchValue([1, 2], [1, 2, 3])).toEqual({
      path: "",
      expected: "[1,2]",
      actual: "[1,2,3]",
    });
  });

  it("matches array elements in order", () => {
    expect(matchValue([{ n: 1 }, { n: 2 }], [{ n: 2 }, { n: 1 }])?.path).toBe("[0].n");
  });

  it("matches array elements as subsets when they are objects", () => {
    expect(matchValue([{ number: "+1" }], [{ number: "+1", extra: true }])).toBeUndefined();
  });

  it("compares scalars strictly, so 1 does not match the string 1", () => {
    expect(matchValue(1, "1")).toEqual({ path: "", expected: "1", actual: '"1"' });
  });

  it("does not let null stand in for an object", () => {
    expect(matchValue({}, null)?.actual).toBe("null");
  });

  it("lets <any> match any present value, null included", () => {
    expect(matchValue({ a: ANY, b: ANY }, { a: null, b: [1] })).toBeUndefined();
  });

  it("does not let <any> match an absent key", () => {
    expect(matchValue({ a: ANY }, {})).toEqual({
      path: "a",
      expected: '"<any>"',
      actual: "<absent>",
    });
  });

  it("lets <absent> match only a key that is not there", () => {
    expect(matchValue({ a: ABSENT }, { b: 1 })).toBeUndefined();
    expect(matchValue({ a: ABSENT }, { a: null })).toEqual({
      path: "a",
      expected: '"<absent>"',
      actual: "null",
    });
  });

  it("names keys that are not identifiers in brackets", () => {
    expect(
      matchValue(
        { data: { "+13035550171": { code: 409 } } },
        { data: { "+13035550171": { code: 400 } } },
      )?.path,
    ).toBe('data["+13035550171"].code');
  });

  it("matches every value against itself", () => {
    fc.assert(fc.property(plainJson, (value) => matchValue(value, value) === undefined));
  });

  it("matches every object against any subset of itself, at every depth", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), plainJson), fc.gen(), (object, g) => {
        const subset = subsetOf(object, () => g(fc.boolean));
        return matchValue(subset, object) === undefined;
      }),
    );
  });
});
