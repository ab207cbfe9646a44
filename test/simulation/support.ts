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
