import type { JsonObject } from "../../domain/json.js";
import type { NumberRecord } from "../../domain/record.js";
import type {
  AcquireResult,
  Carrier,
  CarrierSearch,
  CarrierSearchResult,
} from "../../ports/carrier.js";
import { FaultPlan } from "../fault-plan.js";
import { SortedKeys } from "../memory/sorted-keys.js";

/** One number the simulated upstream carrier can sell, with the fields its search shows. */
export interface InventoryEntry {
  readonly number: string;
  /** Extra search-result fields (`rate_center`, `formatted_number`, ...: decisions.md D5). */
  readonly fields?: JsonObject | undefined;
}

/** Options of the simulated carrier. */
export interface SimulatedCarrierOptions {
  readonly inventory?: readonly InventoryEntry[];
  readonly faults?: FaultPlan;
  /** Milliseconds every call waits before answering, or per operation (`acquire`, `disconnect`, `search`, `check`, `state`). */
  readonly latencyMs?: number | Readonly<Partial<Record<SimulatedOp, number>>>;
}

/** The operations of the simulated carrier, as faults and latencies name them. */
export type SimulatedOp = "search" | "acquire" | "disconnect" | "check" | "state";

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * An upstream carrier with an in-memory inventory (decisions.md D14): search offers inventory
 * numbers with the prefix in number order, acquire takes a number out of the inventory (and
 * fails for one that is not in it), disconnect puts it back, check says whether it is still for
 * sale, orderState whether the system holds it. Faults and latency (per operation) can be
 * injected; a call slower than the engine's deadline still completes here, as a real one might.
 */
export class SimulatedCarrier implements Carrier {
  readonly name = "simulated";
  readonly isLocal = false;
  readonly #inventory = new Map<string, InventoryEntry>();
  /** The inventory's numbers in order, so a search reads only the numbers it offers. */
  readonly #sorted = new SortedKeys();
  readonly #faults: FaultPlan;
  readonly #latencyMs: SimulatedCarrierOptions["latencyMs"];

  /** Builds the carrier with a starting inventory. */
  constructor(options: SimulatedCarrierOptions = {}) {
    for (const entry of options.inventory ?? []) this.#stock(entry);
    this.#faults = options.faults ?? new FaultPlan();
    this.#latencyMs = options.latencyMs;
  }

  /** The numbers still for sale, in order. */
  inventory(): string[] {
    return [...this.#sorted.range("")];
  }

  #stock(entry: InventoryEntry): void {
    this.#inventory.set(entry.number, entry);
    this.#sorted.add(entry.number);
  }

  async #enter(op: SimulatedOp, numbers: readonly string[]): Promise<void> {
    const latency =
      typeof this.#latencyMs === "number" ? this.#latencyMs : (this.#latencyMs?.[op] ?? 0);
    if (latency > 0) await sleep(latency);
    this.#faults.check("carrier", op, numbers);
  }

  /** Offers inventory numbers starting with the prefix. */
  async search(query: CarrierSearch): Promise<CarrierSearchResult> {
    await this.#enter("search", []);
    const offers = [];
    let skip = query.offset;
    for (const number of this.#sorted.range(query.prefix, (n) => n.startsWith(query.prefix))) {
      if (offers.length >= query.quantity) break;
      if (skip > 0) {
        skip--;
        continue;
      }
      const entry = this.#inventory.get(number) as InventoryEntry;
      offers.push({ number, ...(entry.fields === undefined ? {} : { fields: entry.fields }) });
    }
    return { kind: "ok", offers };
  }

  /** Sells a number: it leaves the inventory. */
  async acquire(record: NumberRecord): Promise<AcquireResult> {
    await this.#enter("acquire", [record.number]);
    if (!this.#inventory.delete(record.number)) throw new Error("fault by carrier");
    this.#sorted.delete(record.number);
    return {};
  }

  /** Takes a number back into the inventory. */
  async disconnect(record: NumberRecord): Promise<void> {
    await this.#enter("disconnect", [record.number]);
    this.#stock({ number: record.number });
  }

  /** `not_held` while the number is for sale; once sold (not in the inventory), `held`. */
  async orderState(number: string): Promise<"held" | "not_held"> {
    await this.#enter("state", [number]);
    return this.#inventory.has(number) ? "not_held" : "held";
  }

  /** `success` for numbers still for sale, `error` for any other. */
  async checkNumbers(numbers: readonly string[]): Promise<Readonly<Record<string, string>>> {
    await this.#enter("check", numbers);
    return Object.fromEntries(
      numbers.map((n) => [n, this.#inventory.has(n) ? "success" : "error"]),
    );
  }
}
