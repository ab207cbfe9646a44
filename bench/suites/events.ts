// E1 and E2: what event delivery costs the engine's hot path (issue 10: at most 20% with one
// subscriber attached), against the same flow with nobody subscribed, measured in the same run.
import { createMemoryWorld } from "../../src/compose/memory-world.js";
import type { EventHandler } from "../../src/engine/event-bus.js";
import { throughput, type BenchCase, type Probe } from "../harness.js";
import { ACCOUNTS, numbers } from "../fixtures.js";
import { lifecycleFlow } from "../flows.js";

/**
 * create → reserve → activate → release per number through the engine, with `subscriber`
 * attached when given; the run ends once every event has been handed over.
 */
const flow = (subscriber?: () => EventHandler): Probe =>
  throughput(async (ctx) => {
    const list = numbers(ctx.size(20_000, 4_000));
    const { engine } = await createMemoryWorld({ accounts: ACCOUNTS });
    if (subscriber !== undefined) engine.events.subscribe(subscriber());
    return {
      ops: list.length * 4,
      run: async () => {
        await lifecycleFlow(engine, list);
        await engine.events.settled();
      },
    };
  });

/** A subscriber that keeps a count of moves per edge, the way a metrics consumer would. */
const edgeCounter = (): EventHandler => {
  const edges = new Map<string, number>();
  return (event) => {
    const edge = `${event.from ?? "none"}>${event.to ?? "none"}`;
    edges.set(edge, (edges.get(edge) ?? 0) + 1);
  };
};

/** A subscriber that also reads every event's patches (so each change is diffed). */
const patchReader = (): EventHandler => {
  const read = { patches: 0 };
  return (event) => {
    read.patches += event.patches.length;
  };
};

/** E1, E2. */
export const cases: BenchCase[] = [
  {
    id: "E1",
    what: "engine hot path (create → reserve → activate → release) with one event subscriber",
    unit: "number-ops/s",
    better: "higher",
    target: { ratio: 0.8 },
    baselineWhat: "the same flow with no subscriber",
    measure: flow(edgeCounter),
    baseline: flow(),
  },
  {
    id: "E2",
    what: "the same hot path with one subscriber that reads every event's patches",
    unit: "number-ops/s",
    better: "higher",
    baselineWhat: "the same flow with no subscriber",
    measure: flow(patchReader),
    baseline: flow(),
  },
];
