import { describe, expect, it } from "vitest";
import type { E911Rule } from "../../src/adapters/providers/simulated-e911.js";
import { errorObject } from "../../src/domain/errors.js";
import type { JsonObject } from "../../src/domain/json.js";
import { aNumber, memoryWorld, N, stored } from "./feature-world.js";

const ADDRESS: JsonObject = {
  postal_code: "94105",
  street_address: "116 NATOMA ST",
  extended_address: "APT 116",
  locality: "SAN FRANCISCO",
  region: "CA",
};
const PROVISIONED: JsonObject = {
  ...ADDRESS,
  caller_name: "Valued Customer",
  latitude: "37.786861",
  longitude: "-122.399484",
  location_id: "27578725",
  plus_four: "3745",
  status: "PROVISIONED",
  legacy_data: { house_number: "116", streetname: "NATOMA ST", suite: "APT 116" },
};
const AMBIGUOUS: JsonObject = { ...ADDRESS, street_address: "1 MAIN ST" };
const RULES: E911Rule[] = [
  { match: { street_address: "116 NATOMA ST" }, result: "valid", provisioned: PROVISIONED },
  { match: { street_address: "1 MAIN ST" }, result: "multiple", details: [ADDRESS, ADDRESS] },
];
const update = (patch: JsonObject, number = N) => ({ number, requester: "acme_sales", patch });

