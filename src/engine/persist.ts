import { lazyDraft, type NumberOperation } from "../domain/events.js";
import { fail, ok, type Result } from "../domain/errors.js";
import { recordPatches } from "../domain/record-patches.js";
import { sameContent, type NumberRecord } from "../domain/record.js";
import { RevisionConflictError, type StoredNumber } from "../ports/repository.js";
import type { EngineContext } from "./context.js";
import { writeOf } from "./unit-of-work.js";

/** Who changes a record and through which operation: what the change's event says. */
export interface Change {
  readonly operation: NumberOperation;
  /** The acting account (`system` for the clean-up, calls and port completion). */
  readonly actor: string;
  /** The store refuses the write if a PORTING request holds the number (a create, §7.1). */
  readonly unlessPorting?: boolean;
}

/** The `database_error` cause of a failed write. */
export function writeFailureCause(thrown: unknown): string {
  return thrown instanceof RevisionConflictError
    ? "conflict"
    : thrown instanceof Error
      ? thrown.message
      : "unknown";
}

/** Commits (or stages, inside a unit of work) the change from `before` to `after` with its event. */
async function write(
  ctx: EngineContext,
  number: string,
  before: StoredNumber | undefined,
  after: NumberRecord | undefined,
  change: Change | undefined,
): Promise<Result<void>> {
  const events =
    change === undefined
      ? []
      : [
          lazyDraft(
            {
              type: "number",
              number,
              operation: change.operation,
              from: before?.record.state ?? null,
              to: after?.state ?? null,
              account_id: change.actor,
              owner_before: before?.record.assignedTo ?? null,
              owner_after: after?.assignedTo ?? null,
              timestamp: ctx.now(),
            },
            () => recordPatches(before?.record, after),
          ),
        ];
  try {
    const written = writeOf(number, after ?? null, before, events);
    await ctx.commitWrite(
      change?.unlessPorting === true ? { ...written, unlessPorting: true } : written,
    );
    return ok(undefined);
  } catch (thrown) {
    return fail({ reason: "database_error", cause: writeFailureCause(thrown) });
  }
}

/**
 * Writes a record conditionally on the revision it was read at, with the change's event.
 * `modified` moves to now only when a field really changed (record.md §5, master); a new record
 * gets created = modified = now.
 */
export async function persist(
  ctx: EngineContext,
  before: StoredNumber | undefined,
  next: NumberRecord,
  change: Change,
): Promise<Result<NumberRecord>> {
  const now = ctx.now();
  let record = next;
  if (before === undefined) {
    record = { ...next, created: now, modified: now };
  } else if (!sameContent(next, before.record)) {
    record = { ...next, modified: now };
  }
  const written = await write(ctx, record.number, before, record, change);
  return written.ok ? ok(record) : written;
}

/** Deletes a stored record conditionally on its revision; `change` undefined emits no event (a purged offer). */
export function removeStored(
  ctx: EngineContext,
  before: StoredNumber,
  change: Change | undefined,
): Promise<Result<void>> {
  return write(ctx, before.record.number, before, undefined, change);
}
