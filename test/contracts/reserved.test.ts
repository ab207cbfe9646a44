import { describe, expect, it } from "vitest";
import { ReservedCarrier } from "../../src/adapters/carriers/reserved.js";
import { MemoryNumberRepository } from "../../src/adapters/memory/memory-repository.js";
import { aNumber } from "./a-number.js";
import { carrierContract } from "./carrier-contract.js";
import { putRecord } from "../../src/testing/repository-fixtures.js";

const HELD = ["+13035550100", "+13035550111", "+13035550112", "+13035551000"];

async function seeded(owner: string): Promise<MemoryNumberRepository> {
  const repository = new MemoryNumberRepository();
  for (const number of HELD) {
    await putRecord(repository, aNumber({ number, state: "reserved", assignedTo: owner }), null);
  }
  const noise = [
    aNumber({ number: "+13035550105", state: "in_service", assignedTo: owner }),
    aNumber({ number: "+13035550106", state: "reserved", assignedTo: "someone_else" }),
    aNumber({ number: "+13045550100", state: "reserved", assignedTo: owner }),
  ];
  for (const record of noise) await putRecord(repository, record, null);
  return repository;
}

const skip = {
  acquireFailure: "reserved numbers already belong to the system, so acquire cannot fail",
  acquiredLeavesOffer: "the records are the offer: the engine, not the carrier, moves them",
  check: "knm_reserved has no availability check",
  orderState: "reserved numbers are the system's own: no order to settle",
};

describe("ReservedCarrier (account)", () => {
  carrierContract({
    make: async () => ({
      carrier: new ReservedCarrier(await seeded("acme"), "account"),
      context: { prefix: "+1303555", country: "US", accountId: "acme", resellerId: "root" },
      offerable: HELD,
      acquirable: aNumber({ number: HELD[0] as string, state: "reserved", assignedTo: "acme" }),
    }),
    skip,
  });
});

describe("ReservedCarrier (reseller)", () => {
  carrierContract({
    make: async () => ({
      carrier: new ReservedCarrier(await seeded("root"), "reseller"),
      context: { prefix: "+1303555", country: "US", accountId: "acme", resellerId: "root" },
      offerable: HELD,
      acquirable: aNumber({ number: HELD[0] as string, state: "reserved", assignedTo: "root" }),
    }),
    skip,
  });

  it("offers nothing when the reseller is unknown (carriers.md §5.2)", async () => {
    const carrier = new ReservedCarrier(await seeded("root"), "reseller");

    const result = await carrier.search({
      prefix: "+1303",
      quantity: 3,
      offset: 0,
      country: "US",
      accountId: "acme",
    });

    expect(result).toEqual({ kind: "not_available" });
  });
});
