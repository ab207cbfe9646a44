import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkHoldFor, HOLD_MAX_S, HOLD_MIN_S } from "../../../src/domain/holds.js";
import { aWorld } from "../../support/world.js";

const N = "+14155550101";
const M = "+14155550102";

describe("timed holds on reservations (extensions.md X1)", () => {
  it("accepts absent and in-range integers and names the broken rule and its target otherwise", () => {
    expect(checkHoldFor(undefined)).toBeUndefined();
    expect(checkHoldFor(HOLD_MIN_S)).toBeUndefined();
    expect(checkHoldFor(HOLD_MAX_S)).toBeUndefined();
    expect(checkHoldFor("60")).toMatchObject({ rule: "type", target: "integer" });
    expect(checkHoldFor(60.5)).toMatchObject({ rule: "type", target: "integer" });
    expect(checkHoldFor(HOLD_MIN_S - 1)).toMatchObject({ rule: "minimum", target: HOLD_MIN_S });
    expect(checkHoldFor(HOLD_MAX_S + 1)).toMatchObject({ rule: "maximum", target: HOLD_MAX_S });
  });

  it("refuses a bad holdFor through the engine too, writing nothing", async () => {
    const world = await aWorld({ numbers: [{ number: N, state: "available" }] });
    const before = await world.repository.get(N);

    const result = await world.engine.reserve({
      number: N,
      account: "acme_sales",
      requester: "acme_sales",
      holdFor: 5,
    });

    expect(result).toMatchObject({
      ok: false,
      error: { reason: "invalid_request", field: "hold_for" },
    });
    expect(await world.repository.get(N)).toEqual(before);
  });

  it("reports expired holds in the sweep and commits each expiry as a hold_expiry event by system", async () => {
    const world = await aWorld({
      numbers: [
        { number: N, state: "available" },
        { number: M, state: "available" },
      ],
    });
    await world.engine.reserve({
      number: N,
      account: "acme_sales",
      requester: "acme",
      holdFor: 60,
    });
    await world.engine.reserve({
      number: M,
      account: "acme_sales",
      requester: "acme",
      holdFor: 600,
    });
    world.clock.advance(60);

    const report = await world.engine.sweep();

    expect(report.expiredHolds).toEqual([N]);
    const { events } = await world.repository.eventsSince(undefined, 10);
    expect(events.at(-1)?.event).toMatchObject({
      number: N,
      operation: "hold_expiry",
      account_id: "system",
      from: "reserved",
      to: "available",
      owner_before: "acme_sales",
      owner_after: null,
    });
    expect((await world.engine.inspect(M))?.holdExpires).toBe(world.clock.now() + 540);
  });

  it("dry runs see an expired hold as expired but write nothing", async () => {
    const world = await aWorld({ numbers: [{ number: N, state: "available" }] });
    await world.engine.reserve({
      number: N,
      account: "acme_sales",
      requester: "acme",
      holdFor: 60,
    });
    world.clock.advance(61);
    const before = await world.repository.get(N);

    const dry = await world.engine.activate({
      number: N,
      account: "globex_ops",
      requester: "globex",
      dryRun: true,
    });

    expect(dry).toMatchObject({
      ok: true,
      value: { state: "in_service", assignedTo: "globex_ops" },
    });
    expect(await world.repository.get(N)).toEqual(before);
    expect((await world.repository.eventsSince(undefined, 10)).events).toHaveLength(1);
  });

  it("property: after a sweep at time t no reservation holds past t, and unexpired holds are untouched", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({ hold: fc.integer({ min: HOLD_MIN_S, max: 5_000 }), wait: fc.nat(3_000) }),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        async (steps) => {
          const numbers = steps.map((_, i) => `+1415555${String(1000 + i)}`);
          const world = await aWorld({
            numbers: numbers.map((number) => ({ number, state: "available" as const })),
          });
          for (const [i, step] of steps.entries()) {
            await world.engine.reserve({
              number: numbers[i] as string,
              account: "acme_sales",
              requester: "acme",
              holdFor: step.hold,
            });
            world.clock.advance(step.wait);
          }
          const now = world.clock.now();
          const report = await world.engine.sweep();
          for (const number of numbers) {
            const record = await world.engine.inspect(number);
            const held = record?.state === "reserved" ? record.holdExpires : undefined;
            if (report.expiredHolds.includes(number)) expect(record?.state).toBe("available");
            else expect(held).toBeGreaterThan(now);
          }
        },
      ),
      { seed: 7, numRuns: 60 },
    );
  });
});
