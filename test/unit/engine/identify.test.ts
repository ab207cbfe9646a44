import { describe, expect, it } from "vitest";
import { failure, success } from "../../support/expectations.js";
import { aNumber, NUMBER } from "../../support/records.js";
import { worldWith } from "../../support/world.js";

describe("identify (decisions.md D7, authorization.md §7)", () => {
  it.each(["acme_sales", "acme", "root"])(
    "decisions.md D7 step 2: %s (owner, ancestor or admin) learns the owner of a routable number",
    async (requester) => {
      const world = await worldWith([aNumber({ state: "in_service", assignedTo: "acme_sales" })]);

      expect(success(await world.engine.identify({ number: "4155550100", requester }))).toEqual({
        accountId: "acme_sales",
        number: NUMBER,
      });
    },
  );

  it.each(["acme_sales_east", "globex"])(
    "decisions.md D7 step 2: %s (descendant or unrelated) gets not_found, like a missing number",
    async (requester) => {
      const world = await worldWith([aNumber({ state: "in_service", assignedTo: "acme_sales" })]);

      expect(failure(await world.engine.identify({ number: NUMBER, requester }))).toEqual({
        reason: "not_found",
        number: NUMBER,
      });
    },
  );

  it("decisions.md D7 step 2: the read-check relaxations do not apply (a descendant of a reserving parent)", async () => {
    const world = await worldWith([aNumber({ state: "reserved", assignedTo: "acme" })]);

    expect(
      failure(await world.engine.identify({ number: NUMBER, requester: "acme_sales" })).reason,
    ).toBe("not_found");
  });

  it("decisions.md D7 step 1: a number without record is not_found", async () => {
    const world = await worldWith([]);

    expect(failure(await world.engine.identify({ number: NUMBER, requester: "root" })).reason).toBe(
      "not_found",
    );
  });

  it("decisions.md D7: an unowned number is unassigned for the admin and not_found for others", async () => {
    const world = await worldWith([aNumber()]);

    expect(failure(await world.engine.identify({ number: NUMBER, requester: "root" })).reason).toBe(
      "unassigned",
    );
    expect(failure(await world.engine.identify({ number: NUMBER, requester: "acme" })).reason).toBe(
      "not_found",
    );
  });

  it.each(["available", "released", "aging", "deleted", "discovery"] as const)(
    "authorization.md §7 step 4: an owned %s number is not_in_service",
    async (state) => {
      const world = await worldWith([aNumber({ state, assignedTo: "acme" })]);

      expect(failure(await world.engine.identify({ number: NUMBER, requester: "acme" }))).toEqual({
        reason: "not_in_service",
        number: NUMBER,
        owner: "acme",
      });
    },
  );

  it.each(["port_in", "in_service", "port_out", "reserved"] as const)(
    "states.md §2: a %s number routes calls, identify succeeds",
    async (state) => {
      const world = await worldWith([aNumber({ state, assignedTo: "acme" })]);

      expect(
        success(await world.engine.identify({ number: NUMBER, requester: "acme" })).accountId,
      ).toBe("acme");
    },
  );

  it("authorization.md §7 step 5: a number whose owner is disabled is account_disabled", async () => {
    const world = await worldWith([aNumber({ state: "in_service", assignedTo: "sleepy" })]);

    expect(failure(await world.engine.identify({ number: NUMBER, requester: "root" }))).toEqual({
      reason: "account_disabled",
      number: NUMBER,
      owner: "sleepy",
    });
  });
});
