import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Result } from "../../src/domain/errors.js";
import type { NumberRecord } from "../../src/domain/record.js";
import type { MemoryWorld } from "../../src/compose/memory-world.js";
import { built, NUMBERS, perform, story, type Operation } from "../support/event-story.js";

/** The operation as a dry run (validate and authorize only), for the operations that take one. */
function dryRunOf(world: MemoryWorld, o: Operation): Promise<Result<NumberRecord>> | undefined {
  const engine = world.engine;
  switch (o.op) {
    case "create":
    case "activate":
      return engine[o.op]({ ...o, dryRun: true });
    case "reserve":
      return engine.reserve({ ...o, dryRun: true });
    default:
      return undefined;
  }
}

/** What a dry run cannot know: the times a write stamps and what the carrier's acquire adds. */
const decided = (record: NumberRecord) => {
  const { created: _c, modified: _m, carrierData: _d, ...rest } = record;
  return rest;
};

describe("dry runs (property): a dry run answers what the real operation would, and writes nothing", () => {
  it("same verdict and the same record but for times and carrier data, over event stories", async () => {
    await fc.assert(
      fc.asyncProperty(story, async (s) => {
        const world = await built(s);
        for (const o of s.operations) {
          const before = await Promise.all(NUMBERS.map((n) => world.engine.inspect(n)));
          const dry = await dryRunOf(world, o);
          expect(await Promise.all(NUMBERS.map((n) => world.engine.inspect(n)))).toEqual(before);
          const real = (await perform(world, o)) as Result<NumberRecord>;
          if (dry === undefined) continue;
          if (dry.ok && real.ok) {
            expect(decided(dry.value)).toStrictEqual(decided(real.value));
            expect(Object.isFrozen(dry.value)).toBe(true);
          } else if (!dry.ok) expect(real).toEqual(dry);
        }
      }),
      { numRuns: 300 },
    );
  });
});
