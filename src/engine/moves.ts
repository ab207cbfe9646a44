import { SYSTEM } from "../domain/accounts.js";
import { isSuperduperAdmin } from "../domain/accounts.js";
import { fail, ok, type Result } from "../domain/errors.js";
import { checkHoldFor } from "../domain/holds.js";
import { LOCAL_CARRIER, type NumberRecord } from "../domain/record.js";
import type { NumberOperation } from "../domain/events.js";
import type { LifecycleEventType } from "../machine/lifecycle-machine.js";
import type { EngineContext } from "./context.js";
import { readCurrent } from "./hold-expiry.js";
import { loadForRequester, reconcile } from "./load.js";
import { runTransition } from "./transition.js";
import { wait, type Flow } from "./flow.js";
import type { Awaitable } from "../ports/awaitable.js";

/** Move a number to an account: reserve or activate (`PUT …/{N}/reserve`, `…/activate`). */
export interface MoveToAccountRequest {
  readonly number: string;
  /** The URL account: the target. */
  readonly account: string;
  readonly requester: string;
  readonly dryRun?: boolean | undefined;
  /** Reserve only: seconds the reservation holds before it expires (`hold_for`, extensions.md X1). */
  readonly holdFor?: number | undefined;
}

/** Release a number (`DELETE …/{N}`), or hard-delete it when `hard` and the requester is the admin. */
export interface ReleaseRequest {
  readonly number: string;
  readonly requester: string;
  /** `?hard=true`: honored only for the super-duper admin (states.md §8). */
  readonly hard?: boolean | undefined;
}

/** One move of a loaded number: who asks, for whom, which event, and the request's options. */
interface LoadedMove {
  readonly input: string;
  readonly requester: string;
  readonly target: string | undefined;
  readonly event: LifecycleEventType;
  /** A release asked `hard`: it becomes a hard delete when the requester is the admin or system. */
  readonly hard?: boolean;
  readonly dryRun: boolean;
  readonly holdFor?: number | undefined;
}

/** A move of one number: normalized, then run under its lock (see {@link moveFlow}). */
function moveLoaded(ctx: EngineContext, move: LoadedMove): Awaitable<Result<NumberRecord>> {
  const reconciled = reconcile(ctx, move.input);
  if (!reconciled.ok) return reconciled;
  return ctx.exclusive(reconciled.value, () => moveFlow(ctx, move));
}

/** One attempt at a move under the number's lock: load, decide, run the transition. */
function* moveFlow(ctx: EngineContext, move: LoadedMove): Flow<Result<NumberRecord>> {
  const { input, requester, target, event, dryRun } = move;
  const loaded = yield* loadForRequester(ctx, input, requester, target, dryRun);
  if (!loaded.ok) return loaded;
  const { stored, accounts } = loaded.value;
  const chosen =
    move.hard === true && (isSuperduperAdmin(accounts, requester) || requester === SYSTEM)
      ? "hardDelete"
      : event;
  const moved = yield* runTransition(ctx, stored, stored.record, {
    event: chosen,
    operation: chosen === "hardDelete" ? "delete" : (chosen as NumberOperation),
    requester,
    target,
    accounts,
    dryRun,
    holdFor: move.holdFor,
  });
  return moved.ok ? ok(moved.value.record) : moved;
}

/**
 * Reserve (states.md §5, E1-E4): the number becomes `reserved` for the URL account, held for
 * `holdFor` seconds (or the `reservation_hold_s` setting) when one applies (extensions.md X1).
 */
export function reserveNumber(
  ctx: EngineContext,
  request: MoveToAccountRequest,
): Awaitable<Result<NumberRecord>> {
  const invalid = checkHoldFor(request.holdFor);
  if (invalid !== undefined) return fail(invalid);
  return moveLoaded(ctx, {
    input: request.number,
    requester: request.requester,
    target: request.account,
    event: "reserve",
    dryRun: request.dryRun === true,
    holdFor: request.holdFor,
  });
}

/** Activate (states.md §5, E5-E10): the number goes `in_service` for the URL account. */
export function activateNumber(
  ctx: EngineContext,
  request: MoveToAccountRequest,
): Awaitable<Result<NumberRecord>> {
  const result = moveLoaded(ctx, {
    input: request.number,
    requester: request.requester,
    target: request.account,
    event: "activate",
    dryRun: request.dryRun === true,
  });
  return result instanceof Promise ? result.then(offeredOnly) : offeredOnly(result);
}

/** decisions.md D2: a number nobody offered has nothing to buy from. */
function offeredOnly(result: Result<NumberRecord>): Result<NumberRecord> {
  return !result.ok && result.error.reason === "not_found"
    ? fail({ reason: "missing_provider_url" })
    : result;
}

/** Release or hard delete (states.md §7, §8; decisions.md D10). */
export function releaseNumber(
  ctx: EngineContext,
  request: ReleaseRequest,
): Awaitable<Result<NumberRecord>> {
  return moveLoaded(ctx, {
    input: request.number,
    requester: request.requester,
    target: undefined,
    event: "release",
    hard: request.hard === true,
    dryRun: false,
  });
}

/**
 * An inbound call (states.md §10): a `port_in` number completes its port and goes `in_service`
 * for its owner, as `system`, on the local carrier with `ported_in` set. Any other state, or
 * no record, changes nothing.
 */
export function inboundCall(
  ctx: EngineContext,
  number: string,
): Awaitable<Result<NumberRecord | undefined>> {
  const reconciled = reconcile(ctx, number);
  if (!reconciled.ok) return reconciled;
  return ctx.exclusive(reconciled.value, function* () {
    const stored = yield* readCurrent(ctx, reconciled.value);
    if (stored === undefined || stored.record.state !== "port_in") return ok(stored?.record);
    const record = stored.record;
    const moved = yield* runTransition(ctx, stored, record, {
      // A completed port lands on the local carrier, flagged ported in (states.md §10).
      sets: { portedIn: true, carrier: LOCAL_CARRIER },
      event: "activate",
      operation: "inbound_call",
      requester: SYSTEM,
      target: record.assignedTo,
      accounts: yield* wait(ctx.accountLookup([record.assignedTo])),
    });
    return moved.ok ? ok(moved.value.record) : moved;
  });
}
