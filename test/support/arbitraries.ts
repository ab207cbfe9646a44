import fc from "fast-check";
import type { AccountSpec } from "../../src/adapters/memory/memory-accounts.js";
import type { EngineConfig } from "../../src/domain/config.js";
import { NUMBER_STATES } from "../../src/domain/states.js";
import type { NumberSeed } from "./records.js";

/** A random forest of 2 to 7 accounts `a0`…: parents come earlier, at most one super-duper admin. */
export const accountTree: fc.Arbitrary<AccountSpec[]> = fc
  .integer({ min: 2, max: 7 })
  .chain((size) =>
    fc.tuple(
      fc.tuple(
        ...Array.from({ length: size }, (_, i) =>
          fc.record({
            parent: i === 0 ? fc.constant(undefined) : fc.option(fc.nat(i - 1), { nil: undefined }),
            reseller: fc.boolean(),
            allowAdditions: fc.boolean(),
          }),
        ),
      ),
      fc.option(fc.nat(size - 1), { nil: undefined }),
    ),
  )
  .map(([specs, admin]) =>
    specs.map((spec, i) => ({
      id: `a${i}`,
      ...(spec.parent === undefined ? {} : { parent: `a${spec.parent}` }),
      reseller: spec.reseller,
      allowAdditions: spec.allowAdditions,
      master: i === admin,
    })),
  );

/** The ids of a tree's accounts. */
export const idsOf = (tree: readonly AccountSpec[]): string[] => tree.map((a) => a.id);

/** A record of `number` in any state, with a random owner, history, carrier and used_by. */
export function numberIn(number: string, ids: readonly string[]): fc.Arbitrary<NumberSeed> {
  const id = fc.constantFrom(...ids);
  return fc
    .record({
      state: fc.constantFrom(...NUMBER_STATES),
      assignedTo: fc.option(id, { nil: undefined }),
      prevAssignedTo: fc.option(id, { nil: undefined }),
      reserveHistory: fc.array(id, { maxLength: 4 }),
      carrier: fc.constantFrom("local", "simulated", "mdn"),
      usedBy: fc.option(fc.constantFrom("callflow", "trunkstore"), { nil: undefined }),
      public: fc.option(fc.constant({ my_own_field: "x" }), { nil: undefined }),
    })
    .map((fields) => ({
      number,
      ...fields,
      ...(fields.carrier === "local" ? { features: { local: {} } } : {}),
    }));
}

/** The settings that change where a release ends. */
export const releaseConfig: fc.Arbitrary<Partial<EngineConfig>> = fc.record({
  released_state: fc.constantFrom("available" as const, "released" as const),
  should_age: fc.boolean(),
  should_permanently_delete: fc.boolean(),
});
