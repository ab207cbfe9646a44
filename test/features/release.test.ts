import { describe, expect, it } from "vitest";
import { publicView } from "../../src/domain/record.js";
import { aNumber, memoryWorld, N, stored } from "./feature-world.js";

const FULL = {
  public: { cnam: { display_name: "Acme" }, prepend: { enabled: true, name: "P" }, mine: 1 },
  features: {
    outbound_cnam: { display_name: "Acme" },
    prepend: { enabled: true, name: "P" },
    local: {},
  },
};

describe("features on release (features.md §5)", () => {
  it("clears features and public fields when the number is released, keeping local (features.md §5)", async () => {
    const world = await memoryWorld([aNumber({ reserveHistory: ["acme_sales"], ...FULL })]);

    const released = await world.engine.release({ number: N, requester: "acme_sales" });

    expect(released.ok).toBe(true);
    const record = await stored(world);
    expect(record.features).toEqual({ local: {} });
    expect(record.public).toEqual({});
    expect(publicView(record)["features"]).toEqual(["local"]);
  });

  it("clears the releaser's features when the number goes back to an earlier reserver (features.md §5)", async () => {
    const world = await memoryWorld([
      aNumber({ state: "reserved", reserveHistory: ["acme_sales", "acme"], ...FULL }),
    ]);

    const released = await world.engine.release({ number: N, requester: "acme_sales" });

    expect(released.ok && released.value.assignedTo).toBe("acme");
    const record = await stored(world);
    expect(record.features).toEqual({ local: {} });
    expect(record.public).toEqual({});
  });

  it("leaves a released number of another carrier with no features at all (features.md §5)", async () => {
    const world = await memoryWorld([
      aNumber({
        carrier: "simulated",
        reserveHistory: ["acme_sales"],
        features: { outbound_cnam: { display_name: "A" } },
      }),
    ]);

    await world.engine.release({ number: N, requester: "acme_sales" });

    const record = await stored(world);
    expect(record.features).toEqual({});
    expect(publicView(record)).not.toHaveProperty("features");
  });

  it("recomputes features for the new state when a number moves to another account (features.md §5)", async () => {
    const world = await memoryWorld([
      aNumber({ state: "in_service", assignedTo: "acme_sales", ...FULL }),
    ]);

    const moved = await world.engine.reserve({ number: N, account: "acme", requester: "acme" });

    expect(moved.ok).toBe(true);
    const record = await stored(world);
    expect(record.assignedTo).toBe("acme");
    expect(record.features).toEqual({ outbound_cnam: { display_name: "Acme" }, local: {} });
  });
});
