import { describe, expect, it } from "vitest";
import type { NumberEvent } from "../../../src/domain/events.js";
import { NumberLifecycleError } from "../../../src/domain/errors.js";
import { NumberEngine } from "../../../src/engine/engine.js";
import { SECONDS_PER_DAY } from "../../../src/domain/time.js";
import { aWorld } from "../../support/world.js";

const N = "+14155550100";
const M = "+14155550101";
const P = "+14155550102";

const brief = (e: NumberEvent): string => `${e.operation} ${e.number} ${e.from}->${e.to}`;

/** A world with two available numbers and a subscriber that records what it is handed. */
async function watched(options: Parameters<typeof aWorld>[0] = {}) {
  const world = await aWorld({
    numbers: [
      { number: N, state: "available" },
      { number: M, state: "available" },
    ],
    ...options,
  });
  const seen: NumberEvent[] = [];
  const unsubscribe = world.engine.events.subscribe((event) => {
    seen.push(event);
  });
  return { world, seen, unsubscribe };
}

describe("engine.events.subscribe", () => {
  it("hands over each committed change after the operation has answered, in commit order", async () => {
    const { world, seen } = await watched();

    const reserved = await world.engine.reserve({
      number: N,
      account: "acme_sales",
      requester: "acme",
    });
    expect(reserved.ok).toBe(true);
    expect(seen).toEqual([]);
    await world.engine.activate({ number: N, account: "acme_sales", requester: "acme" });
    await world.engine.reserve({ number: M, account: "globex", requester: "globex" });
    await world.engine.events.settled();

    expect(seen.map(brief)).toEqual([
      `reserve ${N} available->reserved`,
      `activate ${N} reserved->in_service`,
      `reserve ${M} available->reserved`,
    ]);
    const page = await world.engine.events.since(undefined, 10);
    expect(seen).toEqual(page.events.map((e) => e.event));
  });

  it("keeps the order of operations that run at the same time on different numbers", async () => {
    const { world, seen } = await watched();

    await Promise.all([
      world.engine.reserve({ number: N, account: "acme_sales", requester: "acme" }),
      world.engine.reserve({ number: M, account: "globex", requester: "globex" }),
      world.engine.release({ number: N, requester: "acme" }),
    ]);
    await world.engine.events.settled();

    const outbox = (await world.engine.events.since(undefined, 10)).events.map((e) => e.event);
    expect(seen).toEqual(outbox);
    expect(seen.map((e) => e.revision)).toEqual([...seen.map((e) => e.revision)].sort());
  });

  it("reports a throwing or rejecting subscriber to onSubscriberError and answers as if it were not there", async () => {
    const failures: [unknown, string][] = [];
    const { world, seen } = await watched({
      onSubscriberError: (error, event) => failures.push([error, event.operation]),
    });
    world.engine.events.subscribe((event) => {
      if (event.operation === "reserve") throw new Error("thrown");
    });
    world.engine.events.subscribe((event) =>
      event.operation === "activate" ? Promise.reject(new Error("rejected")) : undefined,
    );

    const reserved = await world.engine.reserve({
      number: N,
      account: "acme_sales",
      requester: "acme",
    });
    const activated = await world.engine.activate({
      number: N,
      account: "acme_sales",
      requester: "acme",
    });
    await world.engine.events.settled();

    expect(reserved).toMatchObject({ ok: true, value: { state: "reserved" } });
    expect(activated).toMatchObject({ ok: true, value: { state: "in_service" } });
    expect(failures.map(([error, operation]) => [(error as Error).message, operation])).toEqual([
      ["thrown", "reserve"],
      ["rejected", "activate"],
    ]);
    expect(seen.map((e) => e.operation)).toEqual(["reserve", "activate"]);
  });

  it("survives an error reporter that throws too", async () => {
    const { world, seen } = await watched({
      onSubscriberError: () => {
        throw new Error("reporter broke");
      },
    });
    world.engine.events.subscribe(() => {
      throw new Error("subscriber broke");
    });

    await world.engine.reserve({ number: N, account: "acme_sales", requester: "acme" });
    await world.engine.reserve({ number: M, account: "acme_sales", requester: "acme" });
    await world.engine.events.settled();

    expect(seen.map((e) => e.number)).toEqual([N, M]);
  });

  it("lets a subscriber that never settles hold up only its own queue", async () => {
    const { world, seen } = await watched();
    const stuck: NumberEvent[] = [];
    let started = (): void => undefined;
    const handedFirst = new Promise<void>((resolve) => (started = resolve));
    const unsubscribe = world.engine.events.subscribe((event) => {
      stuck.push(event);
      started();
      return new Promise<void>(() => undefined);
    });

    await world.engine.reserve({ number: N, account: "acme_sales", requester: "acme" });
    await handedFirst;
    const second = await world.engine.reserve({
      number: M,
      account: "acme_sales",
      requester: "acme",
    });
    unsubscribe();
    await world.engine.events.settled();

    expect(second.ok).toBe(true);
    expect(seen.map((e) => e.number)).toEqual([N, M]);
    expect(stuck.map((e) => e.number)).toEqual([N]);
  });

  it("awaits a subscriber's promise before handing it the next event", async () => {
    const { world } = await watched();
    const log: string[] = [];
    world.engine.events.subscribe(async (event) => {
      log.push(`start ${event.number}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      log.push(`end ${event.number}`);
    });

    await world.engine.reserve({ number: N, account: "acme_sales", requester: "acme" });
    await world.engine.reserve({ number: M, account: "acme_sales", requester: "acme" });
    await world.engine.events.settled();

    expect(log).toEqual([`start ${N}`, `end ${N}`, `start ${M}`, `end ${M}`]);
  });

  it("calls nobody after unsubscribe, not even for events already queued", async () => {
    const { world, seen, unsubscribe } = await watched();

    await world.engine.reserve({ number: N, account: "acme_sales", requester: "acme" });
    unsubscribe();
    await world.engine.reserve({ number: M, account: "acme_sales", requester: "acme" });
    await world.engine.events.settled();

    expect(seen).toEqual([]);
    expect((await world.engine.events.since(undefined, 10)).events).toHaveLength(2);
  });

  it("hands over nothing for refusals, dry runs and offers stored by a search", async () => {
    const { world, seen } = await watched({ inventory: [{ number: P }] });

    await world.engine.reserve({ number: N, account: "globex", requester: "acme" });
    await world.engine.reserve({
      number: N,
      account: "acme_sales",
      requester: "acme",
      dryRun: true,
    });
    const found = await world.engine.search({ prefix: "415555", quantity: 5 });
    expect(found).toMatchObject({ ok: true, value: [{ number: P }] });
    await world.engine.events.settled();

    expect(seen).toEqual([]);
    expect((await world.engine.events.since(undefined, 10)).events).toEqual([]);
  });

  it("hands over one event per changed number of a collection, in the order committed", async () => {
    const { world, seen } = await watched();

    const outcome = await world.engine.releaseMany({
      numbers: [N, M],
      requester: "root",
      hard: true,
    });
    await world.engine.events.settled();

    expect(outcome.ok).toBe(true);
    expect(seen.map((e) => [e.operation, e.number, e.to])).toEqual([
      ["delete", N, null],
      ["delete", M, null],
    ]);
  });
});

describe("engine.events.since", () => {
  it("reads on from a cursor with no gap and no repeat, also from a second engine over the same store", async () => {
    const { world } = await watched();
    for (const number of [N, M]) {
      await world.engine.reserve({ number, account: "acme_sales", requester: "acme" });
      await world.engine.release({ number, requester: "acme" });
    }

    const restarted = new NumberEngine({
      repository: world.repository,
      accounts: world.accounts,
      clock: world.clock,
      carriers: [],
    });

    const first = await world.engine.events.since(undefined, 3);
    const rest = await restarted.events.since(first.cursor, 3);
    const after = await restarted.events.since(rest.cursor, 3);
    const all = await world.engine.events.since(undefined, 100);

    expect(first.events).toHaveLength(3);
    expect(rest.events).toHaveLength(1);
    expect([...first.events, ...rest.events]).toEqual(all.events);
    expect(after).toEqual({ events: [], cursor: rest.cursor, missed: 0 });
  });

  it("refuses a limit that is not an integer from 1 to 10000 with invalid_request", async () => {
    const { world } = await watched();
    for (const limit of [0, -1, 1.5, 10_001, Number.NaN]) {
      const refused = world.engine.events.since(undefined, limit);
      await expect(refused).rejects.toBeInstanceOf(NumberLifecycleError);
      await expect(refused).rejects.toMatchObject({
        detail: { reason: "invalid_request", field: "limit" },
      });
    }
  });
});

describe("event_retention_d", () => {
  it("lets the sweep drop events older than the retention and report how many", async () => {
    const { world } = await watched({ config: { event_retention_d: 2 } });
    await world.engine.reserve({ number: N, account: "acme_sales", requester: "acme" });
    world.clock.advance(SECONDS_PER_DAY);
    await world.engine.reserve({ number: M, account: "acme_sales", requester: "acme" });

    world.clock.advance(SECONDS_PER_DAY);
    expect((await world.engine.sweep()).prunedEvents).toBe(0);
    world.clock.advance(1);
    expect((await world.engine.sweep()).prunedEvents).toBe(1);

    const kept = await world.engine.events.since(undefined, 10);
    expect(
      kept.events.map(({ event }) => (event.type === "number" ? event.number : event.type)),
    ).toEqual([M]);
  });

  it("tells a consumer whose cursor is older than the oldest kept event how many it missed", async () => {
    const { world } = await watched({
      config: { event_retention_d: 1 },
      numbers: [N, M, P].map((number) => ({ number, state: "available" as const })),
    });
    await world.engine.reserve({ number: N, account: "acme_sales", requester: "acme" });
    const consumer = await world.engine.events.since(undefined, 10);
    await world.engine.reserve({ number: M, account: "acme_sales", requester: "acme" });
    world.clock.advance(SECONDS_PER_DAY + 1);
    await world.engine.reserve({ number: P, account: "acme_sales", requester: "acme" });
    expect((await world.engine.sweep()).prunedEvents).toBe(2);

    const late = await world.engine.events.since(consumer.cursor, 10);

    expect(late.events.map(({ event }) => event.type === "number" && event.number)).toEqual([P]);
    expect(late.missed).toBe(1);
    expect((await world.engine.events.since(late.cursor, 10)).missed).toBe(0);
  });

  it("is refused when it is not a number of days of at least zero", async () => {
    await expect(aWorld({ config: { event_retention_d: -1 } })).rejects.toThrow(
      /event_retention_d/,
    );
  });
});
