import { describe, expect, it } from "vitest";
import { LocalCarrier } from "../../src/adapters/carriers/local.js";
import { ReservedCarrier } from "../../src/adapters/carriers/reserved.js";
import { NumberLifecycleError } from "../../src/domain/errors.js";
import type { NumberRecord } from "../../src/domain/record.js";
import type { Carrier, CarrierSearch, CarrierSearchResult } from "../../src/ports/carrier.js";
import { buildWorld } from "../features/feature-world.js";
import { aNumber } from "./a-number.js";
import { carrierContract } from "./carrier-contract.js";

/** The worked example of docs/carriers.md, kept here so the document stays true. */
class VanityCarrier implements Carrier {
  readonly name = "vanity";
  readonly isLocal = false;
  readonly #unsold: Set<string>;

  constructor(numbers: readonly string[]) {
    this.#unsold = new Set(numbers);
  }

  search(query: CarrierSearch): Promise<CarrierSearchResult> {
    const offers = [...this.#unsold]
      .filter((number) => number.startsWith(query.prefix))
      .sort()
      .slice(query.offset, query.offset + query.quantity)
      .map((number) => ({ number, fields: { formatted_number: number } }));
    return Promise.resolve({ kind: "ok", offers });
  }

  acquire(record: NumberRecord): Promise<{ carrierData: { sold: true } }> {
    if (!this.#unsold.delete(record.number)) {
      return Promise.reject(
        new NumberLifecycleError({
          reason: "by_carrier",
          number: record.number,
          message: "fault by carrier",
        }),
      );
    }
    return Promise.resolve({ carrierData: { sold: true } });
  }

  disconnect(record: NumberRecord): Promise<void> {
    this.#unsold.add(record.number);
    return Promise.resolve();
  }
}

const VANITY = ["+18005550100", "+18005550199"];

describe("the docs/carriers.md worked example", () => {
  carrierContract({
    make: () => ({
      carrier: new VanityCarrier(VANITY),
      context: { prefix: "+1800555", country: "US" },
      offerable: VANITY,
      acquirable: aNumber({ number: "+18005550100", state: "discovery", carrier: "vanity" }),
      unacquirable: aNumber({ number: "+18005550000", state: "discovery", carrier: "vanity" }),
    }),
    skip: {
      check: "vanity numbers have no availability check",
      orderState: "vanity numbers are the system's own: no order to settle",
    },
  });

  it("offers, sells and takes back a vanity number once registered (docs/carriers.md)", async () => {
    const vanity = new VanityCarrier(VANITY);
    const world = await buildWorld({
      config: { carrier_modules: ["knm_local", "knm_vanity"] },
      carriers: (repository) => [
        new LocalCarrier(repository),
        new ReservedCarrier(repository, "account"),
        new ReservedCarrier(repository, "reseller"),
        vanity,
      ],
    });

    const found = await world.engine.search({ prefix: "800555", quantity: 5 });
    const bought = await world.engine.activate({
      number: "+18005550100",
      account: "acme_sales",
      requester: "acme_sales",
    });
    const released = await world.engine.release({
      number: "+18005550100",
      requester: "acme_sales",
    });
    const again = await world.engine.search({ prefix: "800555", quantity: 5 });

    expect(found.ok && found.value.map((offer) => [offer["number"], offer["state"]])).toEqual([
      ["+18005550100", "discovery"],
      ["+18005550199", "discovery"],
    ]);
    expect(bought.ok && bought.value.carrierData).toEqual({ sold: true });
    expect(released.ok && released.value.state).toBe("available");
    expect(again.ok && again.value.map((offer) => offer["state"])).toEqual([
      "available",
      "discovery",
    ]);
  });
});
