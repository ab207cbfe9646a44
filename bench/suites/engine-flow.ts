// B1 and B1c: whole number lifecycles through the public API, against a hand-written flow.
import { createMemoryWorld } from "../../src/compose/memory-world.js";
import { MemoryTokenStore } from "../../src/adapters/memory/memory-tokens.js";
import { createApiHandler } from "../../src/http/handler.js";
import { throughput, type BenchCase, type Probe } from "../harness.js";
import { ACCOUNTS, numbers } from "../fixtures.js";
import { lifecycleFlow } from "../flows.js";

interface HandRecord {
  readonly number: string;
  readonly state: string;
  readonly assignedTo: string | undefined;
  readonly modified: number;
}

/** State → event → next state: the hand-written flow's whole rule book. */
const MOVES: Record<string, Record<string, string>> = {
  available: { reserve: "reserved", activate: "in_service" },
  reserved: { reserve: "reserved", activate: "in_service", release: "available" },
  in_service: { release: "available" },
};

/**
 * The baseline: create → reserve → activate → release written by hand the way an embedder
 * might (a lookup table, object spread, a Map), four operations per number.
 */
const handWritten: Probe = throughput((ctx) => {
  const list = numbers(ctx.size(100_000, 5_000));
  const store = new Map<string, HandRecord>();
  const move = (number: string, event: string, account: string | undefined): void => {
    const record = store.get(number);
    if (record === undefined) throw new Error("missing");
    const next = MOVES[record.state]?.[event];
    if (next === undefined) throw new Error("invalid_state_transition");
    if (record.assignedTo !== undefined && account !== undefined && record.assignedTo !== account)
      throw new Error("unauthorized");
    store.set(number, { ...record, state: next, assignedTo: account, modified: Date.now() });
  };
  return {
    ops: list.length * 4,
    run: () => {
      for (const number of list) {
        if (store.has(number)) throw new Error("exists");
        store.set(number, { number, state: "available", assignedTo: undefined, modified: 0 });
        move(number, "reserve", "acme_sales");
        move(number, "activate", "acme_sales");
        move(number, "release", undefined);
      }
    },
  };
});

const engineFlow: Probe = throughput(async (ctx) => {
  const list = numbers(ctx.size(100_000, 5_000));
  const { engine } = await createMemoryWorld({ accounts: ACCOUNTS });
  return { ops: list.length * 4, run: () => lifecycleFlow(engine, list) };
});

const BATCH = 1000;

const collectionFlow: Probe = throughput(async (ctx) => {
  const list = numbers(ctx.size(50_000, 3_000));
  const { engine } = await createMemoryWorld({ accounts: ACCOUNTS });
  const handle = createApiHandler({
    engine,
    tokens: new MemoryTokenStore([["tok", "acme"]]),
  });
  const call = async (method: string, path: string, batch: string[]): Promise<void> => {
    const reply = await handle({
      method,
      path: `/v2/accounts/acme_sales/phone_numbers/${path}`,
      headers: { "X-Auth-Token": "tok", "Content-Type": "application/json" },
      body: JSON.stringify({ data: { numbers: batch } }),
    });
    if (reply.status !== 200) throw new Error(`${method} ${path}: ${JSON.stringify(reply.body)}`);
  };
  return {
    ops: list.length * 3,
    run: async () => {
      for (let i = 0; i < list.length; i += BATCH) {
        const batch = list.slice(i, i + BATCH);
        await call("PUT", "collection", batch);
        await call("PUT", "collection/activate", batch);
        await call("DELETE", "collection", batch);
      }
    },
  };
});

/** B1, B1c. */
export const cases: BenchCase[] = [
  {
    id: "B1",
    what: "create → reserve → activate → release, one engine call each, in memory",
    unit: "number-ops/s",
    better: "higher",
    target: { value: 300_000, ratio: 0.25 },
    baselineWhat: "hand-written flow (lookup table, object spread, a Map)",
    rounds: 1,
    measure: engineFlow,
    baseline: handWritten,
  },
  {
    id: "B1c",
    what: "create → activate → release through the handler's collection endpoints (1000 a call)",
    unit: "number-ops/s",
    better: "higher",
    target: { value: 150_000 },
    baselineWhat: "hand-written flow (lookup table, object spread, a Map)",
    rounds: 1,
    measure: collectionFlow,
    baseline: handWritten,
  },
];
