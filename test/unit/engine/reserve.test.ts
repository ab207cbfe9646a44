import { describe, expect, it } from "vitest";
import { expectInvalidTransition, failure, success } from "../../support/expectations.js";
import { aNumber, NUMBER } from "../../support/records.js";
import { snapshot, worldWith } from "../../support/world.js";

describe("reserve (states.md §5.1, §5.2)", () => {
  it("states.md §5.2 E1: reserving a discovery number acquires it from its carrier", async () => {
    const world = await worldWith([aNumber({ state: "discovery", carrier: "simulated" })], {
      inventory: [{ number: NUMBER }],
    });

    const reserved = success(
      await world.engine.reserve({
        number: NUMBER,
        account: "acme_sales",
        requester: "acme_sales",
      }),
    );

    expect(reserved).toMatchObject({
      state: "reserved",
      assignedTo: "acme_sales",
      reserveHistory: ["acme_sales"],
    });
    expect(world.upstream.inventory()).toEqual([]);
  });

  it("states.md §4 ACQUIRE: a failing acquire aborts E1 and stores nothing", async () => {
    const world = await worldWith([aNumber({ state: "discovery", carrier: "simulated" })], {
      inventory: [{ number: NUMBER }],
      faults: [{ port: "carrier", op: "acquire" }],
    });

    const result = await world.engine.reserve({
      number: NUMBER,
      account: "acme",
      requester: "acme",
    });

    expect(failure(result)).toEqual({
      reason: "by_carrier",
      number: NUMBER,
      message: "fault by carrier",
    });
    expect(await snapshot(world.repository)).toEqual(world.before);
  });

  it("states.md §5.2 E2: reserving a pool number moves it without contacting the carrier", async () => {
    const world = await worldWith([aNumber({ assignedTo: "root", carrier: "simulated" })], {
      inventory: [{ number: NUMBER }],
    });

    const reserved = success(
      await world.engine.reserve({
        number: NUMBER,
        account: "acme_sales",
        requester: "acme_sales",
      }),
    );

    expect(reserved).toMatchObject({
      state: "reserved",
      assignedTo: "acme_sales",
      prevAssignedTo: "root",
      reserveHistory: ["acme_sales"],
    });
    expect(world.upstream.inventory()).toEqual([NUMBER]);
  });

  it("states.md §4 MOVE: taking an unowned number records no previous owner", async () => {
    const world = await worldWith([aNumber()]);

    const reserved = success(
      await world.engine.reserve({ number: NUMBER, account: "acme", requester: "acme" }),
    );

    expect(reserved.assignedTo).toBe("acme");
    expect(reserved.prevAssignedTo).toBeUndefined();
  });

  it("decisions.md D9: any account may reserve a pool number for a descendant, whoever held it", async () => {
    const world = await worldWith([aNumber({ assignedTo: "acme" })]);

    const reserved = success(
      await world.engine.reserve({ number: NUMBER, account: "globex_ops", requester: "globex" }),
    );

    expect(reserved).toMatchObject({ state: "reserved", assignedTo: "globex_ops" });
  });

  it("states.md §4 AUTHORIZE: reserving a pool number for an account outside the requester's subtree is forbidden", async () => {
    const world = await worldWith([aNumber()]);

    const result = await world.engine.reserve({
      number: NUMBER,
      account: "acme",
      requester: "acme_sales",
    });

    expect(failure(result)).toEqual({ reason: "unauthorized" });
    expect(await snapshot(world.repository)).toEqual(world.before);
  });

  it("states.md §5.2 E3 with §11 note 5: the owner hands its reserved number to a child", async () => {
    const world = await worldWith([
      aNumber({ state: "reserved", assignedTo: "acme", reserveHistory: ["acme"] }),
    ]);

    const reserved = success(
      await world.engine.reserve({ number: NUMBER, account: "acme_sales", requester: "acme" }),
    );

    expect(reserved).toMatchObject({
      state: "reserved",
      assignedTo: "acme_sales",
      prevAssignedTo: "acme",
      reserveHistory: ["acme_sales", "acme"],
    });
  });

  it("states.md §5.2 E3: a strict descendant of the owner takes the reserved number for itself", async () => {
    const world = await worldWith([
      aNumber({ state: "reserved", assignedTo: "acme", reserveHistory: ["acme"] }),
    ]);

    const reserved = success(
      await world.engine.reserve({
        number: NUMBER,
        account: "acme_sales",
        requester: "acme_sales",
      }),
    );

    expect(reserved.assignedTo).toBe("acme_sales");
  });

  it("states.md §5.2 E3 ACQUIRE: handing on a reserved number runs its carrier's acquire", async () => {
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

    success(
      await world.engine.reserve({ number: NUMBER, account: "acme_sales", requester: "acme" }),
    );

    expect(world.upstream.inventory()).toEqual([]);
  });

  it("states.md §4 NOT_SELF: reserving again for the owner is no_change_required", async () => {
    const world = await worldWith([
      aNumber({ state: "reserved", assignedTo: "acme", reserveHistory: ["acme"] }),
    ]);

    const result = await world.engine.reserve({
      number: NUMBER,
      account: "acme",
      requester: "acme",
    });

    expect(failure(result)).toEqual({ reason: "no_change_required" });
    expect(await snapshot(world.repository)).toEqual(world.before);
  });

  it("authorization.md §3.1: an account outside the owner's lineage cannot take a reserved number", async () => {
    const world = await worldWith([
      aNumber({ state: "reserved", assignedTo: "acme", reserveHistory: ["acme"] }),
    ]);

    const result = await world.engine.reserve({
      number: NUMBER,
      account: "globex",
      requester: "globex",
    });

    expect(failure(result)).toEqual({ reason: "unauthorized" });
    expect(await snapshot(world.repository)).toEqual(world.before);
  });

  it("states.md §4 AUTH_REASSIGN_RESERVED: a sibling of the owner cannot hand it on, even to itself", async () => {
    const world = await worldWith([
      aNumber({ state: "reserved", assignedTo: "acme_sales", reserveHistory: ["acme_sales"] }),
    ]);

    const result = await world.engine.reserve({
      number: NUMBER,
      account: "acme_support",
      requester: "acme_support",
    });

    expect(failure(result)).toEqual({ reason: "unauthorized" });
  });

  it("states.md §11 note 1: reserving an in_service number pushes history and moves it to reserved", async () => {
    const world = await worldWith([aNumber({ state: "in_service", assignedTo: "acme_sales" })]);

    const reserved = success(
      await world.engine.reserve({ number: NUMBER, account: "acme", requester: "acme" }),
    );

    expect(reserved).toMatchObject({
      state: "reserved",
      assignedTo: "acme",
      prevAssignedTo: "acme_sales",
      reserveHistory: ["acme"],
    });
  });

  it("states.md §4 PUSH_HISTORY: the target is not pushed again when it already heads the history", async () => {
    const world = await worldWith([
      aNumber({ state: "in_service", assignedTo: "acme", reserveHistory: ["acme", "root"] }),
    ]);

    const reserved = success(
      await world.engine.reserve({ number: NUMBER, account: "acme", requester: "acme" }),
    );

    expect(reserved.reserveHistory).toEqual(["acme", "root"]);
  });

  it("states.md §11 note 7: an ownership change clears used_by", async () => {
    const world = await worldWith([
      aNumber({ state: "in_service", assignedTo: "acme_sales", usedBy: "callflow" }),
    ]);

    const reserved = success(
      await world.engine.reserve({ number: NUMBER, account: "acme", requester: "acme" }),
    );

    expect(reserved.usedBy).toBeUndefined();
  });

  it.each(["port_in", "port_out", "released", "disconnected", "aging", "deleted"] as const)(
    "states.md §5.1: reserving a %s number is an invalid state transition",
    async (state) => {
      const world = await worldWith([aNumber({ state, assignedTo: "acme" })]);

      const result = await world.engine.reserve({
        number: NUMBER,
        account: "acme",
        requester: "root",
      });

      expectInvalidTransition(result, state, "reserved");
      expect(await snapshot(world.repository)).toEqual(world.before);
    },
  );

  it("states.md §5.3: an MDN number cannot be reserved", async () => {
    const world = await worldWith([
      aNumber({ state: "in_service", assignedTo: "acme", carrier: "mdn" }),
    ]);

    const result = await world.engine.reserve({
      number: NUMBER,
      account: "acme",
      requester: "acme",
    });

    expect(failure(result)).toEqual({
      reason: "invalid_state_transition",
      cause: "from 'MDN' to reserved",
    });
  });

  it("authorization.md §8: reserving a number without record is not_found", async () => {
    const world = await worldWith([]);

    const result = await world.engine.reserve({
      number: NUMBER,
      account: "acme",
      requester: "acme",
    });

    expect(failure(result)).toEqual({ reason: "not_found", number: NUMBER });
  });

  it("normalization.md §3: reserving a non-reconcilable input is not_reconcilable", async () => {
    const world = await worldWith([]);

    const result = await world.engine.reserve({
      number: "1234",
      account: "acme",
      requester: "acme",
    });

    expect(failure(result)).toEqual({ reason: "not_reconcilable", input: "1234" });
  });
});
