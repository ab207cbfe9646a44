import { applyPatches, enablePatches, type Patch } from "immer";
import { describe, expect, it } from "vitest";
import type { JsonObject } from "../../../src/domain/json.js";
import { toDocument } from "../../../src/domain/record.js";
import { aWorld } from "../../support/world.js";

enablePatches();
const N = "+14155550100";

describe("committed changes carry their events into the outbox (conformance/FORMAT.md inspect_events)", () => {
  it("stamps a reserve's event with the operation, states, owners, actor, revision and clock", async () => {
    const world = await aWorld({ numbers: [{ number: N, state: "available" }] });
    const before = await world.repository.get(N);

    await world.engine.reserve({ number: N, account: "acme_sales", requester: "acme" });

    const after = await world.repository.get(N);
    const { events } = await world.repository.eventsSince(undefined, 10);
    expect(events.map((e) => ({ ...e.event, patches: undefined }))).toEqual([
      {
        type: "number",
        number: N,
        operation: "reserve",
        from: "available",
        to: "reserved",
        account_id: "acme",
        owner_before: null,
        owner_after: "acme_sales",
        revision: after?.revision,
        timestamp: world.clock.now(),
        patches: undefined,
      },
    ]);
    const patched = applyPatches<JsonObject>(
      toDocument(before?.record as never),
      (events[0]?.event as unknown as { patches: Patch[] }).patches,
    );
    expect(patched).toEqual(toDocument(after?.record as never));
  });

  it("names a hard delete `delete` with no state after, and a refused or dry request emits nothing", async () => {
    const world = await aWorld({
      numbers: [{ number: N, state: "in_service", assignedTo: "acme_sales" }],
    });

    await world.engine.reserve({ number: N, account: "globex_ops", requester: "globex" });
    await world.engine.activateMany({
      numbers: [N, "+1"],
      account: "acme_sales",
      requester: "acme",
    });
    await world.engine.release({ number: N, requester: "root", hard: true });

    const { events } = await world.repository.eventsSince(undefined, 10);
    expect(
      events.map(({ event: e }) => [
        e.type === "number" ? e.operation : e.type,
        e.from,
        e.to,
        e.account_id,
      ]),
    ).toEqual([["delete", "in_service", null, "root"]]);
  });
});
