import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeRecord, type NumberRecord } from "../../src/domain/record.js";
import { RecordEdit, type WritableRecord } from "../../src/engine/record-edit.js";
import { numberIn } from "../support/arbitraries.js";
import { NUMBER } from "../support/records.js";

const IDS = ["acme", "acme_sales", "globex"];

/** One write of a move's steps: a field set (object fields replaced whole) or an optional field removed. */
const write = fc.oneof(
  fc.record({
    key: fc.constant("state" as const),
    value: fc.constantFrom("reserved", "in_service", "available"),
  }),
  fc.record({ key: fc.constant("assignedTo" as const), value: fc.constantFrom(...IDS) }),
  fc.record({ key: fc.constant("prevAssignedTo" as const), value: fc.constantFrom(...IDS) }),
  fc.record({ key: fc.constant("holdExpires" as const), value: fc.constantFrom(100, 200) }),
  fc.record({ key: fc.constant("modified" as const), value: fc.constantFrom(1, 2) }),
  fc.record({ key: fc.constant("portedIn" as const), value: fc.boolean() }),
  fc.record({
    key: fc.constant("reserveHistory" as const),
    value: fc.array(fc.constantFrom(...IDS), { maxLength: 3 }),
  }),
  fc.record({
    key: fc.constant("features" as const),
    value: fc.constantFrom({}, { local: {} }, { outbound_cnam: { display_name: "x" } }),
  }),
  fc.record({
    key: fc.constant("public" as const),
    value: fc.constantFrom({}, { label: "x", nested: { a: [1] } }),
  }),
  fc.record({
    unset: fc.constantFrom(
      "assignedTo" as const,
      "prevAssignedTo" as const,
      "usedBy" as const,
      "holdExpires" as const,
    ),
  }),
);
type Write = typeof write extends fc.Arbitrary<infer T> ? T : never;

/** Runs the writes on an edit of a fresh copy of the record (fresh values too: finishing freezes them). */
function edited(
  seed: Parameters<typeof makeRecord>[0],
  frozenBase: boolean,
  writes: readonly Write[],
  dryRun: boolean,
): { base: NumberRecord; result: NumberRecord } {
  const base = makeRecord(structuredClone(seed));
  if (frozenBase) Object.freeze(base);
  const edit = new RecordEdit(base, dryRun);
  for (const w of structuredClone(writes)) {
    if ("unset" in w) edit.unset(w.unset);
    else edit.set(w.key, w.value as WritableRecord[typeof w.key]);
  }
  return { base, result: edit.finish() };
}

/** Every object reachable from `value` with whether it is frozen, in key order. */
function frozenMap(value: unknown, path = "$"): string[] {
  if (typeof value !== "object" || value === null) return [];
  return [
    `${path}:${Object.isFrozen(value)}`,
    ...Object.entries(value).flatMap(([k, v]) => frozenMap(v, `${path}.${k}`)),
  ];
}

describe("RecordEdit (property): a dry run's edit gives exactly the record the immer draft gives", () => {
  it("same fields, key order, frozen objects, and the original itself when nothing changed", () => {
    fc.assert(
      fc.property(
        numberIn(NUMBER, IDS),
        fc.boolean(),
        fc.array(write, { maxLength: 8 }),
        (init, frozenBase, writes) => {
          const seed = { ...init, now: 1 };
          const real = edited(seed, frozenBase, writes, false);
          const dry = edited(seed, frozenBase, writes, true);
          expect(dry.result).toStrictEqual(real.result);
          expect(JSON.stringify(dry.result)).toBe(JSON.stringify(real.result));
          expect(Object.keys(dry.result)).toEqual(Object.keys(real.result));
          expect(frozenMap(dry.result)).toEqual(frozenMap(real.result));
          expect(dry.result === dry.base).toBe(real.result === real.base);
          expect(Object.values(dry.result).includes(undefined)).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });
});
