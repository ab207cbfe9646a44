import { openSqliteDatabase } from "../../src/adapters/sqlite/sqlite-database.js";
import { SqliteNumberRepository } from "../../src/adapters/sqlite/sqlite-repository.js";
import { simulate, type SimulationOptions } from "../../src/simulation/simulate.js";
import type { SimulationSummary } from "../../src/simulation/simulate.js";

/** Runs a simulation and keeps its trace lines. */
export async function traced(
  options: SimulationOptions,
): Promise<{ summary: SimulationSummary; lines: string[] }> {
  const lines: string[] = [];
  const summary = await simulate({ ...options, trace: (line) => lines.push(line) });
  return { summary, lines };
}

/** A small run: enough traffic for every kind of request, quick enough for a unit test. */
export const SMALL = { seed: "small", accounts: 8, numbers: 600, days: 6 } as const;

/** A run's trace on a new in-memory SQLite store, with every revision set to 0 (each store assigns its own). */
export async function unrevisedSqliteTrace(options: SimulationOptions): Promise<string> {
  const database = openSqliteDatabase(":memory:");
  try {
    const lines: string[] = [];
    await simulate({
      ...options,
      repository: new SqliteNumberRepository(database.db),
      trace: (line) => lines.push(line),
    });
    return unrevised(lines);
  } finally {
    database.close();
  }
}

/** Trace lines joined, with every revision set to 0. */
export const unrevised = (lines: readonly string[]): string =>
  lines.join("").replace(/"revision":\d+/g, '"revision":0');
