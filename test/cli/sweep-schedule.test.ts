import { afterEach, describe, expect, it, vi } from "vitest";
import { createMemoryWorld } from "../../src/compose/memory-world.js";
import { DEFAULT_CONFIG } from "../../src/domain/config.js";
import { SECONDS_PER_DAY } from "../../src/domain/time.js";
import { scheduleSweeps, sweepSummary } from "../../src/cli/sweep-schedule.js";

const OFFER = "+14155550100";
const INTERVAL_S = 3600;

/** Lets the sweep started by a timer run to its end. */
const settle = async (): Promise<void> => {
  for (let i = 0; i < 50; i += 1) await Promise.resolve();
  await vi.advanceTimersByTimeAsync(0);
};

describe("the scheduled sweep", () => {
  afterEach(() => vi.useRealTimers());

  it("purges a discovery record once it has expired, on the run after the clock passed its expiry", async () => {
    vi.useFakeTimers();
    const world = await createMemoryWorld({
      accounts: [{ id: "root", master: true }],
      numbers: [{ number: OFFER, state: "discovery" }],
    });
    const lines: string[] = [];
    const schedule = scheduleSweeps(world.engine, INTERVAL_S, (line) => lines.push(line));
    await settle();
    world.clock.advance(DEFAULT_CONFIG.discovery_expiry_d * SECONDS_PER_DAY + 1);
    const keptBeforeTheNextRun = await world.repository.get(OFFER);
    await vi.advanceTimersByTimeAsync(INTERVAL_S * 1000);
    await settle();
    await schedule.stop();

    expect(keptBeforeTheNextRun?.record.state).toBe("discovery");
    expect(await world.repository.get(OFFER)).toBeUndefined();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^sweep in \d+ ms: purged 0, aged out 0, /);
    expect(lines[1]).toMatch(
      new RegExp(`^sweep in \\d+ ms: purged 1 \\(\\${OFFER}\\), aged out 0, `),
    );
  });

  it("runs nothing with an interval of 0", async () => {
    vi.useFakeTimers();
    const sweep = vi.fn();
    const schedule = scheduleSweeps({ sweep }, 0, () => undefined);
    await vi.advanceTimersByTimeAsync(10 * SECONDS_PER_DAY * 1000);
    await schedule.stop();

    expect(sweep).not.toHaveBeenCalled();
  });

  it("logs a failed run and keeps the schedule going", async () => {
    vi.useFakeTimers();
    const sweep = vi
      .fn()
      .mockRejectedValueOnce(new Error("database is locked"))
      .mockResolvedValue({ purged: [], failed: [] });
    const lines: string[] = [];
    const schedule = scheduleSweeps({ sweep }, 60, (line) => lines.push(line));
    await settle();
    await vi.advanceTimersByTimeAsync(60_000);
    await settle();
    await schedule.stop();

    expect(lines).toEqual([
      "sweep failed: database is locked",
      expect.stringMatching(/^sweep in \d+ ms: purged 0, failed 0$/),
    ]);
  });

  it("names every field of the report, listing at most five numbers of each", () => {
    const numbers = ["+1", "+2", "+3", "+4", "+5", "+6"];
    const line = sweepSummary({
      purged: numbers,
      agedOut: [],
      expiredHolds: ["+7"],
      purgedKeys: 3,
      settledOrders: [],
      prunedEvents: 2,
      failed: [],
      deletedPortRequests: 1,
      portReminders: 0,
    });

    expect(line).toBe(
      "sweep: purged 6 (+1 +2 +3 +4 +5 …), aged out 0, expired holds 1 (+7), purged keys 3, settled orders 0, pruned events 2, failed 0, deleted port requests 1, port reminders 0",
    );
  });
});
