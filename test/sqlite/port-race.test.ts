import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runPortRace } from "../support/race/port-race-harness.js";
import { tempFolder } from "../support/sqlite.js";

describe("port requests racing purchases, two porting and two buying processes on one SQLite file", () => {
  const folder = tempFolder("port-race-");

  it("no number ends in two open requests, nor in service for one account and in a porting or completed request of another", async () => {
    const report = await runPortRace(`sqlite:${join(folder, "race.db")}`, {
      porters: 2,
      buyers: 2,
      count: 20,
    });
    expect(report.problems).toEqual([]);
    // Both sides got through (each worker starts with numbers only its side wants, so this
    // holds on every run); the conflicts between them vary from run to run.
    expect(report.tally["submitted 200"]).toBeGreaterThan(0);
    expect(report.tally["completed 200"]).toBeGreaterThan(0);
    expect(report.tally["buy 200"]).toBeGreaterThan(0);
  }, 180_000);
});
