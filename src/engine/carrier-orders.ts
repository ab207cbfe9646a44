import { SYSTEM } from "../domain/accounts.js";
import { ok, type Result } from "../domain/errors.js";
import type { NumberRecord } from "../domain/record.js";
import type { LifecycleEventType } from "../machine/lifecycle-machine.js";
import type { StoredNumber } from "../ports/repository.js";
import type { EngineContext } from "./context.js";
import { reconcile } from "./load.js";
import { persist } from "./persist.js";
import { callPort } from "./port-call.js";
import { wait, type Flow } from "./flow.js";
import type { Awaitable } from "../ports/awaitable.js";
import { runTransition } from "./transition.js";

/** What settling a number's pending carrier order did. */
export type OrderSettlement =
  /** The order completed upstream: the move that sent it was finished. */
  | "completed"
  /** The order did not happen upstream: the mark was removed and the number is as it was. */
  | "undone"
  /** The carrier could not say (no answer, no `orderState`): the number stays marked. */
  | "unresolved"
  /** The number has no pending order. */
  | "none";

/** The outcome of `engine.reconcile(number)`: what happened and the record as it now is. */
export interface Reconciliation {
  readonly number: string;
  readonly outcome: OrderSettlement;
  readonly record: NumberRecord | undefined;
}

/** The record without its pending-order mark. */
function unmarked(record: NumberRecord): NumberRecord {
  const rest: { -readonly [K in keyof NumberRecord]?: NumberRecord[K] } = { ...record };
  delete rest.pendingOrder;
  return rest as NumberRecord;
}

/**
 * Asks the number's carrier whether a pending order happened, then finishes the move that sent
 * it (skipping the carrier step that already happened) or removes the mark. A completed acquire
 * whose move the machine now refuses is given back to the carrier. Runs under the caller's lock.
 */
function* settle(ctx: EngineContext, stored: StoredNumber): Flow<OrderSettlement> {
  const order = stored.record.pendingOrder;
  if (order === undefined) return "none";
  const carrier = ctx.carrier(stored.record.carrier);
  if (carrier?.orderState === undefined) return "unresolved";
  const asked = yield* wait(
    callPort(
      ctx.config.port_call_timeout_ms,
      () => carrier.orderState?.(stored.record.number) ?? Promise.resolve("not_held" as const),
    ),
  );
  if (!asked.ok) return "unresolved";
  const happened = (asked.value === "held") === (order.op === "acquire");
  const record = unmarked(stored.record);
  const change = { operation: "reconcile" as const, actor: SYSTEM };
  if (happened) {
    const moved = yield* runTransition(ctx, stored, record, {
      event: order.event as LifecycleEventType,
      operation: "reconcile",
      requester: order.requester,
      target: order.target,
      accounts: yield* wait(ctx.accountLookup([order.requester, order.target, record.assignedTo])),
      resumesOrder: order.op,
    });
    if (moved.ok) return "completed";
    if (order.op === "acquire")
      yield* wait(callPort(ctx.config.port_call_timeout_ms, () => carrier.disconnect(record)));
  }
  const cleared = yield* persist(ctx, stored, record, change);
  return cleared.ok ? "undone" : "unresolved";
}

/** Settles one number's pending carrier order, if it has one (`engine.reconcile`). */
export function reconcileNumber(
  ctx: EngineContext,
  input: string,
): Awaitable<Result<Reconciliation>> {
  const reconciled = reconcile(ctx, input);
  if (!reconciled.ok) return reconciled;
  const number = reconciled.value;
  return ctx.exclusive(number, function* () {
    const stored = yield* wait(ctx.read(number));
    const outcome = stored === undefined ? "none" : yield* settle(ctx, stored);
    const after =
      outcome === "none" || outcome === "unresolved" ? stored : yield* wait(ctx.read(number));
    return ok({ number, outcome, record: after?.record });
  });
}
