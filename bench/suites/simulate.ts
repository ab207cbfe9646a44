// SIM1: what the simulator costs on top of the engine (issue 10): requests per second of a
// default-profile simulation, against the same number of bare engine calls (reserve + activate
// of pool numbers, one awaited call each) measured in the same run.
import { createMemoryWorld } from "../../src/compose/memory-world.js";
import { simulate } from "../../src/simulation/simulate.js";
import { throughput, type BenchCase, type BenchContext } from "../harness.js";
import { ACCOUNTS, numbers } from "../fixtures.js";
import { must } from "../flows.js";

/** The simulation's size: numbers and days (accounts fixed at 20). */
const size = (ctx: BenchContext) => ({
  numbers: ctx.size(10_000, 2_000),
  days: ctx.size(30, 10),
});

/** Journeys per day per number in the default profile (`activity`). */
const ACTIVITY = 0.02;

/**
 * A seeded default-profile simulation on memory, world building included; ops are the requests
 * it sent (each a whole engine call, sweeps and searches included).
 */
const simulation = throughput((ctx) => {
  const { numbers: count, days } = size(ctx);
  let steps = 0;
  return {
    ops: () => steps,
    run: async () => {
      const summary = await simulate({ seed: 1, accounts: 20, numbers: count, days });
      steps = summary.steps;
    },
  };
});

/**
 * reserve + activate of one fresh `available` number per journey the simulation makes, one
 * awaited engine call each (two calls a journey; the simulation sends about 1.5 requests a
 * journey, so the counts are of the same size).
 */
const bareCalls = throughput(async (ctx) => {
  const { numbers: count, days } = size(ctx);
  const list = numbers(Math.round(count * ACTIVITY * days));
  const { engine } = await createMemoryWorld({
    accounts: ACCOUNTS,
    numbers: list.map((number) => ({ number, state: "available" as const })),
  });
  return {
    ops: list.length * 2,
    run: async () => {
      for (const number of list) {
        const move = { number, account: "acme_sales", requester: "acme_sales" };
        must(await engine.reserve(move));
        must(await engine.activate(move));
      }
    },
  };
});

/** SIM1. */
export const cases: BenchCase[] = [
  {
    id: "SIM1",
    what: "simulate: requests/s of a default-profile run (10k numbers, 20 accounts, 30 days, memory)",
    unit: "req/s",
    better: "higher",
    baselineWhat: "bare engine calls: reserve + activate of one available number per journey",
    measure: simulation,
    baseline: bareCalls,
    rounds: 1,
  },
];
