import type { NumberError, Result } from "../domain/errors.js";
import type { NumberRecord } from "../domain/record.js";

/** A bulk operation's outcome: each number (keyed as given) succeeded or failed. */
export interface BatchOutcome<T = NumberRecord> {
  readonly succeeded: ReadonlyMap<string, T>;
  readonly failed: ReadonlyMap<string, NumberError>;
}

/** Runs one operation per number, sequentially in request order (collections.md §2, §5). */
export async function runEach<T>(
  numbers: readonly string[],
  operation: (number: string) => Promise<Result<T>>,
): Promise<BatchOutcome<T>> {
  const succeeded = new Map<string, T>();
  const failed = new Map<string, NumberError>();
  for (const number of numbers) {
    const result = await operation(number);
    if (result.ok) succeeded.set(number, result.value);
    else failed.set(number, result.error);
  }
  return { succeeded, failed };
}

/**
 * Seed's dry-run-first protocol for bulk create and activate (collections.md §3.1): a dry pass
 * validates and authorizes every number; any failure there is returned with nothing committed.
 * Otherwise the real pass runs, and only its failures (carrier, datastore) are reported. With
 * `accept_charges` the dry pass is skipped, so the numbers that succeed are committed.
 */
export async function runDryThenReal<T>(
  numbers: readonly string[],
  operation: (number: string, dryRun: boolean) => Promise<Result<T>>,
  chargesAccepted = false,
): Promise<BatchOutcome<T>> {
  // A client that accepted the charges skips the dry pass: each number runs for real.
  if (chargesAccepted) return runEach(numbers, (number) => operation(number, false));
  const dry = await runEach(numbers, (number) => operation(number, true));
  if (dry.failed.size > 0) return { succeeded: new Map(), failed: dry.failed };
  return runEach(numbers, (number) => operation(number, false));
}
