import { describe, expect, it } from "vitest";
import { failure, success } from "../../support/expectations.js";
import { aNumber, NUMBER } from "../../support/records.js";
import { snapshot, worldWith } from "../../support/world.js";

describe("create (states.md §6)", () => {
  it("states.md §6 step 2: a number created for a non-reseller account is in_service", async () => {
    const world = await worldWith([]);

    const created = success(
      await world.engine.create({ number: "4155550100", account: "acme_sales", requester: "acme" }),
    );

    expect(created).toMatchObject({
      number: NUMBER,
      state: "in_service",
      assignedTo: "acme_sales",
      reserveHistory: [],
      carrier: "local",
    });
  });

  it("states.md §6 example: the master creating for a non-master reseller gives reserved with history [R]", async () => {
    const world = await worldWith([]);

    const created = success(
      await world.engine.create({ number: NUMBER, account: "acme", requester: "root" }),
    );

    expect(created).toMatchObject({
      state: "reserved",
      assignedTo: "acme",
      reserveHistory: ["acme"],
    });
  });

  it("states.md §6 example: the master creating for itself gives available, owned by the master, history []", async () => {
    const world = await worldWith([]);

    const created = success(
      await world.engine.create({ number: NUMBER, account: "root", requester: "root" }),
    );

    expect(created).toMatchObject({
      state: "available",
      assignedTo: "root",
      reserveHistory: [],
      carrier: "local",
    });
  });

  it("record.md §5: a new number's created and modified are the clock's now", async () => {
    const world = await worldWith([]);
    world.clock.advance(42);

    const created = success(
      await world.engine.create({ number: NUMBER, account: "acme", requester: "acme" }),
    );

    expect(created.created).toBe(world.clock.now());
    expect(created.modified).toBe(world.clock.now());
  });

  it("decisions.md D4: create stores the body's public fields, without private keys or id", async () => {
    const world = await worldWith([]);

    const created = success(
      await world.engine.create({
        number: NUMBER,
        account: "acme_sales",
        requester: "acme",
        publicFields: {
          my_own_field: {},
          tags: [],
          note: "",
          id: "x",
          pvt_state: "deleted",
          _rev: "1",
        },
      }),
    );

    expect(created.public).toEqual({ my_own_field: {}, tags: [], note: "" });
  });

  it("states.md §6 step 1: a non-reconcilable number is not_reconcilable with the input as given", async () => {
    const world = await worldWith([]);

    const result = await world.engine.create({
      number: "+141510010+15",
      account: "acme",
      requester: "acme",
    });

    expect(failure(result)).toEqual({ reason: "not_reconcilable", input: "+141510010+15" });
    expect(await snapshot(world.repository)).toEqual({});
  });

  it("decisions.md D1: an account that may not add numbers cannot create one, nothing is stored", async () => {
    const world = await worldWith([]);

    const result = await world.engine.create({
      number: NUMBER,
      account: "plain",
      requester: "plain",
    });

    expect(failure(result)).toEqual({ reason: "additions_not_allowed", requester: "plain" });
    expect(await snapshot(world.repository)).toEqual({});
  });

  it("states.md §4 AUTH_IN_SERVICE_TRANSFER on create: an adding account cannot create for an unrelated account", async () => {
    const world = await worldWith([]);

    const result = await world.engine.create({
      number: NUMBER,
      account: "globex_ops",
      requester: "acme",
    });

    expect(failure(result)).toEqual({ reason: "unauthorized" });
    expect(await snapshot(world.repository)).toEqual({});
  });

  it.each([
    "discovery",
    "reserved",
    "in_service",
    "port_in",
    "port_out",
    "released",
    "aging",
    "deleted",
  ] as const)(
    "decisions.md D8: creating a number whose record is %s answers number_exists and changes nothing",
    async (state) => {
      const world = await worldWith([aNumber({ state, assignedTo: "acme" })]);

      const result = await world.engine.create({
        number: NUMBER,
        account: "acme",
        requester: "acme",
      });

      expect(failure(result)).toEqual({ reason: "number_exists", number: NUMBER });
      expect(await snapshot(world.repository)).toEqual(world.before);
    },
  );

  it("authorization.md §4: number_exists is answered before any authorization", async () => {
    const world = await worldWith([aNumber({ state: "in_service", assignedTo: "globex" })]);

    const result = await world.engine.create({
      number: NUMBER,
      account: "plain",
      requester: "plain",
    });

    expect(failure(result)).toEqual({ reason: "number_exists", number: NUMBER });
  });

  it("states.md §6 step 3 (E6): creating an available number claims it for the account", async () => {
    const world = await worldWith([aNumber({ assignedTo: "root", public: { old: true } })]);

    const claimed = success(
      await world.engine.create({
        number: NUMBER,
        account: "acme_sales",
        requester: "acme_sales",
        publicFields: { fresh: 1 },
      }),
    );

    expect(claimed).toMatchObject({
      state: "in_service",
      assignedTo: "acme_sales",
      prevAssignedTo: "root",
    });
    expect(claimed.public).toEqual({ fresh: 1 });
  });

  it("states.md §11 note 12: even an account that may not add numbers can claim a pool number", async () => {
    const world = await worldWith([aNumber()]);

    const claimed = success(
      await world.engine.create({ number: NUMBER, account: "plain", requester: "plain" }),
    );

    expect(claimed).toMatchObject({ state: "in_service", assignedTo: "plain" });
  });

  it("authorization.md §4: a pool number cannot be claimed for an account outside the requester's subtree", async () => {
    const world = await worldWith([aNumber()]);

    const result = await world.engine.create({
      number: NUMBER,
      account: "acme",
      requester: "globex",
    });

    expect(failure(result)).toEqual({ reason: "unauthorized" });
    expect(await snapshot(world.repository)).toEqual(world.before);
  });

  it("authorization.md §4 (master): create_with_state outside the requester's allowed states is forbidden", async () => {
    const world = await worldWith([]);

    const result = await world.engine.create({
      number: NUMBER,
      account: "acme",
      requester: "acme",
      createWithState: "available",
    });

    expect(failure(result)).toEqual({
      reason: "unauthorized",
      cause: "creating number in state 'available' is not allowed",
    });
  });

  it("authorization.md §4 (master): the admin may create a number in state aging", async () => {
    const world = await worldWith([]);

    const created = success(
      await world.engine.create({
        number: NUMBER,
        account: "root",
        requester: "root",
        createWithState: "aging",
      }),
    );

    expect(created.state).toBe("aging");
  });

  it("states.md §6: a dry-run create validates without storing", async () => {
    const world = await worldWith([]);

    success(
      await world.engine.create({
        number: NUMBER,
        account: "acme",
        requester: "acme",
        dryRun: true,
      }),
    );

    expect(await snapshot(world.repository)).toEqual({});
  });
});
