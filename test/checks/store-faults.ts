/**
 * The store fault matrix (issue 11 item 6): every store call an operation makes (a statement on
 * SQLite and PostgreSQL, the commit included; a port call on memory) fails in turn, and the
 * operation must answer `database_error` for what it could not do and leave each record either
 * as it was or exactly as the fault-free run left it, with its events committed if and only if
 * the record changed. A call fails in one of two ways: refused (it never ran) or with its
 * answer lost (it ran, then the caller got an error: a COMMIT that happened but whose reply
 * never arrived).
 */
import { expect } from "vitest";
import type { ClosableWorld } from "../../src/compose/stores.js";
import type { WorldSetup } from "../../src/compose/world.js";
import type { NumberError, Result } from "../../src/domain/errors.js";
import { isNumberEvent } from "../../src/domain/events.js";
import type { BatchOutcome } from "../../src/engine/collections.js";
import { snapshot } from "../support/world.js";

/** How an injected store fault fails its call. */
export type FaultMode = "refuse" | "lose";

/** The error an injected fault throws. */
export class InjectedStoreFault extends Error {
  /** Names the call that failed and how. */
  constructor(label: string, mode: FaultMode) {
    super(`injected ${mode === "refuse" ? "refusal of" : "lost answer of"} ${label}`);
    this.name = "InjectedStoreFault";
  }
}

/**
 * Counts the store calls of an armed run and fails the chosen one. The store wrappers call
 * `sync` or `async` around every real call.
 */
export class StoreFaults {
  #armed = false;
  #failAt: number | undefined;
  #mode: FaultMode = "refuse";
  /** The calls counted since `arm`, by label. */
  readonly calls: string[] = [];
  /** The chosen call was reached and failed. */
  fired = false;

  /** Starts counting calls; the `at`-th from now (1-based) fails in `mode` (none when absent). */
  arm(at?: number, mode: FaultMode = "refuse"): void {
    this.#armed = true;
    this.#failAt = at;
    this.#mode = mode;
    this.calls.length = 0;
    this.fired = false;
  }

  /** Stops counting. */
  disarm(): void {
    this.#armed = false;
  }

