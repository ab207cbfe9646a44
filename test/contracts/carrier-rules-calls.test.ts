import { describe, expect, it } from "vitest";
import { ManagedCarrier } from "../../src/adapters/carriers/managed.js";
import { MemoryManagedPool } from "../../src/adapters/carriers/managed-pool.js";
import { MdnCarrier } from "../../src/adapters/carriers/mdn.js";
import { OtherCarrier } from "../../src/adapters/carriers/other.js";
import { LocalCarrier } from "../../src/adapters/carriers/local.js";
import { ReservedCarrier } from "../../src/adapters/carriers/reserved.js";
import { errorObject } from "../../src/domain/errors.js";
import { aNumber, buildWorld, memoryWorld, N } from "../features/feature-world.js";
import { FakePhonebookClient } from "./fake-phonebook-client.js";

const activate = (account = "acme_sales", number = N) => ({ number, account, requester: account });
const discovery = (carrier: string) =>
  aNumber({ state: "discovery", assignedTo: undefined, carrier });

describe("acquire and disconnect through the engine (carriers.md §2, §3, §6)", () => {
  it("buys an offered number from its carrier on activation: it leaves the inventory (carriers.md §6)", async () => {
    const world = await memoryWorld([], { inventory: [{ number: N }] });
    await world.engine.search({ prefix: "415555", quantity: 1, account: "acme_sales" });

    const result = await world.engine.activate(activate());

    expect(result.ok && result.value).toMatchObject({
      state: "in_service",
      assignedTo: "acme_sales",
    });
    expect(world.upstream.inventory()).toEqual([]);
  });

  it("reserving an offered number also buys it (states.md §5, carriers.md §3)", async () => {
    const world = await memoryWorld([], { inventory: [{ number: N }] });
    await world.engine.search({ prefix: "415555", quantity: 1, account: "acme_sales" });

    const result = await world.engine.reserve(activate());

    expect(result.ok && result.value.state).toBe("reserved");
    expect(world.upstream.inventory()).toEqual([]);
  });

  it("answers missing_provider_url for a number nobody offered (decisions.md D2)", async () => {
    const world = await memoryWorld([]);

    const result = await world.engine.activate(activate());

    expect(result).toEqual({ ok: false, error: { reason: "missing_provider_url" } });
    expect(await world.engine.inspect(N)).toBeUndefined();
  });

  it("fails with carrier_not_specified when the record's carrier module is unknown (carriers.md §2)", async () => {
    const world = await memoryWorld([discovery("ghost")]);

    const result = await world.engine.activate(activate());

    expect(result.ok || errorObject(result.error)).toEqual({
      code: 500,
      error: "unspecified_fault",
      message: "carrier_not_specified",
    });
    expect((await world.engine.inspect(N))?.state).toBe("discovery");
  });

  it("treats the disconnect of an unknown carrier module as done (carriers.md §3)", async () => {
    const world = await memoryWorld([
      aNumber({ carrier: "ghost", reserveHistory: ["acme_sales"] }),
    ]);

    const result = await world.engine.release({ number: N, requester: "acme_sales" });

    expect(result.ok && result.value.state).toBe("available");
  });

  it("gives a released upstream number back to its carrier (decisions.md D10, D14)", async () => {
    const world = await memoryWorld([
      aNumber({ carrier: "simulated", reserveHistory: ["acme_sales"] }),
    ]);

    const result = await world.engine.release({ number: N, requester: "acme_sales" });

    expect(result.ok).toBe(true);
    expect(world.upstream.inventory()).toEqual([N]);
  });

  it("buys nothing in the dry-run pass when another number of the collection fails it (carriers.md §3)", async () => {
    const world = await memoryWorld(
      [aNumber({ number: "+14155550199", state: "in_service", assignedTo: "globex" })],
      {
        inventory: [{ number: N }],
      },
    );
    await world.engine.search({ prefix: "4155550100", quantity: 1, account: "acme_sales" });

    const result = await world.engine.activateMany({
      numbers: [N, "+14155550199"],
      account: "acme_sales",
      requester: "acme_sales",
    });

    expect(result.ok && [...result.value.failed.keys()]).toEqual(["+14155550199"]);
    expect(world.upstream.inventory()).toEqual([N]);
    expect((await world.engine.inspect(N))?.state).toBe("discovery");
  });
});

