// B2, B3, B4: normalization, an account's page, and a prefix search at inventory scale.
import { parsePhoneNumberFromString } from "libphonenumber-js/min";
import { createMemoryWorld } from "../../src/compose/memory-world.js";
import { toE164 } from "../../src/domain/normalization.js";
import type { RecordInit } from "../../src/domain/record.js";
import { latency, throughput, type BenchCase } from "../harness.js";
import { ACCOUNTS, nanp } from "../fixtures.js";

/** A mix of E.164 (NANP and international) and 10-digit NANP inputs. */
function normalizationInputs(count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const line = String(1_000_000 + ((i * 7919) % 9_000_000)).padStart(7, "0");
    const kind = i % 4;
    if (kind === 0) out.push(`415${line}`);
    else if (kind === 1) out.push(`+1212${line}`);
    else if (kind === 2) out.push(`+4420${line.slice(0, 4)}${line.slice(3)}`);
    else out.push(`628${line}`);
  }
  return out;
}

/** Sorted keys and the first index at or after `key` (binary search). */
function lowerBound(keys: readonly string[], key: string): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((keys[mid] as string) < key) low = mid + 1;
    else high = mid;
  }
  return low;
}

const ownedNumbers = (count: number): Omit<RecordInit, "now">[] =>
  Array.from({ length: count }, (_, i) => ({
    number: nanp(i),
    state: "in_service" as const,
    assignedTo: "acme_sales",
  }));

/** The pool holds the even numbers (one in a hundred available), upstream sells the odd ones. */
const poolNumbers = (count: number): Omit<RecordInit, "now">[] =>
  Array.from({ length: count }, (_, i) => ({
    number: nanp(2 * i),
    state: i % 100 === 0 ? ("available" as const) : ("in_service" as const),
    ...(i % 100 === 0 ? {} : { assignedTo: "acme_sales" }),
  }));

/** B2, B3, B4. */
export const cases: BenchCase[] = [
  {
    id: "B2",
    what: "normalize E.164 and 10-digit NANP input to E.164",
    unit: "inputs/s",
    better: "higher",
    target: { value: 2_000_000, ratio: 20 },
    baselineWhat: "libphonenumber-js parsePhoneNumberFromString(input, 'US').number",
    measure: throughput((ctx) => {
      const inputs = normalizationInputs(ctx.size(1_000_000, 100_000));
      return {
        ops: inputs.length,
        run: () => {
          for (const input of inputs) if (toE164(input) === undefined) throw new Error(input);
        },
      };
    }),
    baseline: throughput((ctx) => {
      const inputs = normalizationInputs(ctx.size(100_000, 10_000));
      return {
        ops: inputs.length,
        run: () => {
          for (const input of inputs) {
            if (parsePhoneNumberFromString(input, "US")?.number === undefined)
              throw new Error(input);
          }
        },
      };
    }),
  },
  {
    id: "B3",
    what: "a page of 50 of an account holding 1M numbers (engine.list), in memory",
    unit: "ms",
    better: "lower",
    target: { value: 1 },
    baselineWhat: "binary search in a sorted array of the keys + 50 Map reads",
    rounds: 1,
    measure: latency(async (ctx) => {
      const count = ctx.size(1_000_000, 100_000);
      const { engine } = await createMemoryWorld({
        accounts: ACCOUNTS,
        numbers: ownedNumbers(count),
      });
      let i = 0;
      return () =>
        engine.list({
          account: "acme_sales",
          query: { page_size: "50", start_key: nanp((i++ * 7919) % count) },
        });
    }),
    baseline: latency((ctx) => {
      const count = ctx.size(1_000_000, 100_000);
      const records = new Map(ownedNumbers(count).map((r) => [r.number, r]));
      const keys = [...records.keys()].sort();
      let i = 0;
      return () => {
        const from = lowerBound(keys, nanp((i++ * 7919) % count));
        return keys.slice(from, from + 51).map((k) => records.get(k));
      };
    }),
  },
  {
    id: "B4",
    what: "prefix search, 1M-number pool + 1M upstream inventory (20 results)",
    unit: "ms",
    better: "lower",
    target: { value: 5 },
    baselineWhat:
      "binary search in sorted arrays of the pool's available numbers and the inventory",
    rounds: 1,
    measure: latency(async (ctx) => {
      const count = ctx.size(1_000_000, 100_000);
      const { engine } = await createMemoryWorld({
        accounts: ACCOUNTS,
        numbers: poolNumbers(count),
        inventory: Array.from({ length: count }, (_, i) => ({ number: nanp(2 * i + 1) })),
      });
      let i = 0;
      return async () => {
        // 8-digit prefixes: 100 numbers each, one available in the pool, the rest upstream.
        const prefix = nanp(((i++ * 7919) % (count / 500)) * 1000).slice(2, 10);
        const found = await engine.search({ prefix, quantity: 20, account: "acme_sales" });
        if (!found.ok || found.value.length !== 20) throw new Error(JSON.stringify(found));
      };
    }),
    baseline: latency((ctx) => {
      const count = ctx.size(1_000_000, 100_000);
      const pool = poolNumbers(count)
        .filter((r) => r.state === "available")
        .map((r) => r.number)
        .sort();
      const inventory = Array.from({ length: count }, (_, i) => nanp(2 * i + 1)).sort();
      let i = 0;
      return () => {
        const prefix = `+1${nanp(((i++ * 7919) % (count / 500)) * 1000).slice(2, 10)}`;
        const found: string[] = [];
        for (const keys of [pool, inventory]) {
          for (let k = lowerBound(keys, prefix); k < keys.length && found.length < 20; k++) {
            const key = keys[k] as string;
            if (!key.startsWith(prefix)) break;
            found.push(key);
          }
        }
        return found;
      };
    }),
  },
];
