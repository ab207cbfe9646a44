import { Immer, current } from "immer";
import type { AccountLookup } from "../domain/accounts.js";
import { fail, invalidTransition, ok, type NumberError, type Result } from "../domain/errors.js";
import { LOCAL_CARRIER, type NumberRecord, type PendingOrder } from "../domain/record.js";
import { unwoundHistory, type TransitionFacts } from "../machine/guards.js";
import { EVENT_TARGETS, type LifecycleEventType } from "../machine/lifecycle-machine.js";
import { decide, type Step } from "../machine/transition-table.js";
import type { AcquireResult } from "../ports/carrier.js";
import type { StoredNumber } from "../ports/repository.js";
import { jsonEqual, type JsonObject } from "../domain/json.js";
import type { NumberOperation } from "../domain/events.js";
import type { EngineContext } from "./context.js";
import { recomputeFeatures, runDeleteHooks, type FeatureDraft } from "./features.js";
import { persist, removeStored, type Change } from "./persist.js";
import { callPort } from "./port-call.js";

/** Who moves a number where: the operation, the requester, the target and their accounts. */
export interface MoveRequest {
  readonly event: LifecycleEventType;
  /** The operation the change's event names. */
  readonly operation: NumberOperation;
  readonly requester: string;
  readonly target?: string | undefined;
  readonly accounts: AccountLookup;
  /** Validate and authorize only: no port calls, nothing written. */
  readonly dryRun?: boolean;
  /** Set when settling a pending order that did complete upstream: its carrier step is skipped. */
  readonly resumesOrder?: PendingOrder["op"] | undefined;
  /** The hold a reserve asks for, in seconds (`hold_for`, extensions.md X1). */
  readonly holdFor?: number | undefined;
  /** A create of a number with no record: its commit fails if a PORTING request holds the number (§7.1). */
  readonly unlessPorting?: boolean;
  /** Fields the move itself sets once the machine allowed it (e.g. a completed port's carrier). */
  readonly sets?: Partial<Pick<NumberRecord, "carrier" | "portedIn">>;
}

/** The result of a move: the record as saved (or as it was when removed). */
export interface MoveOutcome {
  readonly record: NumberRecord;
  readonly removed: boolean;
}

/** A record under change: NumberRecord with its fields writable (an immer draft). */
type RecordDraft = {
  -readonly [K in keyof NumberRecord]: NumberRecord[K] extends readonly string[]
    ? string[]
    : NumberRecord[K] extends Readonly<JsonObject>
      ? JsonObject
      : NumberRecord[K];
};

/**
 * The engine's own immer. Auto-freeze stays on: a frozen subtree is one that the next move's
 * finalization skips at once, which costs less than walking it again. Iteration is over
 * enumerable keys only (records hold no symbols or hidden fields).
 */
const immer = new Immer({ autoFreeze: true, useStrictIteration: false });

const finish = (draft: RecordDraft): NumberRecord => immer.finishDraft(draft as never);

/**
 * A field's value as the draft now holds it, without drafting it: reading an object field of a
 * draft the usual way wraps it in a nested draft (a proxy now, a finalization pass later), which
 * is wasted on a field the move only reads or replaces whole.
 */
function peek<K extends keyof RecordDraft>(draft: RecordDraft, key: K): RecordDraft[K] {
  return Reflect.getOwnPropertyDescriptor(draft, key)?.value as RecordDraft[K];
}

/**
 * Runs feature work on plain copies of the draft's `features` and `public`, then puts back only
 * what changed, so a move that leaves them alone drafts neither.
 */
async function onFeatures<T>(
  draft: RecordDraft,
  work: (view: FeatureDraft) => Promise<T>,
): Promise<T> {
  const features = peek(draft, "features");
  const fields = peek(draft, "public");
  const owner = draft.assignedTo;
  const view: FeatureDraft = {
    number: draft.number,
    state: draft.state,
    carrier: draft.carrier,
    ...(owner === undefined ? {} : { assignedTo: owner }),
    features: { ...features },
    public: { ...fields },
  };
  const result = await work(view);
  if (!jsonEqual(view.features, features)) draft.features = view.features;
  if (!jsonEqual(view.public, fields)) draft.public = view.public;
  return result;
}

