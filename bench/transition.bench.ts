// Throughput of deciding a transition: xstate's pure transition() (the baseline) against the
// table derived from the same machine, plus end-to-end engine moves. Run: npm run bench
import { transition } from "xstate";
import { createMemoryWorld } from "../src/compose/memory-world.js";
import type { TransitionFacts } from "../src/machine/guards.js";
import { lifecycleMachine } from "../src/machine/lifecycle-machine.js";
import { decide } from "../src/machine/transition-table.js";
import { DEFAULT_CONFIG } from "../src/domain/config.js";

const ACCOUNTS = [
  { id: "root", master: true, reseller: true },
  { id: "acme", parent: "root", reseller: true, allowAdditions: true },
  { id: "acme_sales", parent: "acme" },
];
const TREES: Record<string, string[]> = { root: [], acme: ["root"], acme_sales: ["root", "acme"] };

const facts: TransitionFacts = {
  accounts: (id) =>
    TREES[id] === undefined
      ? undefined
      : {
          id,
          tree: TREES[id],
          superduperAdmin: id === "root",
          allowAdditions: true,
          reseller: false,
          enabled: true,
        },
  requester: "acme_sales",
  target: "acme_sales",
  state: "available",
  carrier: "local",
  reserveHistory: [],
  now: 0,
  config: DEFAULT_CONFIG,
};

async function measure(
  label: string,
  iterations: number,
  run: (i: number) => unknown,
): Promise<number> {
  for (let i = 0; i < Math.min(1000, iterations); i++) await run(i);
  const start = performance.now();
  for (let i = 0; i < iterations; i++) await run(i);
  const seconds = (performance.now() - start) / 1000;
  const perSecond = iterations / seconds;
  console.log(
    `${label.padEnd(44)} ${Math.round(perSecond).toLocaleString("en-US").padStart(12)} /s`,
  );
  return perSecond;
}

const snapshot = lifecycleMachine.resolveState({ value: "available", context: {} });
const event = { type: "reserve" as const, facts };

const baseline = await measure("xstate transition() (baseline)", 20_000, () =>
  transition(lifecycleMachine, snapshot, event),
);
const table = await measure("derived table decide()", 1_000_000, () =>
  decide("available", "reserve", facts),
);
console.log(`table vs xstate: ${(table / baseline).toFixed(0)}x`);

const { engine } = await createMemoryWorld({
  accounts: ACCOUNTS,
  numbers: Array.from({ length: 10_000 }, (_, i) => ({
    number: `+1415555${String(i).padStart(4, "0")}`,
    state: "available" as const,
  })),
});
const numberAt = (i: number): string => `+1415555${String(i % 10_000).padStart(4, "0")}`;
const moves = await measure("engine reserve + release (2 moves each)", 20_000, async (i) => {
  await engine.reserve({ number: numberAt(i), account: "acme_sales", requester: "acme_sales" });
  await engine.release({ number: numberAt(i), requester: "acme_sales" });
});
console.log(
  `engine moves/s: ${Math.round(moves * 2).toLocaleString("en-US")} (${((moves * 2) / baseline).toFixed(1)}x the bare xstate decision rate)`,
);
