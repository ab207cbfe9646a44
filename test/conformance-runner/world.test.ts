import { describe, expect, it } from "vitest";
import { toDocument } from "../../src/domain/record.js";
import { buildWorld, tokenOf } from "../../src/conformance/world.js";
import { DEFAULT_WORLD_NOW } from "../../src/compose/memory-world.js";
import { ACCOUNTS } from "./scenario-files.js";

describe("the scenario world builder", () => {
  it("stores given numbers with the local carrier and the world's clock by default", async () => {
    // Arrange
    const given = {
      accounts: ACCOUNTS,
      numbers: [{ number: "+13035550100", state: "reserved", assigned_to: "acme" }],
    };
    // Act
    const { world } = await buildWorld(given);
    // Assert
    const record = await world.engine.inspect("+13035550100");
    expect(record && toDocument(record)).toEqual({
      number: "+13035550100",
      state: "reserved",
      assigned_to: "acme",
      carrier: "local",
      created: DEFAULT_WORLD_NOW,
      modified: DEFAULT_WORLD_NOW,
      reserve_history: [],
      features: {},
      public: {},
    });
  });

  it("maps every field of a given number to the record", async () => {
    const number = {
      number: "+13035550100",
      state: "in_service",
      assigned_to: "acme_sales",
      prev_assigned_to: "acme",
      carrier: "simulated",
      reserve_history: ["acme_sales", "acme"],
      used_by: "callflow",
      features: { cnam: { display_name: "ACME" } },
      public: { nickname: "main" },
      created: 63_600_000_000,
      modified: 63_600_000_100,
    };
    const { world } = await buildWorld({
      accounts: ACCOUNTS,
      numbers: [number],
      now: 63_700_000_000,
    });
    const record = await world.engine.inspect(number.number);
    expect(record && toDocument(record)).toEqual(number);
  });

  it("starts the clock at the given time", async () => {
    const { world } = await buildWorld({ accounts: ACCOUNTS, now: 63_700_000_000 });
    expect(world.clock.now()).toBe(63_700_000_000);
  });

  it("gives the upstream carrier the inventory, with rate centers as search fields", async () => {
    const rateCenter = { lata: "656", name: "DENVER", state: "CO" };
    const { world } = await buildWorld({
      accounts: ACCOUNTS,
      inventory: [{ number: "+17205550101", rate_center: rateCenter }, { number: "+17205550102" }],
    });
    const offers = await world.upstream.search({
      prefix: "+1720",
      quantity: 5,
      offset: 0,
      country: "US",
    });
    expect(offers).toEqual({
      kind: "ok",
      offers: [
        { number: "+17205550101", fields: { rate_center: rateCenter } },
        { number: "+17205550102" },
      ],
    });
  });

  it("authenticates each account with its own token through the handler", async () => {
    const { handler } = await buildWorld({ accounts: ACCOUNTS });
    const response = await handler({
      method: "GET",
      path: "/v2/accounts/acme_sales/phone_numbers",
      headers: { "X-Auth-Token": tokenOf("acme_sales") },
    });
    expect(response.status).toBe(200);
  });

  it("refuses a token that belongs to no account", async () => {
    const { handler } = await buildWorld({ accounts: ACCOUNTS });
    const response = await handler({
      method: "GET",
      path: "/v2/accounts/acme/phone_numbers",
      headers: { "X-Auth-Token": tokenOf("stranger") },
    });
    expect(response.status).toBe(401);
  });

  it("serves given localities and city prefixes from the phonebook", async () => {
    const locality = {
      number: "+13035550601",
      status: "success",
      locality: { locality: "Denver" },
    };
    const { world } = await buildWorld({
      accounts: ACCOUNTS,
      phonebook: { "+13035550601": locality, cities: { DENVER: ["303"] } },
    });
    expect(await world.engine.locality(["+13035550601"])).toEqual({
      ok: true,
      value: { "+13035550601": locality },
    });
    expect(await world.engine.cityPrefixes("Denver")).toEqual({ ok: true, value: ["303"] });
  });

  it("sets up no phonebook when none is given", async () => {
    const { world } = await buildWorld({ accounts: ACCOUNTS });
    const result = await world.engine.locality(["+13035550601"]);
    expect(result.ok).toBe(false);
  });

  it("applies the given settings to the engine", async () => {
    const { world } = await buildWorld({
      accounts: ACCOUNTS,
      config: { released_state: "released" },
    });
    expect(world.engine.config.released_state).toBe("released");
  });

  it("makes a given fault fail the named carrier operation", async () => {
    const { world } = await buildWorld({
      accounts: ACCOUNTS,
      inventory: [{ number: "+17205550101" }],
      faults: [{ port: "carrier", op: "search", message: "carrier down" }],
    });
    await expect(
      world.upstream.search({ prefix: "+1720", quantity: 1, offset: 0, country: "US" }),
    ).rejects.toThrow("carrier down");
  });
});
