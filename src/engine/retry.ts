import type { Result } from "../domain/errors.js";
import type { Flow } from "./flow.js";

const isConflict = <T>(result: Result<T>): boolean =>
  !result.ok && result.error.reason === "database_error" && result.error.cause === "conflict";

/**
 * Re-runs an operation whose SAVE lost a revision race to another writer, so that it decides
 * again on the record as it now is: the loser then gets the real refusal (or succeeds if the
 * move is still allowed) instead of a bare conflict. Bounded; the last answer is returned.
 */
export function* retryOnConflict<T>(attempt: () => Flow<Result<T>>, attempts = 3): Flow<Result<T>> {
  let result = yield* attempt();
  for (let i = 1; i < attempts && isConflict(result); i++) result = yield* attempt();
  return result;
}
