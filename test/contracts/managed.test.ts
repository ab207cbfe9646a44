import { describe, expect, it } from "vitest";
import { ManagedCarrier } from "../../src/adapters/carriers/managed.js";
import { MemoryManagedPool, type PoolEntry } from "../../src/adapters/carriers/managed-pool.js";
import { ManualClock } from "../../src/adapters/memory/manual-clock.js";
import { MemoryNumberRepository } from "../../src/adapters/memory/memory-repository.js";
import type { NumberLifecycleError } from "../../src/domain/errors.js";
import { aNumber, NOW } from "./a-number.js";
import { carrierContract } from "./carrier-contract.js";
import { putRecord } from "../../src/testing/repository-fixtures.js";

const MINE = ["+18885550100", "+18885550101", "+18885550150", "+18885559000"];
const entries = (owner: string, numbers: readonly string[], state = "available"): PoolEntry[] =>
  numbers.map((number) => ({ number, owner, state }));
const pool = (): MemoryManagedPool =>
  new MemoryManagedPool([
    ...entries("acme", MINE),
    ...entries("acme", ["+18885550120"], "in_service"),
    ...entries("other", ["+18885550130"]),
    ...entries("root", ["+18775550200", "+18775550100"]),
  ]);
const query = (prefix: string) => ({
  prefix,
  quantity: 5,
  offset: 0,
  country: "US",
  accountId: "acme",
  resellerId: "root",
});

describe("ManagedCarrier", () => {
  carrierContract({
    make: () => ({
      carrier: new ManagedCarrier(pool()),
      context: { prefix: "+1888555", country: "US", accountId: "acme", resellerId: "root" },
      offerable: MINE,
      acquirable: aNumber({ number: MINE[0] as string, state: "in_service", assignedTo: "acme" }),
      unacquirable: aNumber({ number: "+18885551111", state: "in_service", assignedTo: "acme" }),
    }),
    skip: {
      check: "knm_managed has no availability check",
      orderState: "managed pool entries change in our own store: no order to settle",
    },
  });

  it("falls back to the reseller's pool when the account's has nothing (carriers.md §5.4)", async () => {
    const carrier = new ManagedCarrier(pool());

    const result = await carrier.search(query("+1877"));

    expect(result).toEqual({
      kind: "ok",
      offers: [
        { number: "+18775550100", state: "available" },
        { number: "+18775550200", state: "available" },
      ],
    });
  });

  it("adds the missing + to the prefix (carriers.md §5.4)", async () => {
    const carrier = new ManagedCarrier(pool());

    const result = await carrier.search(query("1888555015"));

    expect(result).toEqual({
      kind: "ok",
      offers: [{ number: "+18885550150", state: "available" }],
    });
  });

  it("writes the record's state and owner into the pool entry on acquire (carriers.md §5.4)", async () => {
    const store = pool();
    const carrier = new ManagedCarrier(store);

    await carrier.acquire(
      aNumber({ number: MINE[1] as string, state: "reserved", assignedTo: "acme_sales" }),
    );

    expect(await store.get(MINE[1] as string)).toEqual({
      number: MINE[1],
      state: "reserved",
      owner: "acme_sales",
    });
  });

  it("marks the pool entry released and unowned on disconnect (carriers.md §5.4)", async () => {
    const store = pool();
    const carrier = new ManagedCarrier(store);

    await carrier.disconnect(
      aNumber({ number: MINE[2] as string, state: "in_service", assignedTo: "acme" }),
    );

    expect(await store.get(MINE[2] as string)).toEqual({
      number: MINE[2],
      state: "released",
      owner: undefined,
    });
  });

  it("reports a pool write failure as database_error (carriers.md §5.4)", async () => {
    const store = pool();
    store.put = () => Promise.reject(new Error("conflict"));
    const carrier = new ManagedCarrier(store);

    const failure = await carrier
      .acquire(aNumber({ number: MINE[0] as string, state: "in_service", assignedTo: "acme" }))
      .catch((thrown: unknown) => thrown);

    expect((failure as NumberLifecycleError).detail).toEqual({
      reason: "database_error",
      cause: "conflict",
    });
  });

  it("records each offer as an unowned available number unless it already has a record (carriers.md §5.4)", async () => {
    const repository = new MemoryNumberRepository();
    await putRecord(
      repository,
      aNumber({ number: MINE[1] as string, state: "reserved", assignedTo: "x" }),
      null,
    );
    const carrier = new ManagedCarrier(pool(), { repository, clock: new ManualClock(NOW) });

    const result = await carrier.search({ ...query("+188855501"), quantity: 2 });

    expect(result).toEqual({
      kind: "ok",
      offers: [
        { number: MINE[0], state: "available" },
        { number: MINE[1], state: "reserved" },
      ],
    });
    const created = (await repository.get(MINE[0] as string))?.record;
    expect(created).toMatchObject({ state: "available", carrier: "managed" });
    expect(created?.assignedTo).toBeUndefined();
  });
});
