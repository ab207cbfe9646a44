import { SYSTEM } from "../domain/accounts.js";
import { SECONDS_PER_DAY } from "../domain/time.js";
import { NUMBER_STATES, type NumberState } from "../domain/states.js";
import type { NumberRecord } from "../domain/record.js";
import type { StoredNumber } from "../ports/repository.js";
import type { EngineContext } from "./context.js";
import { holdHasExpired } from "../domain/holds.js";
import { reconcileNumber } from "./carrier-orders.js";
import { expireHold, hasExpiredHold } from "./hold-expiry.js";
import { removeStored, type Change } from "./persist.js";
import { runTransition } from "./transition.js";
import { sweepPortRequests } from "./port-requests/hooks.js";
import { run } from "./flow.js";
import { recordsInState } from "./scan.js";

/** What one sweep did, number by number. */
export interface SweepReport {
  readonly purged: readonly string[];
  readonly agedOut: readonly string[];
  /** Reservations whose timed hold ran out and was unwound (extensions.md X1). */
  readonly expiredHolds: readonly string[];
  /** How many idempotency keys were forgotten: answers past their time, abandoned claims (X2). */
  readonly purgedKeys: number;
  /** Numbers whose carrier order answered too late and is now settled (completed or undone). */
  readonly settledOrders: readonly string[];
  /** How many events left the outbox, older than `event_retention_d` days (docs/events.md). */
  readonly prunedEvents: number;
  readonly failed: readonly string[];
  /** Port requests deleted by the clean-up (port-requests.md §11). */
  readonly deletedPortRequests: number;
  /** `unconfirmed` port requests reminded of. */
  readonly portReminders: number;
}

/** A purged offer emits nothing (conformance/FORMAT.md); a purged deleted record does. */
const SWEPT: Change = { operation: "sweep", actor: SYSTEM };

/** Rows read per page while sweeping, so a large store is never loaded at once. */
const SWEEP_PAGE = 500;

/** Every record in a state, in number order, a page at a time. */
const eachInState = (ctx: EngineContext, state: NumberState): AsyncGenerator<NumberRecord> =>
  recordsInState(ctx.deps.repository, state, SWEEP_PAGE);

const expired = (modified: number, days: number, now: number): boolean =>
  modified + days * SECONDS_PER_DAY < now;

/**
 * Re-reads a record under its lock and acts only if it is still in the swept state; undefined
 * when there was nothing left to do, else whether the action succeeded.
 */
async function underLock(
  ctx: EngineContext,
  number: string,
  state: NumberState,
  act: (stored: StoredNumber) => Promise<boolean | undefined>,
): Promise<boolean | undefined> {
  return ctx.lock.run(number, async () => {
    const stored = await ctx.read(number);
    return stored?.record.state === state ? act(stored) : undefined;
  });
}

/**
 * The periodic clean-up (states.md §9, decisions.md D6): purges `discovery` and `deleted`
 * records and returns `aging` numbers to `available`, each once more than its expiry in days
 * has passed since `modified`; then unwinds reservations whose timed hold ran out (X1) (an
 * expiry whose disconnect fails stays reserved and held, for the next sweep), forgets old
 * idempotency keys, settles carrier orders that answered too late, and prunes the outbox of
 * events older than `event_retention_d` days.
 */
export async function sweep(ctx: EngineContext): Promise<SweepReport> {
  const now = ctx.now();
  const purged: string[] = [];
  const agedOut: string[] = [];
  const failed: string[] = [];
  const purgeable: [NumberState, number][] = [
    ["discovery", ctx.config.discovery_expiry_d],
    ["deleted", ctx.config.deleted_expiry_d],
  ];
  for (const [state, days] of purgeable) {
    for await (const record of eachInState(ctx, state)) {
      if (!expired(record.modified, days, now)) continue;
      const done = await underLock(ctx, record.number, state, async (stored) =>
        expired(stored.record.modified, days, now)
          ? (await run(removeStored(ctx, stored, state === "deleted" ? SWEPT : undefined))).ok
          : undefined,
      );
      if (done !== undefined) (done ? purged : failed).push(record.number);
    }
  }
  for await (const record of eachInState(ctx, "aging")) {
    if (!expired(record.modified, ctx.config.aging_expiry_d, now)) continue;
    const done = await underLock(ctx, record.number, "aging", async (stored) => {
      const moved = await run(
        runTransition(ctx, stored, stored.record, {
          event: "agingExpired",
          operation: "sweep",
          requester: SYSTEM,
          accounts: () => undefined,
        }),
      );
      return moved.ok;
    });
    if (done !== undefined) (done ? agedOut : failed).push(record.number);
  }
  const expiredHolds: string[] = [];
  for await (const record of eachInState(ctx, "reserved")) {
    if (!holdHasExpired(record.holdExpires, now)) continue;
    const done = await underLock(ctx, record.number, "reserved", async (stored) =>
      hasExpiredHold(ctx, stored) ? (await run(expireHold(ctx, stored))).ok : undefined,
    );
    if (done !== undefined) (done ? expiredHolds : failed).push(record.number);
  }
  const purgedKeys = await ctx.deps.repository.purgeKeys(now);
  const settledOrders: string[] = [];
  for (const state of NUMBER_STATES) {
    for await (const record of eachInState(ctx, state)) {
      if (record.pendingOrder === undefined) continue;
      const settled = await reconcileNumber(ctx, record.number);
      const outcome = settled.ok ? settled.value.outcome : "unresolved";
      if (outcome === "completed" || outcome === "undone") settledOrders.push(record.number);
      else if (outcome === "unresolved") failed.push(record.number);
    }
  }
  const ports = await sweepPortRequests(ctx);
  const prunedEvents = await ctx.deps.repository.pruneEvents(
    now - ctx.config.event_retention_d * SECONDS_PER_DAY,
  );
  return {
    purged,
    agedOut,
    expiredHolds,
    purgedKeys,
    settledOrders,
    prunedEvents,
    failed,
    ...ports,
  };
}
