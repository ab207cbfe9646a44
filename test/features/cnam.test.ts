import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { publicView } from "../../src/domain/record.js";
import { aNumber, memoryWorld, N, stored } from "./feature-world.js";

const HELD = ["reserved", "in_service", "port_in"] as const;
const update = (patch: Record<string, unknown>) => ({
  number: N,
  requester: "acme_sales",
  patch: patch as never,
});

describe("CNAM (features.md §3.1)", () => {
  it("activates outbound and inbound CNAM from the API document's cnam example (features.md §1)", async () => {
    const world = await memoryWorld([aNumber()]);

    const result = await world.engine.update(
      update({
        my_own_field: "some other value",
        cnam: { display_name: "My caller ID", inbound_lookup: true },
      }),
    );

    expect(result.ok).toBe(true);
    const record = await stored(world);
    expect(record.features).toMatchObject({
      outbound_cnam: { display_name: "My caller ID" },
      inbound_cnam: { inbound_lookup: true },
    });
    expect(publicView(record)["features"]).toEqual(
      expect.arrayContaining(["outbound_cnam", "inbound_cnam"]),
    );
  });

  it("sets outbound_cnam to any valid display name in every held state (features.md §3.1, §4)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...HELD),
        fc.string({ minLength: 1, maxLength: 15 }),
        async (state, name) => {
          const world = await memoryWorld([aNumber({ state })]);

          await world.engine.update(update({ cnam: { display_name: name } }));

          expect((await stored(world)).features["outbound_cnam"]).toEqual({ display_name: name });
        },
      ),
      { numRuns: 30 },
    );
  });

  it("removes outbound_cnam when the display name is removed (features.md §3.1)", async () => {
    const world = await memoryWorld([
      aNumber({
        public: { cnam: { display_name: "Old" } },
        features: { outbound_cnam: { display_name: "Old" } },
      }),
    ]);

    await world.engine.update(update({ cnam: { display_name: null } }));

    expect((await stored(world)).features["outbound_cnam"]).toBeUndefined();
  });

  it("turns inbound CNAM off when inbound_lookup becomes false (features.md §9 note 2)", async () => {
    const world = await memoryWorld([
      aNumber({
        public: { cnam: { inbound_lookup: true } },
        features: { inbound_cnam: { inbound_lookup: true } },
      }),
    ]);

    await world.engine.update(update({ cnam: { inbound_lookup: false } }));

    expect((await stored(world)).features["inbound_cnam"]).toBeUndefined();
  });

  it("deactivates both CNAM features when the cnam key is removed (features.md §9 note 4, decisions.md D4)", async () => {
    const world = await memoryWorld([
      aNumber({
        public: { cnam: { display_name: "Acme", inbound_lookup: true } },
        features: {
          outbound_cnam: { display_name: "Acme" },
          inbound_cnam: { inbound_lookup: true },
        },
      }),
    ]);

    await world.engine.update(update({ cnam: null }));

    const record = await stored(world);
    expect(record.features).not.toHaveProperty("outbound_cnam");
    expect(record.features).not.toHaveProperty("inbound_cnam");
  });

  it("drops the legacy cnam feature on a save in a held state (features.md §3.1)", async () => {
    const world = await memoryWorld([aNumber({ features: { cnam: { display_name: "Legacy" } } })]);

    await world.engine.update(update({ note: "touch" }));

    expect((await stored(world)).features).not.toHaveProperty("cnam");
  });

  it("leaves CNAM features untouched by a save outside reserved, in_service and port_in (features.md §4)", async () => {
    const world = await memoryWorld([
      aNumber({
        state: "port_out",
        public: { cnam: { display_name: "Kept" } },
        features: { outbound_cnam: { display_name: "Kept" } },
      }),
    ]);

    await world.engine.update(update({ cnam: { display_name: "Changed" } }));

    const record = await stored(world);
    expect(record.features["outbound_cnam"]).toEqual({ display_name: "Kept" });
    expect(record.public["cnam"]).toEqual({ display_name: "Changed" });
  });
});
