import { describe, expect, it } from "vitest";
import { expectInvalidTransition, failure, success } from "../../support/expectations.js";
import { aNumber, NUMBER } from "../../support/records.js";
import { snapshot, worldWith } from "../../support/world.js";

describe("activate (states.md §5.1, §5.2)", () => {
  it("states.md §5.2 E5: activating a discovery number acquires it, without pushing history", async () => {
    const world = await worldWith([aNumber({ state: "discovery", carrier: "simulated" })], {
      inventory: [{ number: NUMBER }],
    });

    const active = success(
      await world.engine.activate({
        number: NUMBER,
        account: "acme_sales",
        requester: "acme_sales",
      }),
    );

    expect(active).toMatchObject({
      state: "in_service",
      assignedTo: "acme_sales",
      reserveHistory: [],
    });
    expect(world.upstream.inventory()).toEqual([]);
  });

  it("states.md §5.2 E6: any account may buy a pool number for itself (D9), the carrier acquires it", async () => {
    const world = await worldWith([aNumber({ assignedTo: "root", carrier: "simulated" })], {
      inventory: [{ number: NUMBER }],
    });

    const active = success(
      await world.engine.activate({ number: NUMBER, account: "globex", requester: "globex" }),
    );

    expect(active).toMatchObject({
      state: "in_service",
      assignedTo: "globex",
      prevAssignedTo: "root",
    });
    expect(world.upstream.inventory()).toEqual([]);
  });

  it("states.md §5.2 E6 AUTHORIZE: buying a pool number for an unrelated account is forbidden", async () => {
    const world = await worldWith([aNumber()]);

    const result = await world.engine.activate({
      number: NUMBER,
      account: "acme",
      requester: "globex",
    });

    expect(failure(result)).toEqual({ reason: "unauthorized" });
    expect(await snapshot(world.repository)).toEqual(world.before);
  });

  it("states.md §5.2 E7: a descendant puts its parent's reserved number in service", async () => {
    const world = await worldWith(
      [
        aNumber({
          state: "reserved",
          assignedTo: "acme",
          carrier: "simulated",
          reserveHistory: ["acme"],
        }),
      ],
      { inventory: [{ number: NUMBER }] },
    );

    const active = success(
      await world.engine.activate({
        number: NUMBER,
        account: "acme_sales",
        requester: "acme_sales",
      }),
    );

    expect(active).toMatchObject({
      state: "in_service",
      assignedTo: "acme_sales",
      prevAssignedTo: "acme",
      reserveHistory: ["acme"],
    });
    expect(world.upstream.inventory()).toEqual([NUMBER]);
  });

  it("states.md §5.2 E7 with authorization.md §11 note 5: the owner puts its own reserved number in service", async () => {
    const world = await worldWith([
      aNumber({ state: "reserved", assignedTo: "acme", reserveHistory: ["acme"] }),
    ]);

    const active = success(
      await world.engine.activate({ number: NUMBER, account: "acme", requester: "acme" }),
    );

    expect(active).toMatchObject({ state: "in_service", assignedTo: "acme" });
  });

  it("states.md §4 AUTH_RESERVED_TO_IN_SERVICE: a reserved number cannot go in service outside the owner's subtree", async () => {
    const world = await worldWith([aNumber({ state: "reserved", assignedTo: "acme_sales" })]);

    const result = await world.engine.activate({
      number: NUMBER,
      account: "acme_support",
      requester: "acme",
    });

    expect(failure(result)).toEqual({ reason: "unauthorized" });
    expect(await snapshot(world.repository)).toEqual(world.before);
  });

  it("states.md §5.2 E8: activating for the current owner succeeds and changes nothing", async () => {
    const world = await worldWith([aNumber({ state: "in_service", assignedTo: "acme_sales" })]);
    world.clock.advance(60);

    const active = success(
      await world.engine.activate({
        number: NUMBER,
        account: "acme_sales",
        requester: "acme_sales",
      }),
    );

    expect(active.state).toBe("in_service");
    expect(await snapshot(world.repository)).toEqual(world.before);
  });

  it("states.md §5.2 E8: an ancestor moves an in_service number to another of its descendants", async () => {
    const world = await worldWith([
      aNumber({ state: "in_service", assignedTo: "acme_sales", usedBy: "callflow" }),
    ]);

    const active = success(
      await world.engine.activate({ number: NUMBER, account: "acme_support", requester: "acme" }),
    );

    expect(active).toMatchObject({
      state: "in_service",
      assignedTo: "acme_support",
      prevAssignedTo: "acme_sales",
    });
    expect(active.usedBy).toBeUndefined();
  });

  it("states.md §4 AUTH_IN_SERVICE_TRANSFER with requester = owner: the owner cannot give it to an unrelated account", async () => {
    const world = await worldWith([aNumber({ state: "in_service", assignedTo: "acme_sales" })]);

    const result = await world.engine.activate({
      number: NUMBER,
      account: "globex",
      requester: "acme_sales",
    });

    expect(failure(result)).toEqual({ reason: "unauthorized" });
    expect(await snapshot(world.repository)).toEqual(world.before);
  });

  it("states.md §5.2 E10: activating a port_in number puts it in service", async () => {
    const world = await worldWith([aNumber({ state: "port_in", assignedTo: "acme" })]);

    const active = success(
      await world.engine.activate({ number: NUMBER, account: "acme", requester: "acme" }),
    );

    expect(active).toMatchObject({ state: "in_service", assignedTo: "acme" });
  });

  it("states.md §11 note 3: an aging number can be bought again by anyone", async () => {
    const world = await worldWith([aNumber({ state: "aging" })]);

    const active = success(
      await world.engine.activate({ number: NUMBER, account: "globex", requester: "globex" }),
    );

    expect(active).toMatchObject({ state: "in_service", assignedTo: "globex" });
  });

  it.each(["port_out", "released", "disconnected", "deleted"] as const)(
    "states.md §5.1: activating a %s number is an invalid state transition",
    async (state) => {
      const world = await worldWith([aNumber({ state, assignedTo: "acme" })]);

      const result = await world.engine.activate({
        number: NUMBER,
        account: "acme",
        requester: "root",
      });

      expectInvalidTransition(result, state, "in_service");
      expect(await snapshot(world.repository)).toEqual(world.before);
    },
  );

  it("states.md §5.3: an MDN number cannot be activated from reserved (cause names the from-state)", async () => {
    const world = await worldWith([
      aNumber({ state: "reserved", assignedTo: "acme", carrier: "mdn" }),
    ]);

    const result = await world.engine.activate({
      number: NUMBER,
      account: "acme",
      requester: "acme",
    });

    expectInvalidTransition(result, "reserved", "in_service");
  });

  it("states.md §5.3: an MDN number may stay in service for its owner", async () => {
    const world = await worldWith([
      aNumber({ state: "in_service", assignedTo: "acme", carrier: "mdn" }),
    ]);

    const active = success(
      await world.engine.activate({ number: NUMBER, account: "acme", requester: "acme" }),
    );

    expect(active.state).toBe("in_service");
  });

  it("decisions.md D2: activating a reconcilable number that has no record fails with missing_provider_url", async () => {
    const world = await worldWith([]);

    const result = await world.engine.activate({
      number: NUMBER,
      account: "acme",
      requester: "acme",
    });

    expect(failure(result)).toEqual({ reason: "missing_provider_url" });
    expect(await snapshot(world.repository)).toEqual({});
  });

  it("decisions.md D2: the reconcile check comes first", async () => {
    const world = await worldWith([]);

    const result = await world.engine.activate({
      number: "911",
      account: "acme",
      requester: "acme",
    });

    expect(failure(result)).toEqual({ reason: "not_reconcilable", input: "911" });
  });
});
