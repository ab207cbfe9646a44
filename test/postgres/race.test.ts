import { describe, expect, it } from "vitest";
import { runRace } from "../support/race/race-harness.js";
import { postgresUrl, testDatabase } from "../support/postgres.js";

const db = testDatabase();

describe("two processes racing through one PostgreSQL database", () => {
  it("answers every operation with a documented result and loses no update: the final records equal a serial replay in revision order", async () => {
    const url = postgresUrl();
    const store = `${url}${url.includes("?") ? "&" : "?"}schema=${db.freshSchema()}`;
    const report = await runRace(store, { workers: 2, count: 50 });
    expect(report.problems).toEqual([]);
    expect(report.outcomes).toHaveLength(100);
    expect(report.outcomes.filter((o) => o.ok).length).toBe(report.events.length);
    expect(report.events.length).toBeGreaterThan(0);
  }, 120_000);
});