const change = (request: MoveRequest): Change => ({
  operation: request.operation,
  actor: request.requester,
  ...(request.unlessPorting === true ? { unlessPorting: true } : {}),
});

/** The facts the machine's guards read for this record and request. */
function transitionFacts(
  ctx: EngineContext,
  record: NumberRecord,
  request: MoveRequest,
): TransitionFacts {
  return {
    accounts: request.accounts,
    requester: request.requester,
    target: request.target,
    owner: record.assignedTo,
    state: record.state,
    carrier: record.carrier,
    reserveHistory: record.reserveHistory,
    now: ctx.now(),
    holdExpires: record.holdExpires,
    holdFor: request.holdFor,
    config: ctx.config,
  };
}

/** MOVE(S) ownership rule (states.md §4), clearing `used_by` on an ownership change (§11 note 7). */
function moveOwnership(draft: RecordDraft, target: string | undefined): void {
  const owner = draft.assignedTo;
  if (owner === target) return;
  if (owner !== undefined && target !== undefined) draft.prevAssignedTo = owner;
  if (target === undefined) delete draft.assignedTo;
  else draft.assignedTo = target;
  delete draft.usedBy;
}

/** Why a step aborted a move, and the carrier order it left uncertain if it missed its deadline. */
interface StepFailure {
  readonly error: NumberError;
  readonly uncertain?: PendingOrder["op"];
}

/** Asks the record's carrier to acquire or disconnect it; an unknown module is a no-op disconnect. */
async function carrierCall(
  ctx: EngineContext,
  draft: RecordDraft,
  op: PendingOrder["op"],
): Promise<StepFailure | undefined> {
  const carrier = ctx.carrier(draft.carrier);
  if (carrier === undefined)
    return op === "acquire" ? { error: { reason: "carrier_not_specified" } } : undefined;
  const snapshot = current(draft as never) as NumberRecord;
  // No .then() on the call: an in-process carrier's settled promise is then taken at once.
  const outcome = await callPort<AcquireResult | void>(ctx.config.port_call_timeout_ms, () =>
    op === "acquire" ? carrier.acquire(snapshot) : carrier.disconnect(snapshot),
  );
  if (!outcome.ok) {
    const error = outcome.error ?? {
      reason: "by_carrier",
      number: draft.number,
      message: outcome.message,
    };
    return outcome.timedOut === true ? { error, uncertain: op } : { error };
  }
  const { carrierData, features } = outcome.value ?? {};
  if (carrierData !== undefined) draft.carrierData = { ...carrierData };
  if (features !== undefined) draft.features = { ...peek(draft, "features"), ...features };
  return undefined;
}

/**
 * Runs one non-final step on the draft; returns a failure to abort the move. Steps that call
 * no port answer synchronously (no promise, no microtask): most moves have only those.
 */
function runStep(
  ctx: EngineContext,
  step: Step,
  draft: RecordDraft,
  request: MoveRequest,
): StepFailure | undefined | Promise<StepFailure | undefined> {
  // A dry run calls no carrier; neither does settling an order that completed upstream.
  const dryRun = request.dryRun === true;
  const resumes = request.resumesOrder;
  switch (step.name) {
    case "pushHistory": {
      const history = peek(draft, "reserveHistory");
      if (request.target !== undefined && history[0] !== request.target) {
        draft.reserveHistory = [request.target, ...history];
      }
      return undefined;
    }
    // Moving, setting a state and unwinding all leave a reservation's hold behind (X1).
    case "move":
      moveOwnership(draft, request.target);
      if (step.state !== undefined) draft.state = step.state;
      delete draft.holdExpires;
      return undefined;
    case "setState":
      if (step.state !== undefined) draft.state = step.state;
      delete draft.holdExpires;
      return undefined;
    case "hold": {
      const seconds = request.holdFor ?? ctx.config.reservation_hold_s;
      if (seconds === null) delete draft.holdExpires;
      else draft.holdExpires = ctx.now() + seconds;
      return undefined;
    }
    case "acquire":
      return !dryRun && resumes !== "acquire" ? carrierCall(ctx, draft, "acquire") : undefined;
    case "disconnect":
      return !dryRun && resumes !== "disconnect"
        ? carrierCall(ctx, draft, "disconnect")
        : undefined;
    case "disconnectBestEffort":
      return !dryRun && resumes !== "disconnect"
        ? carrierCall(ctx, draft, "disconnect").then(() => undefined)
        : undefined;
    case "runDeleteHooks":
      return onFeatures(draft, (view) => runDeleteHooks(ctx, view, dryRun)).then(() => undefined);
    case "strip":
      draft.features = draft.carrier === LOCAL_CARRIER ? { local: {} } : {};
      draft.public = {};
      delete draft.usedBy;
      return undefined;
    case "unwindHistory": {
      const releaser = draft.assignedTo;
      const history = unwoundHistory(peek(draft, "reserveHistory"), releaser);
      draft.reserveHistory = history;
      if (releaser !== undefined) draft.prevAssignedTo = releaser;
      if (history[0] === undefined) delete draft.assignedTo;
      else draft.assignedTo = history[0];
      delete draft.holdExpires;
      return undefined;
    }
    case "save":
    case "remove":
      return undefined;
  }
}

