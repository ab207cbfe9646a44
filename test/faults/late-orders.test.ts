import { describe, expect, it } from "vitest";
import { LocalCarrier } from "../../src/adapters/carriers/local.js";
import type { Fault } from "../../src/adapters/fault-plan.js";
import { aNumber, buildWorld, memoryWorld, N } from "../features/feature-world.js";
import { HangingCarrier } from "./hanging-ports.js";

/** The carrier answers after the engine's deadline: 40 ms against 10 ms. */
const LATE = { acquire: 40, disconnect: 40 };
const DEADLINE = { port_call_timeout_ms: 10 };
const settleAfter = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

const offer = aNumber({ state: "discovery", assignedTo: undefined, carrier: "simulated" });
const bought = aNumber({ carrier: "simulated", reserveHistory: ["acme_sales"] });

async function lateWorld(numbers: Parameters<typeof memoryWorld>[0], faults: Fault[] = []) {
  return memoryWorld(numbers, {
    inventory: numbers
      .filter((n) => n.state === "discovery")
      .map((n) => ({ number: n.number ?? N })),
    carrierLatencyMs: LATE,
    config: DEADLINE,
    faults,
  });
}

describe("carrier orders that answer after the deadline (issue 11: reconciled, never sold twice)", () => {
  it("marks an acquire that missed its deadline, refuses every move meanwhile, and finishes the buy once the carrier says it completed", async () => {
    const world = await lateWorld([offer]);

    const first = await world.engine.activate({
      number: N,
      account: "acme_sales",
      requester: "acme_sales",
    });
    const rival = await world.engine.activate({
      number: N,
      account: "globex",
      requester: "globex",
    });
    await settleAfter(60);
    const settled = await world.engine.reconcile(N);

    expect(first).toMatchObject({ ok: false, error: { reason: "by_carrier" } });
    expect(rival).toEqual({ ok: false, error: { reason: "carrier_order_pending", number: N } });
    expect(settled).toMatchObject({ ok: true, value: { outcome: "completed" } });
    const record = await world.engine.inspect(N);
    expect(record).toMatchObject({ state: "in_service", assignedTo: "acme_sales" });
    expect(record?.pendingOrder).toBeUndefined();
    expect(world.upstream.inventory()).toEqual([]);
  });

  it("removes the mark and leaves the offer for sale when the late acquire failed upstream", async () => {
    const world = await lateWorld([offer], [{ port: "carrier", op: "acquire", number: N }]);

    await world.engine.reserve({ number: N, account: "acme_sales", requester: "acme_sales" });
    await settleAfter(60);
    const settled = await world.engine.reconcile(N);

    expect(settled).toMatchObject({ ok: true, value: { outcome: "undone" } });
    const record = await world.engine.inspect(N);
    expect(record).toMatchObject({ state: "discovery" });
    expect(record?.pendingOrder).toBeUndefined();
    expect(world.upstream.inventory()).toEqual([N]);
  });

  it("finishes a release whose late disconnect completed, and keeps the number when it failed", async () => {
    const done = await lateWorld([bought]);
    const refused = await lateWorld([bought], [{ port: "carrier", op: "disconnect", number: N }]);

    for (const world of [done, refused]) {
      await world.engine.release({ number: N, requester: "acme_sales" });
      await settleAfter(60);
    }
    const sweeps = [await done.engine.sweep(), await refused.engine.sweep()];

    expect(sweeps.map((s) => s.settledOrders)).toEqual([[N], [N]]);
    const released = await done.engine.inspect(N);
    expect(released?.state).toBe("available");
    expect(released?.assignedTo).toBeUndefined();
    const kept = await refused.engine.inspect(N);
    expect(kept).toMatchObject({ state: "in_service", assignedTo: "acme_sales" });
    expect(kept?.pendingOrder).toBeUndefined();
  });

  it("keeps the number marked, and unsellable, while the carrier never answers", async () => {
    const world = await buildWorld({
      numbers: [offer],
      carriers: (repository) => [new LocalCarrier(repository), new HangingCarrier()],
      config: { ...DEADLINE, carrier_modules: ["knm_local", "knm_simulated"] },
    });

    await world.engine.activate({ number: N, account: "acme_sales", requester: "acme_sales" });
    const settled = await world.engine.reconcile(N);
    const report = await world.engine.sweep();
    const rival = await world.engine.reserve({ number: N, account: "globex", requester: "globex" });

    expect(settled).toMatchObject({ ok: true, value: { outcome: "unresolved" } });
    expect(report.failed).toEqual([N]);
    expect(rival).toEqual({ ok: false, error: { reason: "carrier_order_pending", number: N } });
  });

  it("marks every number of a collection activate whose acquire missed its deadline, committed with the pass", async () => {
    const other = "+14155550199";
    const world = await lateWorld([offer, { ...offer, number: other }]);

    const result = await world.engine.activateMany({
      numbers: [N, other],
      account: "acme_sales",
      requester: "acme_sales",
      acceptCharges: true,
    });

    expect(result.ok && [...result.value.failed.keys()]).toEqual([N, other]);
    for (const number of [N, other]) {
      expect(await world.engine.inspect(number)).toMatchObject({
        state: "discovery",
        pendingOrder: {
          op: "acquire",
          event: "activate",
          requester: "acme_sales",
          target: "acme_sales",
        },
      });
    }
  });
});
