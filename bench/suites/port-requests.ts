// PR1, PR1s: completing a port request of 1,000 numbers beside a collection create of the same
// 1,000 numbers, on the same store, in the same run (issue 14 'Speed': at most 2x the time).
import { join } from "node:path";
import type { AccountSpec } from "../../src/adapters/memory/memory-accounts.js";
import { createMemoryWorld } from "../../src/compose/memory-world.js";
import { createSqliteWorld } from "../../src/compose/sqlite-world.js";
import type { World } from "../../src/compose/world.js";
import { throughput, type BenchCase, type Probe } from "../harness.js";
import { nanp, scratchFolder } from "../fixtures.js";

const SIZE = 1_000;

/** A reseller that is the port authority (and may add numbers) and its customer. */
const PORT_ACCOUNTS: readonly AccountSpec[] = [
  { id: "root", master: true, reseller: true },
  { id: "acme", parent: "root", reseller: true, allowAdditions: true, portAuthority: true },
  { id: "acme_sales", parent: "acme" },
];
const CUSTOMER = { requester: "acme_sales", account: "acme_sales" };
const AUTHORITY = { requester: "acme", account: "acme_sales" };

type Store = "memory" | "sqlite";

/** A new world on the store (SQLite: a new file, removed at exit). */
async function worldOn(store: Store): Promise<World & { close?: () => void }> {
  if (store === "memory") return createMemoryWorld({ accounts: PORT_ACCOUNTS });
  const folder = scratchFolder("numbers-bench-port-");
  return createSqliteWorld({ path: join(folder, "port.db"), accounts: PORT_ACCOUNTS });
}

/** The numbers of the k-th 1,000-number batch. */
const batch = (k: number): string[] => Array.from({ length: SIZE }, (_, i) => nanp(k * SIZE + i));

const ok = <T extends { ok: boolean }>(result: T, what: string): T => {
  if (!result.ok) throw new Error(`${what}: ${JSON.stringify(result)}`);
  return result;
};

/** Timed: the port authority completes `count` pending requests of 1,000 numbers, one after another. */
const completion = (store: Store): Probe =>
  throughput(async (ctx) => {
    const count = ctx.size(5, 2);
    const world = await worldOn(store);
    const ids: string[] = [];
    for (let k = 0; k < count; k++) {
      const numbers = Object.fromEntries(batch(k).map((n) => [n, {}]));
      const created = ok(
        await world.engine.portRequests.create(CUSTOMER, { name: `port ${k}`, numbers }),
        "create",
      );
      const id = created.ok ? created.value["id"] : undefined;
      if (typeof id !== "string") throw new Error("the request has no id");
      ok(await world.engine.portRequests.move(CUSTOMER, id, { target: "submitted" }), "submit");
      ok(await world.engine.portRequests.move(AUTHORITY, id, { target: "pending" }), "pending");
      ids.push(id);
    }
    return {
      ops: count * SIZE,
      run: async () => {
        for (const id of ids)
          ok(
            await world.engine.portRequests.move(AUTHORITY, id, { target: "completed" }),
            "complete",
          );
        world.close?.();
      },
    };
  });

/** Timed: the reseller creates the same numbers for the customer, 1,000 per collection create. */
const collectionCreate = (store: Store): Probe =>
  throughput(async (ctx) => {
    const count = ctx.size(5, 2);
    const world = await worldOn(store);
    return {
      ops: count * SIZE,
      run: async () => {
        for (let k = 0; k < count; k++) {
          const result = ok(
            await world.engine.createMany({
              numbers: batch(k),
              account: "acme_sales",
              requester: "acme",
            }),
            "collection create",
          );
          if (result.ok && result.value.failed.size > 0)
            throw new Error(`collection create failed for ${result.value.failed.size} numbers`);
        }
        world.close?.();
      },
    };
  });

/** PR1 (memory), PR1s (SQLite). */
export const cases: BenchCase[] = (["memory", "sqlite"] as const).map((store) => ({
  id: store === "memory" ? "PR1" : "PR1s",
  what: `completing a port request of 1,000 numbers (${store})`,
  unit: "numbers/s",
  better: "higher",
  target: { ratio: 0.5 },
  baselineWhat: "a collection create of the same 1,000 numbers on the same store",
  measure: completion(store),
  baseline: collectionCreate(store),
}));
