import { SYSTEM } from "../domain/accounts.js";
import type { Result } from "../domain/errors.js";
import { holdHasExpired } from "../domain/holds.js";
import type { NumberRecord } from "../domain/record.js";
import type { StoredNumber } from "../ports/repository.js";
import type { EngineContext } from "./context.js";
import { runTransition, type MoveOutcome } from "./transition.js";
import { run, wait, type Flow } from "./flow.js";

/** True when the stored number is a reservation whose hold has run out at the clock's time. */
export function hasExpiredHold(ctx: EngineContext, stored: StoredNumber | undefined): boolean {
  const record = stored?.record;
  return record?.state === "reserved" && holdHasExpired(record.holdExpires, ctx.now());
}

/** Unwinds a reservation whose hold ran out, as `system` (extensions.md X1). */
export function* expireHold(
  ctx: EngineContext,
  stored: StoredNumber,
  dryRun = false,
): Flow<Result<MoveOutcome>> {
  const owner = stored.record.assignedTo;
  return yield* runTransition(ctx, stored, stored.record, {
    event: "holdExpired",
    operation: "hold_expiry",
    requester: SYSTEM,
    target: undefined,
    accounts: yield* wait(ctx.accountLookup([owner])),
    dryRun,
  });
}

/**
 * Reads a number as an operation loads it: a reservation whose hold has run out is expired
 * first (saved, or only computed in a dry run), and the operation goes on with the number as
 * it now is. An expiry that fails (its carrier refused the disconnect) leaves it as it was.
 */
export function* readCurrent(
  ctx: EngineContext,
  number: string,
  dryRun = false,
): Flow<StoredNumber | undefined> {
  const stored = yield* wait(ctx.read(number));
  if (stored === undefined || !hasExpiredHold(ctx, stored)) return stored;
  const expired = yield* expireHold(ctx, stored, dryRun);
  if (!expired.ok) return stored;
  return dryRun
    ? { record: expired.value.record, revision: stored.revision }
    : yield* wait(ctx.read(number));
}

/**
 * Expires the run-out holds among listed records (each under its number's lock); true when
 * any was expired, so the caller reads its page again.
 */
export async function expireListed(
  ctx: EngineContext,
  records: readonly NumberRecord[],
): Promise<boolean> {
  let changed = false;
  for (const record of records) {
    if (!hasExpiredHold(ctx, { record, revision: 0 })) continue;
    await ctx.lock.run(record.number, () => run(readCurrent(ctx, record.number)));
    changed = true;
  }
  return changed;
}