describe("the managed carrier through the engine (carriers.md §5.4)", () => {
  const setup = (pool: MemoryManagedPool) =>
    buildWorld({
      config: { carrier_modules: ["knm_local", "knm_managed"] },
      carriers: (repository, clock) => [
        new LocalCarrier(repository),
        new ReservedCarrier(repository, "account"),
        new ReservedCarrier(repository, "reseller"),
        new ManagedCarrier(pool, { repository, clock }),
      ],
    });

  it("offers the pool, then activation marks the pool entry with state and owner, and release frees it (carriers.md §5.4)", async () => {
    const pool = new MemoryManagedPool([{ number: N, owner: "acme_sales", state: "available" }]);
    const world = await setup(pool);

    const found = await world.engine.search({
      prefix: "415555",
      quantity: 1,
      account: "acme_sales",
    });
    const activated = await world.engine.activate(activate());
    const afterActivation = await pool.get(N);
    const released = await world.engine.release({ number: N, requester: "acme_sales" });

    expect(found.ok && found.value).toEqual([{ number: N, state: "available" }]);
    expect(activated.ok).toBe(true);
    expect(afterActivation).toEqual({ number: N, state: "in_service", owner: "acme_sales" });
    expect(released.ok).toBe(true);
    expect(await pool.get(N)).toEqual({ number: N, state: "released", owner: undefined });
  });
});

describe("the phonebook carrier through the engine (carriers.md §5.5)", () => {
  const setup = (url: string | undefined, client: FakePhonebookClient) =>
    buildWorld({
      numbers: [discovery("other")],
      carriers: () => [new OtherCarrier({ url, client })],
    });

  it("keeps the order's opaque data and locality on the activated number (carriers.md §5.5)", async () => {
    const client = new FakePhonebookClient(
      {},
      {
        [N]: { kind: "success", opaque: { order: "7" }, locality: { city: "SF" } },
      },
    );
    const world = await setup("http://phonebook.test", client);

    const result = await world.engine.activate(activate());

    expect(result.ok && result.value).toMatchObject({
      state: "in_service",
      carrierData: { order: "7" },
      features: { locality: { city: "SF" } },
    });
  });

  it("refuses activation with missing_provider_url when no phonebook URL is set (carriers.md §5.5)", async () => {
    const world = await setup(undefined, new FakePhonebookClient({}));
    const before = await world.fingerprint();

    const result = await world.engine.activate(activate());

    expect(result).toEqual({ ok: false, error: { reason: "missing_provider_url" } });
    expect(await world.fingerprint()).toBe(before);
  });

  it("reports a refused order as a fault by carrier (carriers.md §5.5, errors.md §1)", async () => {
    const world = await setup(
      "http://phonebook.test",
      new FakePhonebookClient({}, { [N]: { kind: "refused" } }),
    );

    const result = await world.engine.activate(activate());

    expect(result.ok || errorObject(result.error)).toEqual({
      code: 500,
      error: "unspecified_fault",
      message: "fault by carrier",
      cause: N,
    });
  });
});

describe("the MDN carrier through the engine (carriers.md §5)", () => {
  it("deletes a released MDN number instead of keeping it (carriers.md §5, states.md §7)", async () => {
    const world = await buildWorld({
      numbers: [aNumber({ carrier: "mdn", reserveHistory: ["acme_sales"] })],
      carriers: () => [new MdnCarrier()],
    });

    const result = await world.engine.release({ number: N, requester: "acme_sales" });

    expect(result.ok && result.value.state).toBe("deleted");
    expect(await world.engine.inspect(N)).toBeUndefined();
  });
});
