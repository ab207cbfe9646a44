import { describe, expect, it } from "vitest";
import { success } from "../../support/expectations.js";
import { aNumber } from "../../support/records.js";
import { worldWith } from "../../support/world.js";

const POOL = "+14155550101";
const UPSTREAM = "+14155550150";
const TAKEN = "+14155550160";

describe("search and listing (authorization.md §9)", () => {
  it("authorization.md §9: a search without account consults the system carriers only, so the local pool offers nothing", async () => {
    const world = await worldWith([aNumber({ number: POOL })], {
      inventory: [{ number: UPSTREAM }],
    });

    const found = success(await world.engine.search({ prefix: "415", quantity: 5 }));

    expect(found.map((r) => r["number"])).toEqual([UPSTREAM]);
  });

  it("authorization.md §9: an account search also offers the pool, without a per-number check", async () => {
    const world = await worldWith([aNumber({ number: POOL, assignedTo: "root" })], {
      inventory: [{ number: UPSTREAM }],
    });

    const found = success(
      await world.engine.search({ prefix: "415", quantity: 5, account: "globex_ops" }),
    );

    expect(found).toEqual(
      expect.arrayContaining([
        { number: POOL, state: "available" },
        { number: UPSTREAM, state: "discovery" },
      ]),
    );
  });

  it("authorization.md §9: an account search offers the numbers reserved by the account and by its reseller", async () => {
    const mine = "+14155550111";
    const resellers = "+14155550112";
    const world = await worldWith([
      aNumber({ number: mine, state: "reserved", assignedTo: "acme_sales" }),
      aNumber({ number: resellers, state: "reserved", assignedTo: "acme" }),
      aNumber({ number: "+14155550113", state: "reserved", assignedTo: "globex" }),
    ]);

    const found = success(
      await world.engine.search({ prefix: "415", quantity: 5, account: "acme_sales" }),
    );

    expect(found.map((r) => r["number"]).sort()).toEqual([mine, resellers]);
  });

  it("states.md §2 and §11 note 10: an external offer is stored as discovery, never over an existing record", async () => {
    const world = await worldWith(
      [aNumber({ number: TAKEN, state: "in_service", assignedTo: "globex" })],
      {
        inventory: [{ number: UPSTREAM }, { number: TAKEN }],
      },
    );

    success(await world.engine.search({ prefix: "415", quantity: 5 }));

    expect(await world.engine.inspect(UPSTREAM)).toMatchObject({
      state: "discovery",
      carrier: "simulated",
    });
    expect(await world.engine.inspect(TAKEN)).toMatchObject({
      state: "in_service",
      assignedTo: "globex",
    });
  });

  it("authorization.md §9: a listing shows the account's own numbers only", async () => {
    const world = await worldWith([
      aNumber({ number: "+14155550121", state: "in_service", assignedTo: "acme" }),
      aNumber({ number: "+14155550122", state: "reserved", assignedTo: "acme_sales" }),
      aNumber({ number: "+14155550123", state: "available" }),
    ]);

    const page = await world.engine.list({ account: "acme" });

    expect(page.numbers.map((r) => r.number)).toEqual(["+14155550121"]);
  });
});
