import { describe, expect, it } from "vitest";
import type { Fault } from "../../src/adapters/fault-plan.js";
import type { NumberEvent } from "../../src/domain/events.js";
import { aNumber, memoryWorld, N } from "../features/feature-world.js";

/** The carrier answers after the engine's deadline: 40 ms against 10 ms. */
const LATE = { acquire: 40, disconnect: 40 };
const settleAfter = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));
const offer = aNumber({ state: "discovery", assignedTo: undefined, carrier: "simulated" });

const facts = (e: NumberEvent) => [e.operation, e.from, e.to, e.account_id, e.owner_after];

async function lateWorld(faults: Fault[] = []) {
  const world = await memoryWorld([offer], {
    inventory: [{ number: N }],
    carrierLatencyMs: LATE,
    config: { port_call_timeout_ms: 10 },
    faults,
  });
  const seen: NumberEvent[] = [];
  world.engine.events.subscribe((event) => {
    seen.push(event);
  });
  return { world, seen };
}

describe("events of carrier orders that answered too late (docs/events.md)", () => {
  it("emits the pending mark under the move's operation, then a reconcile by the requester when the order completed", async () => {
    const { world, seen } = await lateWorld();

    await world.engine.activate({ number: N, account: "acme_sales", requester: "acme_sales" });
    await settleAfter(60);
    await world.engine.sweep();
    await world.engine.events.settled();

    expect(seen.map(facts)).toEqual([
      ["activate", "discovery", "discovery", "acme_sales", null],
      ["reconcile", "discovery", "in_service", "acme_sales", "acme_sales"],
    ]);
    expect(seen[0]?.patches).toContainEqual(
      expect.objectContaining({ op: "add", path: ["pending_order"] }),
    );
    expect(seen[1]?.patches).toContainEqual({ op: "remove", path: ["pending_order"] });
  });

  it("emits a reconcile by system that only removes the mark when the order did not happen", async () => {
    const { world, seen } = await lateWorld([{ port: "carrier", op: "acquire", number: N }]);

    await world.engine.reserve({ number: N, account: "acme_sales", requester: "acme_sales" });
    await settleAfter(60);
    await world.engine.reconcile(N);
    await world.engine.events.settled();

    expect(seen.map(facts)).toEqual([
      ["reserve", "discovery", "discovery", "acme_sales", null],
      ["reconcile", "discovery", "discovery", "system", null],
    ]);
    expect(seen[1]?.patches).toEqual([{ op: "remove", path: ["pending_order"] }]);
  });
});
