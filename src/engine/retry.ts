import type { Result } from "../domain/errors.js";

const isConflict = <T>(result: Result<T>): boolean =>
  !result.ok && result.error.reason === "database_error" && result.error.cause === "conflict";

/**
 * Re-runs an operation whose SAVE lost a revision race to another writer, so that it decides
 * again on the record as it now is: the loser then gets the real refusal (or succeeds if the
 * move is still allowed) instead of a bare conflict. Bounded; the last answer is returned.
 */
export async function retryOnConflict<T>(
  attempt: () => Promise<Result<T>>,
  attempts = 3,
): Promise<Result<T>> {
  let result = await attempt();
  for (let i = 1; i < attempts && isConflict(result); i++) result = await attempt();
  return result;
}
