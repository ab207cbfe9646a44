import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runRace } from "../support/race/race-harness.js";
import { tempFolder } from "../support/sqlite.js";

describe("two processes racing on one SQLite file", () => {
  const folder = tempFolder("numbers-race-");

  it("answers every operation with a documented result and loses no update: the final records equal a serial replay in revision order", async () => {
    const report = await runRace(`sqlite:${join(folder, "race.db")}`, { workers: 2, count: 50 });
    expect(report.problems).toEqual([]);
    expect(report.outcomes).toHaveLength(100);
    expect(report.outcomes.filter((o) => o.ok).length).toBe(report.events.length);
    expect(report.events.length).toBeGreaterThan(0);
  }, 120_000);
});
