import { fail, ok, type Result } from "../domain/errors.js";
import { sameContent, type NumberRecord } from "../domain/record.js";
import { RevisionConflictError, type StoredNumber } from "../ports/repository.js";
import type { EngineContext } from "./context.js";

const describe = (thrown: unknown): string =>
  thrown instanceof RevisionConflictError
    ? "conflict"
    : thrown instanceof Error
      ? thrown.message
      : "unknown";

/**
 * Writes a record conditionally on the revision it was read at. `modified` moves to now only
 * when a field really changed (record.md §5, master); a new record gets created = modified = now.
 */
export async function persist(
  ctx: EngineContext,
  before: StoredNumber | undefined,
  next: NumberRecord,
): Promise<Result<NumberRecord>> {
  const now = ctx.now();
  let record = next;
  if (before === undefined) {
    record = { ...next, created: now, modified: now };
  } else if (!sameContent(next, before.record)) {
    record = { ...next, modified: now };
  }
  try {
    await ctx.deps.repository.put(record, before?.revision ?? null);
    return ok(record);
  } catch (thrown) {
    return fail({ reason: "database_error", cause: describe(thrown) });
  }
}

/** Deletes a stored record conditionally on the revision it was read at. */
export async function removeStored(
  ctx: EngineContext,
  before: StoredNumber,
): Promise<Result<void>> {
  try {
    await ctx.deps.repository.delete(before.record.number, before.revision);
    return ok(undefined);
  } catch (thrown) {
    return fail({ reason: "database_error", cause: describe(thrown) });
  }
}
