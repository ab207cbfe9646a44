import { errorObject } from "../domain/errors.js";
import { errorJson } from "./error-mapping.js";
import { failure, type Reply } from "./reply.js";

/**
 * A store call the HTTP layer makes itself (the token lookup, the account gate, an idempotency
 * key's claim, keep or release) that failed: answered like an operation's failing store, as
 * `database_error` with the store's message, not as a bare 500.
 */
export class StoreCallError extends Error {
  /** Wraps what the store threw. */
  constructor(thrown: unknown) {
    super(thrown instanceof Error ? thrown.message : String(thrown), { cause: thrown });
    this.name = "StoreCallError";
  }
}

/** Runs a store call, turning its failure into a StoreCallError. */
export async function storeCall<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (thrown) {
    throw thrown instanceof StoreCallError ? thrown : new StoreCallError(thrown);
  }
}

/** The answer to a failed store call: 500 with the catalogue's `database_error` object. */
export function storeFailure(error: StoreCallError): Reply {
  const object = errorObject({ reason: "database_error", cause: error.message });
  return failure(object.code, object.error, errorJson(object));
}
