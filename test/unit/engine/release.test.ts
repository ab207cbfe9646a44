import { NUMBER_STATES } from "../../../src/domain/states.js";
import { describe, expect, it } from "vitest";
import { expectInvalidTransition, failure, success } from "../../support/expectations.js";
import { aNumber, NUMBER } from "../../support/records.js";
import { aWorld, snapshot, worldWith } from "../../support/world.js";

describe("release (states.md §7, decisions.md D10)", () => {
  it("states.md §7.1 outcome: an owner-only history releases to available, unassigned, history []", async () => {
    const world = await worldWith([
      aNumber({
        state: "in_service",
        assignedTo: "acme_sales",
        reserveHistory: ["acme_sales"],
        usedBy: "callflow",
        public: { my_own_field: "x", cnam: { display_name: "Acme" } },
        features: { local: {}, outbound_cnam: { display_name: "Acme" } },
      }),
    ]);

    const released = success(
      await world.engine.release({ number: NUMBER, requester: "acme_sales" }),
    );

    expect(released).toMatchObject({
      state: "available",
      reserveHistory: [],
      prevAssignedTo: "acme_sales",
    });
    expect(released.assignedTo).toBeUndefined();
    expect(released.usedBy).toBeUndefined();
    expect(released.public).toEqual({});
    expect(released.features).toEqual({ local: {} });
  });

  it("states.md §7.1 outcome: history [R, M] released by R goes back to M, reserved", async () => {
    const world = await worldWith([
      aNumber({
        state: "reserved",
        assignedTo: "acme_sales",
        reserveHistory: ["acme_sales", "acme"],
      }),
    ]);

    const released = success(
      await world.engine.release({ number: NUMBER, requester: "acme_sales" }),
    );

    expect(released).toMatchObject({
      state: "reserved",
      assignedTo: "acme",
      reserveHistory: ["acme"],
    });
  });

  it("states.md §7.3: the unwind removes the releaser, not the head, when the owner never reserved", async () => {
    const world = await aWorld({ numbers: [aNumber()] });
    success(await world.engine.reserve({ number: NUMBER, account: "acme", requester: "acme" }));
    success(
      await world.engine.activate({
        number: NUMBER,
        account: "acme_sales",
        requester: "acme_sales",
      }),
    );

    const released = success(
      await world.engine.release({ number: NUMBER, requester: "acme_sales" }),
    );

    expect(released).toMatchObject({
      state: "reserved",
      assignedTo: "acme",
      reserveHistory: ["acme"],
    });
  });

  it("states.md §7.1 step 6: only the first occurrence of the releaser is removed", async () => {
    const world = await worldWith([
      aNumber({
        state: "reserved",
        assignedTo: "acme",
        reserveHistory: ["root", "acme", "root", "acme"],
      }),
    ]);

    const released = success(await world.engine.release({ number: NUMBER, requester: "acme" }));

    expect(released).toMatchObject({
      state: "reserved",
      assignedTo: "root",
      reserveHistory: ["root", "root", "acme"],
    });
  });

  it("states.md §7.1 step 3: an ancestor of the owner may release", async () => {
    const world = await worldWith([aNumber({ state: "in_service", assignedTo: "acme_sales" })]);

    expect(success(await world.engine.release({ number: NUMBER, requester: "acme" })).state).toBe(
      "available",
    );
  });

  it.each([
    ["a descendant of the owner", "acme_sales_east"],
    ["an unrelated account", "globex"],
  ])("states.md §7.1 step 1/3: %s cannot release, nothing changes", async (_, requester) => {
    const world = await worldWith([aNumber({ state: "in_service", assignedTo: "acme_sales" })]);

    const result = await world.engine.release({ number: NUMBER, requester });

    expect(failure(result)).toEqual({ reason: "unauthorized" });
    expect(await snapshot(world.repository)).toEqual(world.before);
  });

  it("states.md §7.4: releasing an available number is invalid from available to released", async () => {
    const world = await worldWith([aNumber({ assignedTo: "acme" })]);

    const result = await world.engine.release({ number: NUMBER, requester: "acme" });

    expectInvalidTransition(result, "available", "released");
    expect(await snapshot(world.repository)).toEqual(world.before);
  });

  it.each(["discovery", "port_out", "disconnected", "aging", "deleted"] as const)(
    "states.md §7.1 step 2 and §11 note 6: releasing a %s number is an invalid state transition",
    async (state) => {
      const world = await worldWith([aNumber({ state, assignedTo: "acme" })]);

      const result = await world.engine.release({ number: NUMBER, requester: "root" });

      expectInvalidTransition(result, state, "released");
      expect(await snapshot(world.repository)).toEqual(world.before);
    },
  );

  it("states.md §7.1: a port_in number can be released by its owner", async () => {
    const world = await worldWith([aNumber({ state: "port_in", assignedTo: "acme" })]);

    expect(success(await world.engine.release({ number: NUMBER, requester: "acme" })).state).toBe(
      "available",
    );
  });

  it("states.md §11 note 6: releasing a released number needs normal authorization", async () => {
    const world = await worldWith([aNumber({ state: "released", reserveHistory: ["acme"] })]);

    const result = await world.engine.release({ number: NUMBER, requester: "acme" });

    expect(failure(result)).toEqual({ reason: "unauthorized" });
    expect(await snapshot(world.repository)).toEqual(world.before);
  });

  it("states.md §7.1 R0: the admin releasing a released number with history hands it back to the head", async () => {
    const world = await worldWith([aNumber({ state: "released", reserveHistory: ["acme"] })]);

    const released = success(await world.engine.release({ number: NUMBER, requester: "root" }));

    expect(released).toMatchObject({
      state: "reserved",
      assignedTo: "acme",
      reserveHistory: ["acme"],
    });
  });

  it("config released_state = released: a number left without owner becomes released", async () => {
    const world = await worldWith([aNumber({ state: "in_service", assignedTo: "acme" })], {
      config: { released_state: "released" },
    });

    expect(success(await world.engine.release({ number: NUMBER, requester: "acme" })).state).toBe(
      "released",
    );
  });

  it("states.md §11 note 3: with should_age a release that would end available ends aging", async () => {
    const world = await worldWith([aNumber({ state: "in_service", assignedTo: "acme" })], {
      config: { should_age: true },
    });

    expect(success(await world.engine.release({ number: NUMBER, requester: "acme" })).state).toBe(
      "aging",
    );
  });

  it("states.md §7.1 step 6: should_age does not apply when the unwind finds a previous reserver", async () => {
    const world = await worldWith(
      [
        aNumber({
          state: "reserved",
          assignedTo: "acme_sales",
          reserveHistory: ["acme_sales", "acme"],
        }),
      ],
      { config: { should_age: true } },
    );

    expect(
      success(await world.engine.release({ number: NUMBER, requester: "acme_sales" })).state,
    ).toBe("reserved");
  });

  it("states.md §7.1 step 6: should_age does not apply when released_state is released", async () => {
    const world = await worldWith([aNumber({ state: "in_service", assignedTo: "acme" })], {
      config: { should_age: true, released_state: "released" },
    });

    expect(success(await world.engine.release({ number: NUMBER, requester: "acme" })).state).toBe(
      "released",
    );
  });

  it("decisions.md D10: with should_permanently_delete the record stays stored as deleted", async () => {
    const world = await worldWith([aNumber({ state: "in_service", assignedTo: "acme" })], {
      config: { should_permanently_delete: true },
    });

    const released = success(await world.engine.release({ number: NUMBER, requester: "acme" }));

    expect(released.state).toBe("deleted");
    expect(await world.engine.inspect(NUMBER)).toMatchObject({
      state: "deleted",
      reserveHistory: [],
    });
  });

  it("decisions.md D10: with should_permanently_delete a failing disconnect is ignored", async () => {
    const world = await worldWith(
      [aNumber({ state: "in_service", assignedTo: "acme", carrier: "simulated" })],
      {
        config: { should_permanently_delete: true },
        faults: [{ port: "carrier", op: "disconnect" }],
      },
    );

    expect(success(await world.engine.release({ number: NUMBER, requester: "acme" })).state).toBe(
      "deleted",
    );
  });

  it("decisions.md D10: otherwise a failing disconnect fails the release and nothing is saved", async () => {
    const world = await worldWith(
      [aNumber({ state: "in_service", assignedTo: "acme", carrier: "simulated" })],
      {
        faults: [{ port: "carrier", op: "disconnect" }],
      },
    );

    const result = await world.engine.release({ number: NUMBER, requester: "acme" });

    expect(failure(result)).toEqual({
      reason: "by_carrier",
      number: NUMBER,
      message: "fault by carrier",
    });
    expect(await snapshot(world.repository)).toEqual(world.before);
  });

  it("decisions.md D10: a number left without owner is disconnected at its carrier", async () => {
    const world = await worldWith([
      aNumber({ state: "in_service", assignedTo: "acme", carrier: "simulated" }),
    ]);

    success(await world.engine.release({ number: NUMBER, requester: "acme" }));

    expect(world.upstream.inventory()).toEqual([NUMBER]);
  });

  it("decisions.md D10: no disconnect happens when the unwind hands the number back", async () => {
    const world = await worldWith(
      [
        aNumber({
          state: "reserved",
          assignedTo: "acme_sales",
          carrier: "simulated",
          reserveHistory: ["acme_sales", "acme"],
        }),
      ],
      { faults: [{ port: "carrier", op: "disconnect" }] },
    );

    expect(
      success(await world.engine.release({ number: NUMBER, requester: "acme_sales" })).state,
    ).toBe("reserved");
  });

  it("states.md §11 note 8: releasing an in_service MDN number removes it", async () => {
    const world = await worldWith([
      aNumber({ state: "in_service", assignedTo: "acme", carrier: "mdn" }),
    ]);

    const released = success(await world.engine.release({ number: NUMBER, requester: "acme" }));

    expect(released.state).toBe("deleted");
    expect(await world.engine.inspect(NUMBER)).toBeUndefined();
  });

  it("authorization.md §8: releasing a number without record is not_found", async () => {
    const world = await worldWith([]);

    expect(failure(await world.engine.release({ number: NUMBER, requester: "acme" }))).toEqual({
      reason: "not_found",
      number: NUMBER,
    });
  });
});

describe("hard delete (states.md §8)", () => {
  it.each(NUMBER_STATES)(
    "states.md §8: the admin hard-deletes a %s number: nothing remains, the answer says deleted",
    async (state) => {
      const world = await worldWith([aNumber({ state, assignedTo: "acme" })]);

      const deleted = success(
        await world.engine.release({ number: NUMBER, requester: "root", hard: true }),
      );

      expect(deleted.state).toBe("deleted");
      expect(await world.engine.inspect(NUMBER)).toBeUndefined();
    },
  );

  it("states.md §8: hard=true from anyone but the admin is an ordinary release", async () => {
    const world = await worldWith([aNumber({ state: "in_service", assignedTo: "acme" })]);

    const released = success(
      await world.engine.release({ number: NUMBER, requester: "acme", hard: true }),
    );

    expect(released.state).toBe("available");
    expect(await world.engine.inspect(NUMBER)).toMatchObject({ state: "available" });
  });

  it("states.md §8: hard delete of a number without record is not_found", async () => {
    const world = await worldWith([]);

    expect(
      failure(await world.engine.release({ number: NUMBER, requester: "root", hard: true })),
    ).toEqual({
      reason: "not_found",
      number: NUMBER,
    });
  });
});
