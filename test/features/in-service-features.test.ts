import { describe, expect, it } from "vitest";
import type { JsonObject } from "../../src/domain/json.js";
import { aNumber, memoryWorld, N, stored } from "./feature-world.js";

const PREPEND = { enabled: true, name: "Sales", number: "+1" };
const update = (patch: JsonObject) => ({ number: N, requester: "acme_sales", patch });

describe("prepend (features.md §3.3)", () => {
  it("activates prepend with the public object when enabled in service (features.md §3.3)", async () => {
    const world = await memoryWorld([aNumber()]);

    await world.engine.update(update({ prepend: PREPEND }));

    expect((await stored(world)).features["prepend"]).toEqual(PREPEND);
  });

  it("removes prepend when it is no longer enabled (features.md §3.3)", async () => {
    const world = await memoryWorld([
      aNumber({ public: { prepend: PREPEND }, features: { prepend: PREPEND } }),
    ]);

    await world.engine.update(update({ prepend: { enabled: false } }));

    expect((await stored(world)).features).not.toHaveProperty("prepend");
  });

  it("keeps prepend when the same value is saved again (features.md §9 note 1)", async () => {
    const world = await memoryWorld([
      aNumber({ public: { prepend: PREPEND }, features: { prepend: PREPEND } }),
    ]);

    await world.engine.update(update({ prepend: PREPEND }));

    expect((await stored(world)).features["prepend"]).toEqual(PREPEND);
  });

  it("does not activate prepend on a reserved number (features.md §4)", async () => {
    const world = await memoryWorld([
      aNumber({ state: "reserved", reserveHistory: ["acme_sales"] }),
    ]);

    await world.engine.update(update({ prepend: PREPEND }));

    expect((await stored(world)).features).not.toHaveProperty("prepend");
  });

  it("activates a reserved number's stored prepend once it goes in service (features.md §5)", async () => {
    const world = await memoryWorld([
      aNumber({ state: "reserved", reserveHistory: ["acme_sales"], public: { prepend: PREPEND } }),
    ]);

    const result = await world.engine.activate({
      number: N,
      account: "acme_sales",
      requester: "acme_sales",
    });

    expect(result.ok).toBe(true);
    expect((await stored(world)).features["prepend"]).toEqual(PREPEND);
  });
});

describe("failover (features.md §3.4)", () => {
  it("activates failover with the public object in service (features.md §3.4)", async () => {
    const world = await memoryWorld([aNumber()]);

    await world.engine.update(update({ failover: { e164: "+14155550199" } }));

    expect((await stored(world)).features["failover"]).toEqual({ e164: "+14155550199" });
  });

  it("removes failover when the public value is emptied (features.md §3.4)", async () => {
    const failover = { sip: "sip:backup@example.com" };
    const world = await memoryWorld([aNumber({ public: { failover }, features: { failover } })]);

    await world.engine.update(update({ failover: { sip: null } }));

    expect((await stored(world)).features).not.toHaveProperty("failover");
  });

  it("does not activate failover on a port_in number (features.md §4)", async () => {
    const world = await memoryWorld([aNumber({ state: "port_in" })]);

    await world.engine.update(update({ failover: { e164: "+14155550199" } }));

    expect((await stored(world)).features).not.toHaveProperty("failover");
  });
});

describe("force_outbound (features.md §3.6, master provider)", () => {
  it("activates force_outbound in service when the feature is allowed (features.md §3.6)", async () => {
    const world = await memoryWorld([aNumber()], {
      config: { allowed_features: ["force_outbound"] },
    });

    await world.engine.update(update({ force_outbound: true }));

    expect((await stored(world)).features["force_outbound"]).toBe(true);
  });

  it("ignores force_outbound when the allowed list omits it, as the default list does (features.md §2)", async () => {
    const world = await memoryWorld([aNumber()]);

    await world.engine.update(update({ force_outbound: true }));

    expect((await stored(world)).features).not.toHaveProperty("force_outbound");
  });
});
