import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SortedKeys } from "../../src/adapters/memory/sorted-keys.js";

describe("the memory repository's sorted index", () => {
  it("behaves like a sorted array of distinct keys under any adds and deletes, across block splits", () => {
    const key = fc.integer({ min: 0, max: 3000 }).map((n) => `+1415${String(n).padStart(6, "0")}`);
    const op = fc.record({ add: fc.boolean(), key });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 4000 }), key, (ops, from) => {
        const index = new SortedKeys();
        const model = new Set<string>();
        for (const { add, key: k } of ops) {
          if (add) {
            index.add(k);
            model.add(k);
          } else {
            index.delete(k);
            model.delete(k);
          }
        }
        const sorted = [...model].sort();
        expect(index.size).toBe(model.size);
        expect([...index.range("")]).toEqual(sorted);
        expect([...index.range(from)]).toEqual(sorted.filter((k) => k >= from));
        expect([...index.range(from, (k) => k < "+1415001500")]).toEqual(
          sorted.filter((k) => k >= from && k < "+1415001500"),
        );
      }),
      { numRuns: 60 },
    );
  });
});
