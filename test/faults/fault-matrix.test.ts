import { describe, expect, it } from "vitest";
import type { MemoryWorld } from "../../src/compose/memory-world.js";
import type { Fault } from "../../src/adapters/fault-plan.js";
import type { E911Rule } from "../../src/adapters/providers/simulated-e911.js";
import type { ErrorObject, Result } from "../../src/domain/errors.js";
import { checkPortFaultChangesNothing } from "../checks/carrier-faults.js";
import { aNumber, memoryWorld, N, type Seed } from "../features/feature-world.js";

const ADDRESS = {
  street_address: "1 ELM ST",
  locality: "SPRINGFIELD",
  region: "IL",
  postal_code: "62701",
};
const RULES: E911Rule[] = [{ match: { street_address: "1 ELM ST" }, result: "valid" }];
const BY_CARRIER: ErrorObject = {
  code: 500,
  error: "unspecified_fault",
  message: "fault by carrier",
  cause: N,
};

/** One row of the matrix: an operation that calls a port, the fault, and the documented error. */
interface FaultCase {
  readonly name: string;
  readonly numbers: readonly Seed[];
  readonly fault: Fault;
  readonly act: (world: MemoryWorld) => Promise<Result<unknown>>;
  readonly error: ErrorObject;
}

const discovery = aNumber({ state: "discovery", assignedTo: undefined, carrier: "simulated" });
const upstreamInService = aNumber({ carrier: "simulated", reserveHistory: ["acme_sales"] });
const move = { number: N, account: "acme_sales", requester: "acme_sales" };

const CASES: readonly FaultCase[] = [
  {
    name: "reserve of a discovery number when the carrier's acquire fails (carriers.md §3)",
    numbers: [discovery],
    fault: { port: "carrier", op: "acquire" },
    act: (world) => world.engine.reserve(move),
    error: BY_CARRIER,
  },
  {
    name: "activate of a discovery number when the carrier's acquire fails (carriers.md §3)",
    numbers: [discovery],
    fault: { port: "carrier", op: "acquire" },
    act: (world) => world.engine.activate(move),
    error: BY_CARRIER,
  },
  {
    name: "release that leaves no owner when the carrier's disconnect fails (decisions.md D10)",
    numbers: [upstreamInService],
    fault: { port: "carrier", op: "disconnect" },
    act: (world) => world.engine.release({ number: N, requester: "acme_sales" }),
    error: BY_CARRIER,
  },
  {
    name: "POST of an E911 address when the E911 back end fails (features.md §3.2)",
    numbers: [aNumber()],
    fault: { port: "e911", op: "provision", message: "e911 back end down" },
    act: (world) =>
      world.engine.update({ number: N, requester: "acme_sales", patch: { dash_e911: ADDRESS } }),
    error: { code: 500, error: "unspecified_fault", message: "e911 back end down" },
  },
  {
    name: "locality lookup when the phonebook fails (collections.md §10)",
    numbers: [aNumber()],
    fault: { port: "phonebook", op: "locality", message: "phonebook down" },
    act: (world) => world.engine.locality([N]),
    error: {
      code: 500,
      error: "unspecified_fault",
      message: "number locality lookup failed",
      cause: "phonebook down",
    },
  },
  {
    name: "city prefix lookup when the phonebook fails (collections.md §11)",
    numbers: [aNumber()],
    fault: { port: "phonebook", op: "prefix" },
    act: (world) => world.engine.cityPrefixes("Springfield"),
    error: { code: 500, error: "unspecified_fault", message: "init failed" },
  },
];

describe("fault matrix: a failing port call changes nothing and reports the documented error", () => {
  for (const row of CASES) {
    it(row.name, async () => {
      const world = await memoryWorld(row.numbers, {
        inventory: [{ number: N }],
        e911: RULES,
        phonebook: {
          localities: { [N]: { city: "SPRINGFIELD" } },
          cities: { Springfield: ["+1217"] },
        },
        faults: [row.fault],
      });
      const numbers = row.numbers.map((seed) => seed.number);

      await checkPortFaultChangesNothing(world, numbers, row.act, row.error);
    });
  }

  it("a failing disconnect is ignored when should_permanently_delete is set (decisions.md D10)", async () => {
    const world = await memoryWorld([upstreamInService], {
      faults: [{ port: "carrier", op: "disconnect" }],
      config: { should_permanently_delete: true },
    });

    const result = await world.engine.release({ number: N, requester: "acme_sales" });

    expect(result.ok && result.value.state).toBe("deleted");
    expect((await world.engine.inspect(N))?.state).toBe("deleted");
  });

  it("a search whose upstream carrier fails skips it and records no discovery (carriers.md §1)", async () => {
    const world = await memoryWorld(
      [aNumber({ number: "+14155550001", state: "available", assignedTo: undefined })],
      { inventory: [{ number: N }], faults: [{ port: "carrier", op: "search" }] },
    );

    const result = await world.engine.search({ prefix: "415555", quantity: 5, account: "acme" });

    expect(result).toEqual({ ok: true, value: [{ number: "+14155550001", state: "available" }] });
    expect(await world.engine.inspect(N)).toBeUndefined();
  });

  it("a check whose carrier fails answers an empty map (decisions.md D14, carriers.md §7)", async () => {
    const world = await memoryWorld([], {
      inventory: [{ number: N }],
      faults: [{ port: "carrier", op: "check" }],
    });

    expect(await world.engine.check([N])).toEqual({});
  });

  it("a failing upstream E911 removal does not stop the address from being removed (features.md §3.2)", async () => {
    const world = await memoryWorld([aNumber()], { e911: RULES });
    await world.engine.update({
      number: N,
      requester: "acme_sales",
      patch: { dash_e911: ADDRESS },
    });
    world.faults.add({ port: "e911", op: "remove" });

    const result = await world.engine.update({
      number: N,
      requester: "acme_sales",
      patch: { dash_e911: null },
    });

    expect(result.ok && result.value.features).not.toHaveProperty("e911");
  });
});

describe("side effects of a refused release (decisions.md D10)", () => {
  it("a release refused by its carrier leaves the E911 registration in place (decisions.md D10, features.md §5)", async () => {
    const world = await memoryWorld([upstreamInService], { e911: RULES });
    await world.engine.update({
      number: N,
      requester: "acme_sales",
      patch: { dash_e911: ADDRESS },
    });
    world.faults.add({ port: "carrier", op: "disconnect" });

    const result = await world.engine.release({ number: N, requester: "acme_sales" });

    expect(result.ok).toBe(false);
    expect(world.e911?.registrations().has(N)).toBe(true);
  });
});