/**
 * Keeps the record as it was before the move, marked with the order that missed its deadline,
 * so the number cannot be sold again before the carrier is asked (carrier-orders.ts). The
 * move's answer stays the carrier fault; a failure to write the mark is reported by that answer.
 */
async function markPendingOrder(
  ctx: EngineContext,
  stored: StoredNumber | undefined,
  record: NumberRecord,
  request: MoveRequest,
  op: PendingOrder["op"],
): Promise<void> {
  const pendingOrder: PendingOrder = {
    op,
    event: request.event,
    operation: request.operation,
    requester: request.requester,
    ...(request.target === undefined ? {} : { target: request.target }),
    since: ctx.now(),
  };
  await persist(ctx, stored, { ...(stored?.record ?? record), pendingOrder }, change(request));
}

/**
 * Runs the lifecycle machine's decision for one record: the guards pick the transition, its
 * steps run in order on an immer draft, and the final SAVE or remove persists it. Any failing
 * step aborts the move with nothing written. `stored` is undefined for a record being created.
 */
export async function runTransition(
  ctx: EngineContext,
  stored: StoredNumber | undefined,
  record: NumberRecord,
  request: MoveRequest,
): Promise<Result<MoveOutcome>> {
  // Until the carrier says what became of an order that answered too late, nothing moves.
  if (record.pendingOrder !== undefined)
    return fail({ reason: "carrier_order_pending", number: record.number });
  const facts = transitionFacts(ctx, record, request);
  const decision = decide(record.state, request.event, facts, ctx.transitions);
  if (decision.kind === "invalid") return fail(invalidTransition(decision.from, decision.to));
  if (decision.kind === "reject") {
    if (decision.reason !== "invalid_state_transition") return fail({ reason: decision.reason });
    const cause = decision.cause ?? `from ${record.state} to ${EVENT_TARGETS[request.event]}`;
    return fail({ reason: "invalid_state_transition", cause });
  }
  const draft = immer.createDraft(record) as unknown as RecordDraft;
  Object.assign(draft, request.sets);
  const dryRun = request.dryRun === true;
  for (const step of decision.steps) {
    const ran = runStep(ctx, step, draft, request);
    const failure = ran instanceof Promise ? await ran : ran;
    if (failure !== undefined) {
      if (failure.uncertain !== undefined)
        await markPendingOrder(ctx, stored, record, request, failure.uncertain);
      return fail(failure.error);
    }
    if (step.name === "remove") {
      const finished = finish(draft);
      if (!dryRun && stored !== undefined) {
        const removed = await removeStored(ctx, stored, change(request));
        if (!removed.ok) return removed;
      }
      return ok({ record: { ...finished, state: "deleted" }, removed: true });
    }
    if (step.name === "save") {
      const featureError = await onFeatures(draft, (view) =>
        recomputeFeatures(ctx, view, dryRun, request.accounts),
      );
      if (featureError !== undefined) return fail(featureError);
      const next = finish(draft);
      if (dryRun) return ok({ record: next, removed: false });
      const saved = await persist(ctx, stored, next, change(request));
      return saved.ok ? ok({ record: saved.value, removed: false }) : saved;
    }
  }
  return ok({ record: finish(draft), removed: false });
}
