import { lazyDraft, type NumberOperation } from "../domain/events.js";
import { fail, ok, type Result } from "../domain/errors.js";
import { recordPatches } from "../domain/record-patches.js";
import { sameContent, type NumberRecord } from "../domain/record.js";
import { RevisionConflictError, type StoredNumber } from "../ports/repository.js";
import type { EngineContext } from "./context.js";
import { wait, type Flow } from "./flow.js";
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
function* write(
  ctx: EngineContext,
  number: string,
  before: StoredNumber | undefined,
  after: NumberRecord | undefined,
  change: Change | undefined,
): Flow<Result<void>> {
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
    const unlessPorting = change?.unlessPorting === true;
    yield* wait(ctx.commitWrite(writeOf(number, after ?? null, before, events, unlessPorting)));
    return ok(undefined);
  } catch (thrown) {
    return fail({ reason: "database_error", cause: writeFailureCause(thrown) });
  }
}

/**
 * The times a write gives `next`: a new record is created and modified `now`; a changed one is
 * modified `now`; an unchanged one keeps its times (record.md §5, master).
 */
export function writeTimes(
  next: NumberRecord,
  before: NumberRecord | undefined,
  now: number,
): Pick<NumberRecord, "created" | "modified"> {
  if (before === undefined) return { created: now, modified: now };
  const changed = next.modified === now || !sameContent(next, before);
  return { created: next.created, modified: changed ? now : next.modified };
}

/**
 * Writes a record conditionally on the revision it was read at, with the change's event.
 * `modified` moves to now only when a field really changed (record.md §5, master); a new record
 * gets created = modified = now.
 */
export function* persist(
  ctx: EngineContext,
  before: StoredNumber | undefined,
  next: NumberRecord,
  change: Change,
): Flow<Result<NumberRecord>> {
  const times = writeTimes(next, before?.record, ctx.now());
  const record =
    times.created === next.created && times.modified === next.modified
      ? next
      : { ...next, ...times };
  const written = yield* write(ctx, record.number, before, record, change);
  return written.ok ? ok(record) : written;
}

/** Deletes a stored record conditionally on its revision; `change` undefined emits no event (a purged offer). */
export function removeStored(
  ctx: EngineContext,
  before: StoredNumber,
  change: Change | undefined,
): Flow<Result<void>> {
  return write(ctx, before.record.number, before, undefined, change);
}