  /** Counts one call; true when it is the one to fail. */
  #hit(label: string): boolean {
    if (!this.#armed) return false;
    this.calls.push(label);
    if (this.calls.length !== this.#failAt) return false;
    this.fired = true;
    return true;
  }

  /** Runs a synchronous store call, failing it when it is the chosen one. */
  sync<T>(label: string, run: () => T): T {
    if (!this.#hit(label)) return run();
    if (this.#mode === "lose") run();
    throw new InjectedStoreFault(label, this.#mode);
  }

  /** Runs an asynchronous store call, failing it when it is the chosen one. */
  async async<T>(label: string, run: () => Promise<T>): Promise<T> {
    if (!this.#hit(label)) return run();
    if (this.#mode === "lose") await run();
    throw new InjectedStoreFault(label, this.#mode);
  }

  /**
   * For a commit that cannot be wrapped as one call (better-sqlite3 runs COMMIT natively):
   * counts it; a refusal throws now (inside the transaction, which then rolls back), a lost
   * answer returns true so the caller throws once the transaction has committed.
   */
  commitPoint(label: string): boolean {
    if (!this.#hit(label)) return false;
    if (this.#mode === "refuse") throw new InjectedStoreFault(label, "refuse");
    return true;
  }
}

/** Builds a fresh world on the store under test, its store calls going through `faults`. */
export type FaultyWorldMaker = (setup: WorldSetup, faults: StoreFaults) => Promise<ClosableWorld>;

/**
 * What an operation answered, per number it names: undefined for done, else its error;
 * "skipped" for a number a collection left alone because another one failed its dry pass
 * (neither succeeded nor failed: it must be unchanged); "unreported" when the operation failed
 * as a whole without saying what became of the number (a sweep whose listing failed), which
 * only holds the record to all or nothing.
 */
export type Outcomes = ReadonlyMap<string, NumberError | undefined | "skipped" | "unreported">;

/** One row of the matrix: a world, an operation on it, and the numbers it names. */
export interface StoreFaultRow {
  readonly name: string;
  readonly setup: WorldSetup;
  readonly act: (world: ClosableWorld) => Promise<Outcomes>;
}

/** The outcome of a single-number operation. */
export async function single(number: string, run: Promise<Result<unknown>>): Promise<Outcomes> {
  const result = await run;
  return new Map([[number, result.ok ? undefined : result.error]]);
}

/** The outcomes of a collection operation: the whole request's error, or each number's. */
export async function batch(
  numbers: readonly string[],
  run: Promise<Result<BatchOutcome>>,
): Promise<Outcomes> {
  const result = await run;
  const outcome = (n: string): NumberError | undefined | "skipped" => {
    if (!result.ok) return result.error;
    if (result.value.succeeded.has(n)) return undefined;
    return result.value.failed.get(n) ?? "skipped";
  };
  return new Map(numbers.map((n) => [n, outcome(n)] as const));
}

/** The numbers of a world's outbox events, oldest first. */
async function eventNumbers(world: ClosableWorld): Promise<string[]> {
  const page = await world.repository.eventsSince(undefined, 100_000);
  return page.events
    .map((e) => e.event)
    .filter(isNumberEvent)
    .map((e) => e.number);
}

/** What a run left behind: the records' fingerprints and how many events each number has. */
interface Trace {
  readonly records: Record<string, string>;
  readonly events: ReadonlyMap<string, number>;
}

async function trace(world: ClosableWorld): Promise<Trace> {
  const events = new Map<string, number>();
  for (const n of await eventNumbers(world)) events.set(n, (events.get(n) ?? 0) + 1);
  return { records: await snapshot(world.repository), events };
}

/** Runs the operation with the chosen fault armed; the world is closed afterwards. */
async function runArmed(
  make: FaultyWorldMaker,
  row: StoreFaultRow,
  at: number | undefined,
  mode: FaultMode,
): Promise<{ outcomes: Outcomes; before: Trace; after: Trace; calls: string[]; fired: boolean }> {
  const faults = new StoreFaults();
  const world = await make(row.setup, faults);
  try {
    const before = await trace(world);
    faults.arm(at, mode);
    let outcomes: Outcomes;
    try {
      outcomes = await row.act(world);
    } finally {
      faults.disarm();
    }
    return {
      outcomes,
      before,
      after: await trace(world),
      calls: [...faults.calls],
      fired: faults.fired,
    };
  } finally {
    await world.close();
  }
}

/** The figures of one row's matrix. */
export interface MatrixFigures {
  /** Store calls the fault-free run made. */
  readonly calls: number;
  /** Faulty runs checked (each call, refused and with its answer lost). */
  readonly faults: number;
  /** The fault-free run's calls, in order. */
  readonly sequence: readonly string[];
}

/**
 * Runs a row fault-free (every number must succeed and change), then once per store call and
 * fault mode, checking after each faulty run: no exception; a number answered done is exactly
 * as after the fault-free run; a number answered with an error got `database_error` and is
 * either unchanged (always so for a refusal) or, only when an answer was lost, exactly as after
 * the fault-free run; and its events are committed if and only if its record changed.
 */
export async function checkStoreFaultMatrix(
  make: FaultyWorldMaker,
  row: StoreFaultRow,
): Promise<MatrixFigures> {
  const clean = await runArmed(make, row, undefined, "refuse");
  const numbers = [...clean.outcomes.keys()];
  for (const n of numbers) {
    expect(clean.outcomes.get(n), `${row.name}: the fault-free run fails ${n}`).toBeUndefined();
    expect(clean.after.records[n], `${row.name}: the fault-free run leaves ${n}`).not.toBe(
      clean.before.records[n],
    );
  }
  let faults = 0;
  for (let at = 1; at <= clean.calls.length; at++) {
    for (const mode of ["refuse", "lose"] as const) {
      const run = await runArmed(make, row, at, mode);
      const where = `${row.name}: ${mode} call ${at} (${run.calls[at - 1] ?? "?"}) of ${clean.calls.join(" > ")}`;
      expect(run.fired, `${where}: the call was never reached`).toBe(true);
      faults++;
      for (const n of numbers) {
        const error = run.outcomes.get(n);
        const now = run.after.records[n];
        const changed = now !== run.before.records[n];
        if (error === "skipped") {
          expect(changed, `${where}: ${n} was skipped but changed`).toBe(false);
        } else if (error === "unreported") {
          expect(
            [run.before.records[n], clean.after.records[n]],
            `${where}: ${n} is partly written`,
          ).toContain(now);
        } else if (error === undefined) {
          expect(now, `${where}: ${n} answered done but is not wholly updated`).toBe(
            clean.after.records[n],
          );
        } else {
          expect(error.reason, `${where}: ${n} answered ${JSON.stringify(error)}`).toBe(
            "database_error",
          );
          if (mode === "refuse" || changed)
            expect(now, `${where}: ${n} failed but is partly written`).toBe(
              changed ? clean.after.records[n] : run.before.records[n],
            );
          if (mode === "refuse") expect(changed, `${where}: ${n} failed but changed`).toBe(false);
        }
        const events = run.after.events.get(n) ?? 0;
        const expected = changed
          ? (clean.after.events.get(n) ?? 0)
          : (run.before.events.get(n) ?? 0);
        expect(events, `${where}: ${n}'s events do not match its record`).toBe(expected);
      }
    }
  }
  return { calls: clean.calls.length, faults, sequence: clean.calls };
}
