import { describe, expect, it } from "vitest";
import { LocalCarrier } from "../../src/adapters/carriers/local.js";
import { errorObject, type Result } from "../../src/domain/errors.js";
import { aNumber, buildWorld, N, type Seed, type World } from "../features/feature-world.js";
import { HangingCarrier, HangingE911, HangingPhonebook } from "./hanging-ports.js";

const ADDRESS = {
  street_address: "1 ELM ST",
  locality: "SPRINGFIELD",
  region: "IL",
  postal_code: "62701",
};
const discovery = aNumber({ state: "discovery", assignedTo: undefined, carrier: "simulated" });
const upstream = aNumber({ carrier: "simulated", reserveHistory: ["acme_sales"] });
const move = { number: N, account: "acme_sales", requester: "acme_sales" };

/** A world whose carrier, phonebook and E911 back end never answer, with a short deadline. */
const hangingWorld = (numbers: readonly Seed[]): Promise<World> =>
  buildWorld({
    numbers,
    carriers: (repository) => [new LocalCarrier(repository), new HangingCarrier()],
    phonebook: new HangingPhonebook(),
    e911: new HangingE911(),
    config: { port_call_timeout_ms: 15, carrier_modules: ["knm_local", "knm_simulated"] },
  });

const CASES: readonly {
  name: string;
  numbers: readonly Seed[];
  act: (world: World) => Promise<Result<unknown>>;
  error: { code: number; error: string };
  /** The carrier order the timeout leaves pending on the number, if any. */
  pending?: "acquire" | "disconnect";
}[] = [
  {
    name: "reserve whose acquire never answers fails by carrier (carriers.md §3, config port_call_timeout_ms)",
    numbers: [discovery],
    act: (world) => world.engine.reserve(move),
    error: { code: 500, error: "unspecified_fault" },
    pending: "acquire",
  },
  {
    name: "activate whose acquire never answers fails by carrier (carriers.md §3)",
    numbers: [discovery],
    act: (world) => world.engine.activate(move),
    error: { code: 500, error: "unspecified_fault" },
    pending: "acquire",
  },
  {
    name: "release whose disconnect never answers fails by carrier (decisions.md D10)",
    numbers: [upstream],
    act: (world) => world.engine.release({ number: N, requester: "acme_sales" }),
    error: { code: 500, error: "unspecified_fault" },
    pending: "disconnect",
  },
  {
    name: "E911 POST whose back end never answers fails (features.md §3.2)",
    numbers: [aNumber()],
    act: (world) =>
      world.engine.update({ number: N, requester: "acme_sales", patch: { dash_e911: ADDRESS } }),
    error: { code: 500, error: "unspecified_fault" },
  },
  {
    name: "locality whose phonebook never answers fails (collections.md §10)",
    numbers: [aNumber()],
    act: (world) => world.engine.locality([N]),
    error: { code: 500, error: "unspecified_fault" },
  },
];

describe("port calls that never answer time out, changing nothing but the mark of a pending carrier order", () => {
  for (const row of CASES) {
    it(row.name, async () => {
      const world = await hangingWorld(row.numbers);
      const before = await world.repository.get(N);

      const result = await row.act(world);

      expect(result.ok || errorObject(result.error)).toMatchObject(row.error);
      const after = await world.repository.get(N);
      const { pendingOrder, ...rest } = after?.record ?? { pendingOrder: undefined };
      expect(pendingOrder?.op).toBe(row.pending);
      expect(row.pending === undefined ? after : rest).toEqual(
        row.pending === undefined ? before : before?.record,
      );
    });
  }

  it("a carrier timeout reports the documented by_carrier object (errors.md §1: message fault by carrier, cause N)", async () => {
    const world = await hangingWorld([discovery]);

    const result = await world.engine.activate(move);

    expect(result.ok || errorObject(result.error)).toEqual({
      code: 500,
      error: "unspecified_fault",
      message: "fault by carrier",
      cause: N,
    });
  });

  it("a search whose upstream carrier never answers still returns the local offers (carriers.md §1)", async () => {
    const world = await hangingWorld([
      aNumber({ number: "+14155550001", state: "available", assignedTo: undefined }),
    ]);

    const result = await world.engine.search({ prefix: "415555", quantity: 5, account: "acme" });

    expect(result).toEqual({ ok: true, value: [{ number: "+14155550001", state: "available" }] });
  });

  it("a check whose carrier never answers answers an empty map (carriers.md §7)", async () => {
    const world = await hangingWorld([]);

    expect(await world.engine.check([N])).toEqual({});
  });
});