describe("E911 (features.md §3.2, decisions.md D15)", () => {
  for (const key of ["dash_e911", "e911"]) {
    it(`stores the provisioned address under ${key}, the key the request used (decisions.md D15)`, async () => {
      const world = await memoryWorld([aNumber()], { e911: RULES });

      const result = await world.engine.update(update({ [key]: ADDRESS }));

      expect(result.ok && result.value.public[key]).toEqual(PROVISIONED);
      const record = await stored(world);
      expect(record.public).toEqual({ [key]: PROVISIONED });
      expect(record.features["e911"]).toEqual(PROVISIONED);
      expect(world.e911?.registrations().get(N)).toEqual(PROVISIONED);
    });
  }

  it("stores the submitted address when the back end returns no fields (decisions.md D15)", async () => {
    const world = await memoryWorld([aNumber()], {
      e911: [{ match: { postal_code: "94105" }, result: "valid" }],
    });

    await world.engine.update(update({ dash_e911: ADDRESS }));

    expect((await stored(world)).features["e911"]).toEqual(ADDRESS);
  });

  it("refuses an address that does not geocode and stores nothing (decisions.md D15, errors.md §6)", async () => {
    const world = await memoryWorld([aNumber({ public: { keep: 1 } })], { e911: RULES });
    const before = await stored(world);
    const unknown = { ...ADDRESS, street_address: "NOWHERE" };

    const result = await world.engine.update(update({ dash_e911: unknown }));

    expect(result).toEqual({
      ok: false,
      error: { reason: "e911_invalid", address: unknown, message: "Location is not geocoded" },
    });
    expect(await stored(world)).toEqual(before);
  });

  it("refuses an address with several candidates and stores nothing (errors.md §6)", async () => {
    const world = await memoryWorld([aNumber()], { e911: RULES });
    const before = await stored(world);

    const result = await world.engine.update(update({ dash_e911: AMBIGUOUS }));

    expect(result.ok || result.error.reason).toBe("e911_multiple_choice");
    expect(result.ok || errorObject(result.error).message).toBe("more than one address found");
    expect(await stored(world)).toEqual(before);
  });

  it("a save of unrelated fields keeps e911 and makes no provider call (features.md §9 note 1)", async () => {
    const world = await memoryWorld([aNumber()], { e911: RULES });
    await world.engine.update(update({ dash_e911: ADDRESS }));
    world.faults.add({ port: "e911", op: "provision" });

    const result = await world.engine.update(update({ note: "unrelated change" }));

    expect(result.ok).toBe(true);
    expect((await stored(world)).features["e911"]).toEqual(PROVISIONED);
  });

  it("a second save of the provisioned value keeps e911 and makes no provider call (features.md §9 note 1)", async () => {
    const world = await memoryWorld([aNumber()], { e911: RULES });
    await world.engine.update(update({ dash_e911: ADDRESS }));
    world.faults.add({ port: "e911", op: "provision" });

    const result = await world.engine.update(update({ dash_e911: PROVISIONED }));

    expect(result.ok).toBe(true);
    expect((await stored(world)).features["e911"]).toEqual(PROVISIONED);
  });

  it("removing the address removes the feature and the upstream registration (features.md §3.2)", async () => {
    const world = await memoryWorld([aNumber()], { e911: RULES });
    await world.engine.update(update({ dash_e911: ADDRESS }));

    await world.engine.update(update({ dash_e911: null }));

    expect((await stored(world)).features).not.toHaveProperty("e911");
    expect(world.e911?.registrations().has(N)).toBe(false);
  });

  it("drops e911 and deregisters it on a save outside the held states (features.md §3.2, §4)", async () => {
    const world = await memoryWorld(
      [aNumber({ state: "port_out", public: { dash_e911: ADDRESS }, features: { e911: ADDRESS } })],
      { e911: RULES },
    );
    await world.e911?.provision(N, ADDRESS);

    await world.engine.update(update({ note: "touch" }));

    expect((await stored(world)).features).not.toHaveProperty("e911");
    expect(world.e911?.registrations().has(N)).toBe(false);
  });

  it("stores the address as submitted when no E911 back end is set up (features.md §3.2)", async () => {
    const world = await memoryWorld([aNumber()]);

    await world.engine.update(update({ e911: ADDRESS }));

    const record = await stored(world);
    expect(record.features["e911"]).toEqual(ADDRESS);
    expect(record.public["e911"]).toEqual(ADDRESS);
  });

  it("runs the E911 delete hook on release before the data is wiped (features.md §5, §9 note 3)", async () => {
    const world = await memoryWorld([aNumber({ reserveHistory: ["acme_sales"] })], { e911: RULES });
    await world.engine.update(update({ dash_e911: ADDRESS }));

    const released = await world.engine.release({ number: N, requester: "acme_sales" });

    expect(released.ok).toBe(true);
    expect(world.e911?.registrations().has(N)).toBe(false);
  });

  it("runs the E911 delete hook on hard delete (features.md §5)", async () => {
    const world = await memoryWorld([aNumber()], { e911: RULES });
    await world.engine.update(update({ dash_e911: ADDRESS }));

    const deleted = await world.engine.release({ number: N, requester: "root", hard: true });

    expect(deleted.ok).toBe(true);
    expect(world.e911?.registrations().has(N)).toBe(false);
    expect(await world.engine.inspect(N)).toBeUndefined();
  });

  it("a dry run validates the address without provisioning or storing it", async () => {
    const world = await memoryWorld([aNumber()], { e911: RULES });
    const before = await stored(world);

    const valid = await world.engine.update({ ...update({ dash_e911: ADDRESS }), dryRun: true });
    const unknown = { ...ADDRESS, street_address: "NOWHERE" };
    const refused = await world.engine.update({ ...update({ e911: unknown }), dryRun: true });

    expect(valid.ok && valid.value.public["dash_e911"]).toMatchObject(ADDRESS);
    expect(refused.ok).toBe(false);
    expect(await stored(world)).toEqual(before);
    expect(world.e911?.registrations().size).toBe(0);
  });

  it("a dry run removing the address leaves the provider's registration in place", async () => {
    const world = await memoryWorld([aNumber()], { e911: RULES });
    await world.engine.update(update({ dash_e911: ADDRESS }));
    const before = await stored(world);

    const result = await world.engine.update({ ...update({ dash_e911: null }), dryRun: true });

    expect(result.ok && result.value.features["e911"]).toBeUndefined();
    expect(await stored(world)).toEqual(before);
    expect(world.e911?.registrations().get(N)).toEqual(PROVISIONED);
  });
});
