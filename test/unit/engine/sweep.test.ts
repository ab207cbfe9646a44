import { NUMBER_STATES } from "../../../src/domain/states.js";
import { describe, expect, it } from "vitest";
import { SECONDS_PER_DAY } from "../../../src/domain/time.js";
import { aNumber } from "../../support/records.js";
import { snapshot, worldWith } from "../../support/world.js";

const A = "+14155550101";
const B = "+14155550102";

describe("sweep (states.md §9, decisions.md D6)", () => {
  it.each([
    { state: "deleted", setting: "deleted_expiry_d" },
    { state: "discovery", setting: "discovery_expiry_d" },
  ] as const)(
    "decisions.md D6: a $state record is purged only once modified + $setting days < now",
    async ({ state, setting }) => {
      const world = await worldWith(
        [
          aNumber({ number: A, state }),
          aNumber({ number: B, state: "in_service", assignedTo: "acme" }),
        ],
        { config: { [setting]: 3 } },
      );
      world.clock.advance(3 * SECONDS_PER_DAY);

      const atTheLimit = await world.engine.sweep();

      expect(atTheLimit.purged).toEqual([]);
      expect(await snapshot(world.repository)).toEqual(world.before);

      world.clock.advance(1);
      const past = await world.engine.sweep();

      expect(past.purged).toEqual([A]);
      expect(await world.engine.inspect(A)).toBeUndefined();
      expect(await world.engine.inspect(B)).toBeDefined();
    },
  );

  it("decisions.md D6: by default a deleted record stays 90 days", async () => {
    const world = await worldWith([aNumber({ number: A, state: "deleted" })]);
    world.clock.advance(90 * SECONDS_PER_DAY);
    expect((await world.engine.sweep()).purged).toEqual([]);

    world.clock.advance(1);

    expect((await world.engine.sweep()).purged).toEqual([A]);
  });

  it("states.md §9: expiry is measured from modified, not created", async () => {
    const world = await worldWith([
      aNumber({ number: A, state: "deleted", created: 0, modified: 63_640_000_000 }),
    ]);
    world.clock.advance(SECONDS_PER_DAY);

    expect((await world.engine.sweep()).purged).toEqual([]);
  });

  it("states.md §9: an aging number returns to available after aging_expiry_d days", async () => {
    const world = await worldWith([aNumber({ number: A, state: "aging" })], {
      config: { aging_expiry_d: 2 },
    });
    world.clock.advance(2 * SECONDS_PER_DAY);
    expect((await world.engine.sweep()).agedOut).toEqual([]);

    world.clock.advance(1);
    const report = await world.engine.sweep();

    expect(report.agedOut).toEqual([A]);
    expect(await world.engine.inspect(A)).toMatchObject({
      state: "available",
      modified: world.clock.now(),
    });
  });

  it("config deleted_expiry_d: the delay follows the setting", async () => {
    const world = await worldWith([aNumber({ number: A, state: "deleted" })], {
      config: { deleted_expiry_d: 0 },
    });
    world.clock.advance(1);

    expect((await world.engine.sweep()).purged).toEqual([A]);
  });

  it("states.md §9: the sweep leaves every other state alone, however old", async () => {
    const swept: readonly string[] = ["discovery", "deleted", "aging"];
    const states = NUMBER_STATES.filter((state) => !swept.includes(state));
    const world = await worldWith(
      states.map((state, i) => aNumber({ number: `+1415555020${i}`, state, assignedTo: "acme" })),
    );
    world.clock.advance(1000 * SECONDS_PER_DAY);

    await world.engine.sweep();

    expect(await snapshot(world.repository)).toEqual(world.before);
  });
});
