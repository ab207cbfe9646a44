import { describe, expect, it } from "vitest";
import { LocalCarrier } from "../../src/adapters/carriers/local.js";
import { MemoryNumberRepository } from "../../src/adapters/memory/memory-repository.js";
import { aNumber } from "./a-number.js";
import { carrierContract } from "./carrier-contract.js";
import { putRecord } from "../../src/testing/repository-fixtures.js";

const POOL = ["+14155550100", "+14155550101", "+14155550150", "+14155551200", "+14155559999"];

async function seeded(): Promise<MemoryNumberRepository> {
  const repository = new MemoryNumberRepository();
  for (const number of POOL)
    await putRecord(repository, aNumber({ number, state: "available" }), null);
  const noise = [
    aNumber({ number: "+14155550120", state: "available", carrier: "simulated" }),
    aNumber({ number: "+14155550130", state: "reserved", assignedTo: "acme" }),
    aNumber({ number: "+14165550100", state: "available" }),
  ];
  for (const record of noise) await putRecord(repository, record, null);
  return repository;
}

describe("LocalCarrier", () => {
  carrierContract({
    make: async () => ({
      carrier: new LocalCarrier(await seeded()),
      context: { prefix: "+1415555", country: "US", accountId: "acme" },
      offerable: POOL,
      acquirable: aNumber({ number: POOL[0] as string, state: "available" }),
    }),
    skip: {
      acquireFailure: "local numbers already belong to the system, so acquire cannot fail",
      acquiredLeavesOffer:
        "the pool is the stored records: the engine, not the carrier, moves them",
      check: "knm_local has no availability check",
      orderState: "local numbers are the system's own: no order to settle",
    },
  });

  it("offers nothing without an account (carriers.md §5.1)", async () => {
    const carrier = new LocalCarrier(await seeded());

    const result = await carrier.search({ prefix: "+1415", quantity: 5, offset: 0, country: "US" });

    expect(result).toEqual({ kind: "not_available" });
  });

  it("keeps results inside the prefix instead of the 4-digit database (carriers.md §5.1 recommendation)", async () => {
    const carrier = new LocalCarrier(await seeded());

    const result = await carrier.search({
      prefix: "+1415555010",
      quantity: 10,
      offset: 0,
      country: "US",
      accountId: "acme",
    });

    expect(result).toEqual({
      kind: "ok",
      offers: [
        { number: "+14155550100", state: "available" },
        { number: "+14155550101", state: "available" },
      ],
    });
  });

  it("reads past a page of other carriers' numbers to fill the quantity (carriers.md §5.1)", async () => {
    const repository = new MemoryNumberRepository();
    for (let i = 0; i < 150; i++) {
      const number = `+1415555${String(i).padStart(4, "0")}`;
      await putRecord(
        repository,
        aNumber({ number, state: "available", carrier: "simulated" }),
        null,
      );
    }
    await putRecord(repository, aNumber({ number: "+14155559000", state: "available" }), null);
    const carrier = new LocalCarrier(repository);

    const result = await carrier.search({
      prefix: "+1415555",
      quantity: 1,
      offset: 0,
      country: "US",
      accountId: "acme",
    });

    expect(result).toEqual({
      kind: "ok",
      offers: [{ number: "+14155559000", state: "available" }],
    });
  });
});
