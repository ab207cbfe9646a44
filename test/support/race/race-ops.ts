import type { WorldSetup } from "../../../src/compose/world.js";
import type { Result } from "../../../src/domain/errors.js";
import type { NumberRecord } from "../../../src/domain/record.js";
import type { NumberEngine } from "../../../src/engine/engine.js";

/** The kinds of operation the race runs. */
export type RaceKind = "reserve" | "activate" | "release" | "update";

/** One operation of a race worker. */
export interface RaceOp {
  /** `w<worker>-<index>`: unique in a race, and what an update writes as `public.race_tag`. */
  readonly id: string;
  readonly kind: RaceKind;
  readonly number: string;
  readonly account: string;
}

/** What an operation answered. */
export interface RaceOutcome {
  readonly op: RaceOp;
  readonly ok: boolean;
  /** The error's reason when it failed. */
  readonly reason?: string;
}

/** The clock every race world (workers and replay) runs at, so records compare byte for byte. */
export const RACE_NOW = 63_700_000_000;

/** The contended numbers: 100 of them. */
export const RACE_NUMBERS = Array.from(
  { length: 100 },
  (_, i) => `+1415555${String(100 + i).padStart(4, "0")}`,
);

const CUSTOMERS = ["cust_a", "cust_b"] as const;

/** The race's starting world: a reseller with two customers; half the numbers available, half in service. */
export function raceSetup(): WorldSetup {
  return {
    now: RACE_NOW,
    accounts: [
      { id: "master", master: true, reseller: true },
      { id: "reseller", parent: "master", reseller: true, allowAdditions: true },
      { id: "cust_a", parent: "reseller" },
      { id: "cust_b", parent: "reseller" },
    ],
    numbers: RACE_NUMBERS.map((number, i) =>
      i % 2 === 0
        ? { number, state: "available" as const }
        : { number, state: "in_service" as const, assignedTo: CUSTOMERS[i % 4 === 1 ? 0 : 1] },
    ),
  };
}

/** A small seeded generator (mulberry32). */
export function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A worker's operations: `count` of them over the race numbers, drawn from `seed`. */
export function raceOps(worker: number, count: number, seed: number): RaceOp[] {
  const random = seeded(seed * 7919 + worker);
  const kinds: RaceKind[] = ["reserve", "activate", "release", "update"];
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  return Array.from({ length: count }, (_, index) => ({
    id: `w${worker}-${index}`,
    kind: pick(kinds),
    // A few hot numbers so both processes collide often, the rest spread over all 100.
    number: random() < 0.5 ? pick(RACE_NUMBERS.slice(0, 8)) : pick(RACE_NUMBERS),
    account: pick(CUSTOMERS),
  }));
}

/** Runs one operation through an engine. */
export function applyOp(engine: NumberEngine, op: RaceOp): Promise<Result<NumberRecord>> {
  const base = { number: op.number, requester: op.account };
  switch (op.kind) {
    case "reserve":
      return engine.reserve({ ...base, account: op.account });
    case "activate":
      return engine.activate({ ...base, account: op.account });
    case "release":
      return engine.release(base);
    case "update":
      return engine.update({ ...base, patch: { race_tag: op.id } });
  }
}

/** Runs an operation and reports what it answered. */
export async function outcomeOf(engine: NumberEngine, op: RaceOp): Promise<RaceOutcome> {
  const result = await applyOp(engine, op);
  return result.ok ? { op, ok: true } : { op, ok: false, reason: result.error.reason };
}
