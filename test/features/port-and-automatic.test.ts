import { describe, expect, it } from "vitest";
import type { JsonObject } from "../../src/domain/json.js";
import { publicView } from "../../src/domain/record.js";
import { aNumber, memoryWorld, N, stored } from "./feature-world.js";

const PORT = { carrier: "Old Telco", account_number: "12345" };
const update = (patch: JsonObject) => ({ number: N, requester: "acme_sales", patch });

describe("port (features.md §3.5, intended behavior)", () => {
  it("activates port with the public object while the number is porting in (features.md §3.5)", async () => {
    const world = await memoryWorld([aNumber({ state: "port_in" })]);

    await world.engine.update(update({ port: PORT }));

    expect((await stored(world)).features["port"]).toEqual(PORT);
  });

  it("drops port once the ported number is in service (features.md §3.5)", async () => {
    const world = await memoryWorld([
      aNumber({ state: "port_in", public: { port: PORT }, features: { port: PORT } }),
    ]);

    const result = await world.engine.inboundCall(N);

    expect(result.ok && result.value?.state).toBe("in_service");
    expect((await stored(world)).features).not.toHaveProperty("port");
  });

  it("does not activate port outside port_in (features.md §3.5)", async () => {
    const world = await memoryWorld([aNumber()]);

    await world.engine.update(update({ port: PORT }));

    expect((await stored(world)).features).not.toHaveProperty("port");
  });
});

describe("automatic features (features.md §3.6)", () => {
  it("gives a number created through the API the local feature (features.md §3.6)", async () => {
    const world = await memoryWorld([]);

    const created = await world.engine.create({ number: N, account: "acme", requester: "acme" });

    expect(created.ok).toBe(true);
    expect((await stored(world)).features["local"]).toEqual({});
  });

  it("does not give local to a number of another carrier (features.md §3.6)", async () => {
    const world = await memoryWorld([aNumber({ carrier: "simulated", features: { local: {} } })]);

    await world.engine.update(update({ note: "touch" }));

    expect((await stored(world)).features).not.toHaveProperty("local");
  });

  it("lists the feature names computed from the active features (features.md §1)", async () => {
    const world = await memoryWorld([aNumber()]);

    await world.engine.update(
      update({ failover: { e164: "+14155550199" }, cnam: { display_name: "Acme" } }),
    );

    expect([...(publicView(await stored(world))["features"] as string[])].sort()).toEqual([
      "failover",
      "local",
      "outbound_cnam",
    ]);
  });

  it("runs no provider for a number without an owner (features.md §2)", async () => {
    const world = await memoryWorld([aNumber({ state: "available", assignedTo: undefined })]);

    await world.engine.update({
      number: N,
      requester: "root",
      patch: { cnam: { display_name: "Pool" } },
    });

    const record = await stored(world);
    expect(record.public["cnam"]).toEqual({ display_name: "Pool" });
    expect(record.features).toEqual({ local: {} });
  });

  it("stores a public key whose feature is not allowed without activating it (features.md §2)", async () => {
    const world = await memoryWorld([aNumber()], { config: { allowed_features: ["e911"] } });

    await world.engine.update(update({ cnam: { display_name: "Acme" } }));

    const record = await stored(world);
    expect(record.public["cnam"]).toEqual({ display_name: "Acme" });
    expect(record.features).not.toHaveProperty("outbound_cnam");
  });
});
