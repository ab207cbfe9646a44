import { describe, expect, it } from "vitest";
import { runPortRace } from "../support/race/port-race-harness.js";
import { postgresUrl, testDatabase } from "../support/postgres.js";

const db = testDatabase();

describe("port requests racing purchases, two porting and two buying processes on one PostgreSQL database", () => {
  it("no number ends in two open requests, nor in service for one account and in a porting or completed request of another", async () => {
    const url = postgresUrl();
    const store = `${url}${url.includes("?") ? "&" : "?"}schema=${db.freshSchema()}`;
    const report = await runPortRace(store, { porters: 2, buyers: 2, count: 20 });
    expect(report.problems).toEqual([]);
    expect(report.tally["submitted 200"]).toBeGreaterThan(0);
    expect(report.tally["completed 200"]).toBeGreaterThan(0);
    expect(report.tally["buy 200"]).toBeGreaterThan(0);
  }, 180_000);
});
