import { describe, expect, it } from "vitest";
import { failure, success } from "../../support/expectations.js";
import { aNumber, NUMBER } from "../../support/records.js";
import { snapshot, worldWith } from "../../support/world.js";

describe("get (authorization.md §3.1, §5)", () => {
  it("authorization.md §3.1: the owner reads its number", async () => {
    const world = await worldWith([aNumber({ state: "in_service", assignedTo: "acme_sales" })]);

    expect(
      success(await world.engine.get({ number: "4155550100", requester: "acme_sales" })).number,
    ).toBe(NUMBER);
  });

  it("authorization.md §3.1: a descendant of the owner cannot read an in_service number", async () => {
    const world = await worldWith([aNumber({ state: "in_service", assignedTo: "acme_sales" })]);

    expect(
      failure(await world.engine.get({ number: NUMBER, requester: "acme_sales_east" })),
    ).toEqual({
      reason: "unauthorized",
    });
  });

  it("states.md §11 note 2: anyone reads a pool number", async () => {
    const world = await worldWith([aNumber({ assignedTo: "root" })]);

    expect(success(await world.engine.get({ number: NUMBER, requester: "globex_ops" })).state).toBe(
      "available",
    );
  });

  it("authorization.md §3.1: an unowned non-pool number is readable only by the admin", async () => {
    const world = await worldWith([aNumber({ state: "released" })]);

    expect(success(await world.engine.get({ number: NUMBER, requester: "root" })).state).toBe(
      "released",
    );
    expect(failure(await world.engine.get({ number: NUMBER, requester: "acme" })).reason).toBe(
      "unauthorized",
    );
  });

  it("errors.md §2.1: get of a missing number is not_found, of a bad input not_reconcilable", async () => {
    const world = await worldWith([]);

    expect(failure(await world.engine.get({ number: NUMBER, requester: "root" })).reason).toBe(
      "not_found",
    );
    expect(failure(await world.engine.get({ number: "1234", requester: "root" })).reason).toBe(
      "not_reconcilable",
    );
  });
});

describe("update (authorization.md §6, decisions.md D4)", () => {
  it("decisions.md D4: update is a JSON merge patch of the public fields", async () => {
    const world = await worldWith([
      aNumber({
        state: "in_service",
        assignedTo: "acme",
        public: { keep: 1, drop: 2, nested: { a: 1, b: 2 } },
      }),
    ]);

    const updated = success(
      await world.engine.update({
        number: NUMBER,
        requester: "acme",
        patch: { drop: null, nested: { b: null, c: 3 }, added: [], pvt_x: 1, id: "y" },
      }),
    );

    expect(updated.public).toEqual({ keep: 1, nested: { a: 1, c: 3 }, added: [] });
  });

  it("authorization.md §6: any loadable state can be updated, discovery included", async () => {
    const world = await worldWith([aNumber({ state: "discovery", carrier: "simulated" })]);

    expect(
      success(await world.engine.update({ number: NUMBER, requester: "root", patch: { a: 1 } }))
        .public,
    ).toEqual({
      a: 1,
    });
  });

  it("record.md §5: a real update moves modified to now, created stays", async () => {
    const world = await worldWith([aNumber({ state: "in_service", assignedTo: "acme" })]);
    world.clock.advance(10);

    const updated = success(
      await world.engine.update({ number: NUMBER, requester: "acme", patch: { a: 1 } }),
    );

    expect(updated.modified).toBe(world.clock.now());
    expect(updated.created).toBe(world.clock.now() - 10);
  });

  it("authorization.md §6: a requester failing the read check cannot update, nothing changes", async () => {
    const world = await worldWith([aNumber({ state: "in_service", assignedTo: "acme" })]);

    const result = await world.engine.update({
      number: NUMBER,
      requester: "globex",
      patch: { a: 1 },
    });

    expect(failure(result)).toEqual({ reason: "unauthorized" });
    expect(await snapshot(world.repository)).toEqual(world.before);
  });

  it("a dry run answers the patched record and writes nothing, no event either", async () => {
    const world = await worldWith([
      aNumber({ state: "in_service", assignedTo: "acme", public: { keep: 1, drop: 2 } }),
    ]);
    world.clock.advance(10);

    const result = await world.engine.update({
      number: NUMBER,
      requester: "acme",
      patch: { drop: null, added: "x" },
      dryRun: true,
    });

    expect(success(result).public).toEqual({ keep: 1, added: "x" });
    expect(await snapshot(world.repository)).toEqual(world.before);
    expect((await world.repository.eventsSince(undefined, 10)).events).toEqual([]);
  });

  it("a dry run is refused like the real one and writes nothing", async () => {
    const world = await worldWith([aNumber({ state: "in_service", assignedTo: "acme" })]);

    const result = await world.engine.update({
      number: NUMBER,
      requester: "globex",
      patch: { a: 1 },
      dryRun: true,
    });

    expect(failure(result)).toEqual({ reason: "unauthorized" });
    expect(await snapshot(world.repository)).toEqual(world.before);
  });
});
