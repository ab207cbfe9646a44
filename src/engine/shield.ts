import { fail, type Result } from "../domain/errors.js";
import type { Awaitable } from "../ports/awaitable.js";

/** The answer to an operation whose own port (the repository, the account directory) failed. */
function storeFailure(thrown: unknown): Result<never> {
  return fail({
    reason: "database_error",
    cause: thrown instanceof Error ? thrown.message : String(thrown),
  });
}

/**
 * Runs an operation so that a failing port of our own (the repository or the account
 * directory throwing) is answered as `database_error` instead of escaping as an exception;
 * synchronous when the operation is (one number of a collection pass).
 */
export function shielded<T>(operation: () => Awaitable<Result<T>>): Awaitable<Result<T>> {
  try {
    const answer = operation();
    return answer instanceof Promise ? answer.catch(storeFailure) : answer;
  } catch (thrown) {
    return storeFailure(thrown);
  }
}

/** {@link shielded}, answered as a promise (the engine's public single-number operations). */
export function guarded<T>(operation: () => Awaitable<Result<T>>): Promise<Result<T>> {
  const answer = shielded(operation);
  return answer instanceof Promise ? answer : Promise.resolve(answer);
}
