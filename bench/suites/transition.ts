// T1: deciding a transition with the table derived from the machine, against xstate's own
// pure transition() on the same machine (the table ≡ machine test proves they agree).
import { transition } from "xstate";
import { DEFAULT_CONFIG } from "../../src/domain/config.js";
import type { TransitionFacts } from "../../src/machine/guards.js";
import { lifecycleMachine } from "../../src/machine/lifecycle-machine.js";
import { decide } from "../../src/machine/transition-table.js";
import { throughput, type BenchCase } from "../harness.js";

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

/** T1. */
export const cases: BenchCase[] = [
  {
    id: "T1",
    what: "decide a transition (available + reserve) with the derived table",
    unit: "decisions/s",
    better: "higher",
    baselineWhat: "xstate transition() on the same machine",
    measure: throughput((ctx) => {
      const ops = ctx.size(2_000_000, 200_000);
      return {
        ops,
        run: () => {
          for (let i = 0; i < ops; i++) decide("available", "reserve", facts);
        },
      };
    }),
    baseline: throughput((ctx) => {
      const snapshot = lifecycleMachine.resolveState({ value: "available", context: {} });
      const event = { type: "reserve" as const, facts };
      const ops = ctx.size(40_000, 5_000);
      return {
        ops,
        run: () => {
          for (let i = 0; i < ops; i++) transition(lifecycleMachine, snapshot, event);
        },
      };
    }),
  },
];
