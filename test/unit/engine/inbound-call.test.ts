import { describe, expect, it } from "vitest";
import { success } from "../../support/expectations.js";
import { aNumber, NUMBER } from "../../support/records.js";
import { snapshot, worldWith } from "../../support/world.js";

describe("inbound call (states.md §10)", () => {
  it("states.md §10: a call for a port_in number completes the port: in_service, ported_in, same owner", async () => {
    const world = await worldWith([aNumber({ state: "port_in", assignedTo: "acme_sales" })]);

    const record = success(await world.engine.inboundCall(NUMBER));

    expect(record).toMatchObject({ state: "in_service", assignedTo: "acme_sales", portedIn: true });
    expect(await world.engine.inspect(NUMBER)).toMatchObject({
      state: "in_service",
      portedIn: true,
    });
  });

  it("states.md §10: a completed port moves the number to the local carrier", async () => {
    const world = await worldWith([
      aNumber({ state: "port_in", assignedTo: "acme_sales", carrier: "simulated" }),
    ]);

    success(await world.engine.inboundCall(NUMBER));

    expect(await world.engine.inspect(NUMBER)).toMatchObject({
      state: "in_service",
      carrier: "local",
      features: { local: {} },
    });
  });

  it.each(["available", "reserved", "in_service", "aging", "deleted"] as const)(
    "states.md §10: a call for a %s number changes nothing",
    async (state) => {
      const world = await worldWith([aNumber({ state, assignedTo: "acme" })]);

      success(await world.engine.inboundCall(NUMBER));

      expect(await snapshot(world.repository)).toEqual(world.before);
    },
  );

  it("states.md §10: a call for a number without record answers nothing and stores nothing", async () => {
    const world = await worldWith([]);

    expect(success(await world.engine.inboundCall(NUMBER))).toBeUndefined();
    expect(await snapshot(world.repository)).toEqual({});
  });
});
