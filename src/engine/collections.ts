import type { NumberError, Result } from "../domain/errors.js";
import type { NumberRecord } from "../domain/record.js";
import { RevisionConflictError } from "../ports/repository.js";
import type { EngineContext } from "./context.js";
import { writeFailureCause } from "./persist.js";
import { UnitOfWork } from "./unit-of-work.js";
import type { Awaitable } from "../ports/awaitable.js";
import { run, wait, type Flow } from "./flow.js";

/** A bulk operation's outcome: each number (keyed as given) succeeded or failed. */
export interface BatchOutcome<T = NumberRecord> {
  readonly succeeded: ReadonlyMap<string, T>;
  readonly failed: ReadonlyMap<string, NumberError>;
}

/** One number's operation, run in the context it is given (a unit of work's, or the engine's). */
export type NumberOperationRun<T> = (ctx: EngineContext, number: string) => Awaitable<Result<T>>;

/** How many times a pass's commit is tried again after losing races before every number runs alone. */
const PASS_COMMIT_ATTEMPTS = 3;

class Outcomes<T> {
  readonly succeeded = new Map<string, T>();
  readonly failed = new Map<string, NumberError>();
  /** A number was set twice (decided again): the maps may have left request order. */
  #reset = false;

  set(number: string, result: Result<T>): void {
    if (this.succeeded.delete(number) || this.failed.delete(number)) this.#reset = true;
    if (result.ok) this.succeeded.set(number, result.value);
    else this.failed.set(number, result.error);
  }

  /** The outcome with the maps in request order, whatever order results were set in. */
  ordered(numbers: readonly string[]): BatchOutcome<T> {
    // Set once each, in request order (duplicates are refused by validation): already ordered.
    if (!this.#reset) return { succeeded: this.succeeded, failed: this.failed };
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
export function runEach<T>(
  numbers: readonly string[],
  operation: (number: string) => Awaitable<Result<T>>,
): Awaitable<BatchOutcome<T>> {
  return run(eachFlow(numbers, operation));
}

function* eachFlow<T>(
  numbers: readonly string[],
  operation: (number: string) => Awaitable<Result<T>>,
): Flow<BatchOutcome<T>> {
  const outcomes = new Outcomes<T>();
  for (const number of numbers) {
    // `yield* wait(…)` written out: no generator per number when the answer is a value.
    const answer = operation(number);
    outcomes.set(number, answer instanceof Promise ? ((yield answer) as Result<T>) : answer);
  }
  return outcomes.ordered(numbers);
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
 * Which requested number staged which writes of a unit's log: kept as positions in the log while
 * the pass runs (no array per number), read as a map only when a commit lost a race or failed.
 */
class StagedBy {
  readonly #numbers: string[] = [];
  readonly #ends: number[] = [];
  readonly #starts: number[] = [];

  /** `number`'s operation staged the log's entries from `start` to `end` (exclusive). */
  add(number: string, start: number, end: number): void {
    if (end === start) return;
    this.#numbers.push(number);
    this.#starts.push(start);
    this.#ends.push(end);
  }

  /** Each number that staged writes, with the numbers it staged. */
  map(log: readonly string[]): Map<string, string[]> {
    const wrote = new Map<string, string[]>();
    this.#numbers.forEach((number, i) =>
      wrote.set(number, log.slice(this.#starts[i], this.#ends[i])),
    );
    return wrote;
  }
}

/**
 * Runs one operation per number, sequentially in request order (collections.md §2, §5), and
 * commits all their writes in one batch. Each number's answer is the one it would get alone:
 * a number whose write lost a race to another writer is decided again on its own, and a failing
 * commit fails exactly the numbers that had something to write. Synchronous while every port
 * answers synchronously.
 */
export function runPass<T>(
  ctx: EngineContext,
  numbers: readonly string[],
  operation: NumberOperationRun<T>,
): Awaitable<BatchOutcome<T>> {
  // Inside a unit of work already (an idempotent request): join it; its owner commits.
  if (ctx.unit !== undefined) return runEach(numbers, (number) => operation(ctx, number));
  return run(passFlow(ctx, numbers, operation));
}

function* passFlow<T>(
  ctx: EngineContext,
  numbers: readonly string[],
  operation: NumberOperationRun<T>,
): Flow<BatchOutcome<T>> {
  const unit = new UnitOfWork();
  const scoped = ctx.withUnit(unit);
  const outcomes = new Outcomes<T>();
  const staged = new StagedBy();
  for (const number of numbers) {
    const mark = unit.log.length;
    const answer = operation(scoped, number);
    outcomes.set(number, answer instanceof Promise ? ((yield answer) as Result<T>) : answer);
    staged.add(number, mark, unit.log.length);
  }
  let wrote: Map<string, string[]> | undefined;
  for (let attempt = 1; ; attempt++) {
    try {
      yield* wait(unit.commit(ctx));
      return outcomes.ordered(numbers);
    } catch (thrown) {
      wrote ??= staged.map(unit.log);
      if (!(thrown instanceof RevisionConflictError)) {
        const error: NumberError = { reason: "database_error", cause: writeFailureCause(thrown) };
        for (const number of wrote.keys()) outcomes.set(number, { ok: false, error });
        return outcomes.ordered(numbers);
      }
      const lost = new Set(attempt < PASS_COMMIT_ATTEMPTS ? thrown.numbers : unit.numbers());
      for (const number of affected(wrote, lost)) {
        unit.drop(wrote.get(number) ?? []);
        wrote.delete(number);
        outcomes.set(number, yield* wait(operation(ctx, number)));
      }
    }
  }
}

/**
 * The dry pass: each number's failure, in request order. Its successes are not kept, so the
 * records it computed are garbage at once rather than held through the real pass.
 */
function* dryFailures<T>(
  numbers: readonly string[],
  operation: (number: string) => Awaitable<Result<T>>,
): Flow<Map<string, NumberError>> {
  const failed = new Map<string, NumberError>();
  for (const number of numbers) {
    const answer = operation(number);
    const result = answer instanceof Promise ? ((yield answer) as Result<T>) : answer;
    if (!result.ok) failed.set(number, result.error);
  }
  return failed;
}

/**
 * Seed's dry-run-first protocol for bulk create and activate (collections.md §3.1): a dry pass
 * validates and authorizes every number; any failure there is returned with nothing committed.
 * Otherwise the real pass runs, and only its failures (carrier, datastore) are reported. With
 * `accept_charges` the dry pass is skipped, so the numbers that succeed are committed.
 */
export function runDryThenReal<T>(
  ctx: EngineContext,
  numbers: readonly string[],
  operation: (ctx: EngineContext, number: string, dryRun: boolean) => Awaitable<Result<T>>,
  chargesAccepted = false,
): Awaitable<BatchOutcome<T>> {
  const real = (): Awaitable<BatchOutcome<T>> =>
    runPass(ctx, numbers, (scoped, number) => operation(scoped, number, false));
  // A client that accepted the charges skips the dry pass: each number runs for real.
  if (chargesAccepted) return real();
  return run(
    (function* (): Flow<BatchOutcome<T>> {
      const failed = yield* dryFailures(numbers, (number) => operation(ctx, number, true));
      if (failed.size > 0) return { succeeded: new Map(), failed };
      return yield* wait(real());
    })(),
  );
}
