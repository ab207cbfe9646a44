import { describe, expect, it } from "vitest";
import type { NumberRecord } from "../../../src/domain/record.js";
import type { Carrier } from "../../../src/ports/carrier.js";
import { success } from "../../support/expectations.js";
import { aNumber, NUMBER } from "../../support/records.js";
import { worldWith } from "../../support/world.js";

/** A carrier that answers at once and keeps every record it was shown. */
class ShownCarrier implements Carrier {
  readonly name = "shown";
  readonly isLocal = false;
  readonly shown: NumberRecord[] = [];

  search(): Promise<never> {
    return Promise.reject(new Error("not searched here"));
  }

  acquire(record: NumberRecord): Record<string, never> {
    this.shown.push(record);
    return {};
  }

  disconnect(record: NumberRecord): void {
    this.shown.push(record);
  }
}

describe("what a carrier is shown", () => {
  it("is the record as the move has made it so far, with absent fields absent", async () => {
    const carrier = new ShownCarrier();
    const world = await worldWith([aNumber({ state: "discovery", carrier: "shown" })], {
      carriers: [carrier],
    });

    const active = success(
      await world.engine.activate({
        number: NUMBER,
        account: "acme_sales",
        requester: "acme_sales",
      }),
    );
    success(await world.engine.release({ number: NUMBER, requester: "acme_sales" }));

    expect(carrier.shown).toHaveLength(2);
    const [acquired, disconnected] = carrier.shown as [NumberRecord, NumberRecord];
    for (const record of carrier.shown)
      expect(Object.entries(record).filter(([, value]) => value === undefined)).toEqual([]);
    expect(acquired).toMatchObject({
      number: NUMBER,
      state: "in_service",
      assignedTo: "acme_sales",
    });
    expect(acquired).not.toHaveProperty("prevAssignedTo");
    expect(acquired.reserveHistory).toEqual(active.reserveHistory);
    expect(disconnected).toMatchObject({
      number: NUMBER,
      state: "in_service",
      assignedTo: "acme_sales",
    });
  });
});
