import { describe, expect, it } from "vitest";
import { recordFingerprint } from "../../src/domain/record.js";
import { aNumber, memoryWorld } from "../features/feature-world.js";

const RATE_CENTER = { lata: "722", name: "SAN FRANCISCO", state: "CA" };
const stock = (...numbers: string[]) => numbers.map((number) => ({ number }));

describe("search through the engine (carriers.md §2, §4, decisions.md D5/D14)", () => {
  it("an unauthenticated search offers only the upstream inventory, as discovery (decisions.md D14)", async () => {
    const world = await memoryWorld(
      [aNumber({ number: "+14155550001", state: "available", assignedTo: undefined })],
      {
        inventory: stock("+14155550009", "+14155550002"),
      },
    );

    const result = await world.engine.search({ prefix: "415555", quantity: 5 });

    expect(result).toEqual({
      ok: true,
      value: [
        { number: "+14155550002", state: "discovery" },
        { number: "+14155550009", state: "discovery" },
      ],
    });
  });

  it("an account search asks reserved, reserved_reseller, local, then the configured carriers (carriers.md §2)", async () => {
    const world = await memoryWorld(
      [
        aNumber({ number: "+14155550004", state: "reserved", assignedTo: "acme_sales" }),
        aNumber({ number: "+14155550003", state: "reserved", assignedTo: "acme" }),
        aNumber({ number: "+14155550002", state: "available", assignedTo: undefined }),
      ],
      { inventory: stock("+14155550001") },
    );

    const result = await world.engine.search({
      prefix: "415555",
      quantity: 10,
      account: "acme_sales",
    });

    expect(result.ok && result.value).toEqual([
      { number: "+14155550004", state: "reserved" },
      { number: "+14155550003", state: "reserved" },
      { number: "+14155550002", state: "available" },
      { number: "+14155550001", state: "discovery" },
    ]);
  });

  it("lists a number once when the account is its own reseller (carriers.md §5.3)", async () => {
    const world = await memoryWorld([
      aNumber({ number: "+14155550004", state: "reserved", assignedTo: "acme" }),
    ]);

    const result = await world.engine.search({ prefix: "415555", quantity: 10, account: "acme" });

    expect(result.ok && result.value).toEqual([{ number: "+14155550004", state: "reserved" }]);
  });

  it("stops asking carriers once quantity numbers were found (carriers.md §4 step 2)", async () => {
    const world = await memoryWorld(
      [aNumber({ number: "+14155550002", state: "available", assignedTo: undefined })],
      { inventory: stock("+14155550001") },
    );

    const result = await world.engine.search({ prefix: "415555", quantity: 1, account: "acme" });

    expect(result.ok && result.value).toEqual([{ number: "+14155550002", state: "available" }]);
    expect(await world.engine.inspect("+14155550001")).toBeUndefined();
  });

  it("drops configured carrier names that match no module (carriers.md §2)", async () => {
    const world = await memoryWorld([], {
      inventory: stock("+14155550001"),
      config: { carrier_modules: ["knm_nowhere", "knm_simulated"] },
    });

    const result = await world.engine.search({ prefix: "415555", quantity: 1 });

    expect(result.ok && result.value).toEqual([{ number: "+14155550001", state: "discovery" }]);
  });

  it("records an offered number as an unowned discovery record of its carrier (carriers.md §4)", async () => {
    const world = await memoryWorld([], { inventory: stock("+14155550001") });

    await world.engine.search({ prefix: "415555", quantity: 1, account: "acme_sales" });

    const record = await world.engine.inspect("+14155550001");
    expect(record).toMatchObject({ state: "discovery", carrier: "simulated", reserveHistory: [] });
    expect(record?.assignedTo).toBeUndefined();
  });

  it("never overwrites an existing record of an offered number, and reports its state (carriers.md §8 note 2)", async () => {
    const world = await memoryWorld(
      [aNumber({ number: "+14155550001", state: "in_service", assignedTo: "globex" })],
      { inventory: stock("+14155550001") },
    );
    const before = recordFingerprint(await world.engine.inspect("+14155550001"));

    const result = await world.engine.search({ prefix: "415555", quantity: 1 });

    expect(result.ok && result.value).toEqual([{ number: "+14155550001", state: "in_service" }]);
    expect(recordFingerprint(await world.engine.inspect("+14155550001"))).toBe(before);
  });

  it("shows the carrier's rate_center unchanged in the result (decisions.md D5)", async () => {
    const world = await memoryWorld([], {
      inventory: [{ number: "+14155550001", fields: { rate_center: RATE_CENTER } }],
    });

    const result = await world.engine.search({ prefix: "415555", quantity: 1 });

    expect(result.ok && result.value).toEqual([
      { rate_center: RATE_CENTER, number: "+14155550001", state: "discovery" },
    ]);
  });

  it("answers success for inventory numbers and error for others (decisions.md D14, carriers.md §7)", async () => {
    const world = await memoryWorld([], { inventory: stock("+14155550001") });

    const answer = await world.engine.check(["+14155550001", "4155550002"]);

    expect(answer).toEqual({ "+14155550001": "success", "+14155550002": "error" });
  });
});
