import type { NumberError, Result } from "../domain/errors.js";
import type { NumberRecord } from "../domain/record.js";
import { RevisionConflictError } from "../ports/repository.js";
import type { EngineContext } from "./context.js";
import { writeFailureCause } from "./persist.js";
import { UnitOfWork } from "./unit-of-work.js";

/** A bulk operation's outcome: each number (keyed as given) succeeded or failed. */
export interface BatchOutcome<T = NumberRecord> {
  readonly succeeded: ReadonlyMap<string, T>;
  readonly failed: ReadonlyMap<string, NumberError>;
}

/** One number's operation, run in the context it is given (a unit of work's, or the engine's). */
export type NumberOperationRun<T> = (ctx: EngineContext, number: string) => Promise<Result<T>>;

/** How many times a pass's commit is tried again after losing races before every number runs alone. */
const PASS_COMMIT_ATTEMPTS = 3;

class Outcomes<T> {
  readonly succeeded = new Map<string, T>();
  readonly failed = new Map<string, NumberError>();

  set(number: string, result: Result<T>): void {
    this.succeeded.delete(number);
    this.failed.delete(number);
    if (result.ok) this.succeeded.set(number, result.value);
    else this.failed.set(number, result.error);
  }

  /** The outcome with the maps in request order, whatever order results were set in. */
  ordered(numbers: readonly string[]): BatchOutcome<T> {
    const succeeded = new Map<string, T>();
    const failed = new Map<string, NumberError>();
    for (const number of numbers) {
      if (this.succeeded.has(number)) succeeded.set(number, this.succeeded.get(number) as T);
      const error = this.failed.get(number);
      if (error !== undefined) failed.set(number, error);
    }
    return { succeeded, failed };
  }
}

/** Runs one operation per number, sequentially in request order, each committing on its own. */
export async function runEach<T>(
  numbers: readonly string[],
  operation: (number: string) => Promise<Result<T>>,
): Promise<BatchOutcome<T>> {
  const outcomes = new Outcomes<T>();
  for (const number of numbers) outcomes.set(number, await operation(number));
  return outcomes;
}

/**
 * The requested numbers whose writes touch a lost number, and, since dropping their writes drops
 * every staged write of those numbers, the others that wrote one of those too.
 */
function affected(wrote: ReadonlyMap<string, readonly string[]>, lost: Set<string>): string[] {
  const chosen = new Set<string>();
  for (let grew = true; grew;) {
    grew = false;
    for (const [number, staged] of wrote) {
      if (chosen.has(number) || !staged.some((s) => lost.has(s))) continue;
      chosen.add(number);
      for (const s of staged) lost.add(s);
      grew = true;
    }
  }
  return [...chosen];
}

/**
 * Runs one operation per number, sequentially in request order (collections.md §2, §5), and
 * commits all their writes in one batch. Each number's answer is the one it would get alone:
 * a number whose write lost a race to another writer is decided again on its own, and a failing
 * commit fails exactly the numbers that had something to write.
 */
export async function runPass<T>(
  ctx: EngineContext,
  numbers: readonly string[],
  operation: NumberOperationRun<T>,
): Promise<BatchOutcome<T>> {
  // Inside a unit of work already (an idempotent request): join it; its owner commits.
  if (ctx.unit !== undefined) return runEach(numbers, (number) => operation(ctx, number));
  const unit = new UnitOfWork();
  const scoped = ctx.withUnit(unit);
  const outcomes = new Outcomes<T>();
  const wrote = new Map<string, string[]>();
  for (const number of numbers) {
    const mark = unit.log.length;
    outcomes.set(number, await operation(scoped, number));
    const staged = unit.log.slice(mark);
    if (staged.length > 0) wrote.set(number, staged);
  }
  for (let attempt = 1; ; attempt++) {
    try {
      await unit.commit(ctx);
      return outcomes.ordered(numbers);
    } catch (thrown) {
      if (!(thrown instanceof RevisionConflictError)) {
        const error: NumberError = { reason: "database_error", cause: writeFailureCause(thrown) };
        for (const number of wrote.keys()) outcomes.set(number, { ok: false, error });
        return outcomes.ordered(numbers);
      }
      const lost = new Set(attempt < PASS_COMMIT_ATTEMPTS ? thrown.numbers : unit.numbers());
      for (const number of affected(wrote, lost)) {
        unit.drop(wrote.get(number) ?? []);
        wrote.delete(number);
        outcomes.set(number, await operation(ctx, number));
      }
    }
  }
}

/**
 * Seed's dry-run-first protocol for bulk create and activate (collections.md §3.1): a dry pass
 * validates and authorizes every number; any failure there is returned with nothing committed.
 * Otherwise the real pass runs, and only its failures (carrier, datastore) are reported. With
 * `accept_charges` the dry pass is skipped, so the numbers that succeed are committed.
 */
export async function runDryThenReal<T>(
  ctx: EngineContext,
  numbers: readonly string[],
  operation: (ctx: EngineContext, number: string, dryRun: boolean) => Promise<Result<T>>,
  chargesAccepted = false,
): Promise<BatchOutcome<T>> {
  const real = (): Promise<BatchOutcome<T>> =>
    runPass(ctx, numbers, (scoped, number) => operation(scoped, number, false));
  // A client that accepted the charges skips the dry pass: each number runs for real.
  if (chargesAccepted) return real();
  const dry = await runEach(numbers, (number) => operation(ctx, number, true));
  if (dry.failed.size > 0) return { succeeded: new Map(), failed: dry.failed };
  return real();
}
