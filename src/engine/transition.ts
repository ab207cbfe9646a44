import type { AccountLookup } from "../domain/accounts.js";
import { fail, invalidTransition, ok, type NumberError, type Result } from "../domain/errors.js";
import { LOCAL_CARRIER, type NumberRecord, type PendingOrder } from "../domain/record.js";
import { unwoundHistory, type TransitionFacts } from "../machine/guards.js";
import { EVENT_TARGETS, type LifecycleEventType } from "../machine/lifecycle-machine.js";
import { decide, type Step } from "../machine/transition-table.js";
import type { AcquireResult } from "../ports/carrier.js";
import type { StoredNumber } from "../ports/repository.js";
import { jsonEqual } from "../domain/json.js";
import type { NumberOperation } from "../domain/events.js";
import type { EngineContext } from "./context.js";
import {
  featuresAtRest,
  recomputeFeatures,
  runDeleteHooks,
  type FeatureDraft,
} from "./features.js";
import { persist, removeStored, writeTimes, type Change } from "./persist.js";
import { callPort } from "./port-call.js";
import { wait, type Flow } from "./flow.js";
import { RecordEdit } from "./record-edit.js";

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

/**
 * Runs feature work on plain copies of the record's `features` and `public`, then puts back only
 * what changed, so a move that leaves them alone drafts neither.
 */
function* onFeatures<T>(edit: RecordEdit, work: (view: FeatureDraft) => Flow<T>): Flow<T> {
  const { features, public: fields, assignedTo: owner } = edit.now;
  const view: FeatureDraft = {
    number: edit.now.number,
    state: edit.now.state,
    carrier: edit.now.carrier,
    ...(owner === undefined ? {} : { assignedTo: owner }),
    features: { ...features },
    public: { ...fields },
  };
  const result = yield* work(view);
  if (!jsonEqual(view.features, features)) edit.set("features", view.features);
  if (!jsonEqual(view.public, fields)) edit.set("public", view.public);
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
function moveOwnership(edit: RecordEdit, target: string | undefined): void {
  const owner = edit.now.assignedTo;
  if (owner === target) return;
  if (owner !== undefined && target !== undefined) edit.set("prevAssignedTo", owner);
  if (target === undefined) edit.unset("assignedTo");
  else edit.set("assignedTo", target);
  edit.unset("usedBy");
}

/** Why a step aborted a move, and the carrier order it left uncertain if it missed its deadline. */
interface StepFailure {
  readonly error: NumberError;
  readonly uncertain?: PendingOrder["op"];
}

/** Asks the record's carrier to acquire or disconnect it; an unknown module is a no-op disconnect. */
function* carrierCall(
  ctx: EngineContext,
  edit: RecordEdit,
  op: PendingOrder["op"],
): Flow<StepFailure | undefined> {
  const carrier = ctx.carrier(edit.now.carrier);
  if (carrier === undefined)
    return op === "acquire" ? { error: { reason: "carrier_not_specified" } } : undefined;
  const snapshot = edit.snapshot();
  const outcome = yield* wait(
    callPort<AcquireResult | void>(ctx.config.port_call_timeout_ms, () =>
      op === "acquire" ? carrier.acquire(snapshot) : carrier.disconnect(snapshot),
    ),
  );
  if (!outcome.ok) {
    const error = outcome.error ?? {
      reason: "by_carrier",
      number: edit.now.number,
      message: outcome.message,
    };
    return outcome.timedOut === true ? { error, uncertain: op } : { error };
  }
  const { carrierData, features } = outcome.value ?? {};
  if (carrierData !== undefined) edit.set("carrierData", { ...carrierData });
  if (features !== undefined) edit.set("features", { ...edit.now.features, ...features });
  return undefined;
}

/** The steps that call a port (a carrier, or the providers' delete hooks). */
const PORT_STEPS: ReadonlySet<Step["name"]> = new Set([
  "acquire",
  "disconnect",
  "disconnectBestEffort",
  "runDeleteHooks",
]);

/**
 * Runs one step that calls a port; returns a failure to abort the move. A dry run calls no
 * carrier; neither does settling an order that completed upstream.
 */
function* portStep(
  ctx: EngineContext,
  step: Step,
  edit: RecordEdit,
  request: MoveRequest,
): Flow<StepFailure | undefined> {
  const dryRun = request.dryRun === true;
  const resumes = request.resumesOrder;
  switch (step.name) {
    case "acquire":
      return !dryRun && resumes !== "acquire"
        ? yield* carrierCall(ctx, edit, "acquire")
        : undefined;
    case "disconnect":
      return !dryRun && resumes !== "disconnect"
        ? yield* carrierCall(ctx, edit, "disconnect")
        : undefined;
    case "disconnectBestEffort":
      if (!dryRun && resumes !== "disconnect") yield* carrierCall(ctx, edit, "disconnect");
      return undefined;
    default:
      // The delete hooks only remove features: a record with none but `local` has nothing to remove.
      if (!featuresAtRest(edit.now))
        yield* onFeatures(edit, (view) => runDeleteHooks(ctx, view, dryRun));
      return undefined;
  }
}

/** Runs one step that calls no port on the record (the final SAVE and remove do nothing here). */
function runStep(ctx: EngineContext, step: Step, edit: RecordEdit, request: MoveRequest): void {
  switch (step.name) {
    case "pushHistory": {
      const history = edit.now.reserveHistory;
      if (request.target !== undefined && history[0] !== request.target) {
        edit.set("reserveHistory", [request.target, ...history]);
      }
      return;
    }
    // Moving, setting a state and unwinding all leave a reservation's hold behind (X1).
    case "move":
      moveOwnership(edit, request.target);
      if (step.state !== undefined) edit.set("state", step.state);
      edit.unset("holdExpires");
      return;
    case "setState":
      if (step.state !== undefined) edit.set("state", step.state);
      edit.unset("holdExpires");
      return;
    case "hold": {
      const seconds = request.holdFor ?? ctx.config.reservation_hold_s;
      if (seconds === null) edit.unset("holdExpires");
      else edit.set("holdExpires", ctx.now() + seconds);
      return;
    }
    case "strip": {
      // Equal values are left in place: a replaced field is one more for finalization to walk.
      const features = edit.now.carrier === LOCAL_CARRIER ? { local: {} } : {};
      if (!jsonEqual(edit.now.features, features)) edit.set("features", features);
      if (!jsonEqual(edit.now.public, {})) edit.set("public", {});
      edit.unset("usedBy");
      return;
    }
    case "unwindHistory": {
      const releaser = edit.now.assignedTo;
      const history = unwoundHistory(edit.now.reserveHistory, releaser);
      edit.set("reserveHistory", history);
      if (releaser !== undefined) edit.set("prevAssignedTo", releaser);
      if (history[0] === undefined) edit.unset("assignedTo");
      else edit.set("assignedTo", history[0]);
      edit.unset("holdExpires");
      return;
    }
    default:
      return;
  }
}

/**
 * Keeps the record as it was before the move, marked with the order that missed its deadline,
 * so the number cannot be sold again before the carrier is asked (carrier-orders.ts). The
 * move's answer stays the carrier fault; a failure to write the mark is reported by that answer.
 */
function* markPendingOrder(
  ctx: EngineContext,
  stored: StoredNumber | undefined,
  record: NumberRecord,
  request: MoveRequest,
  op: PendingOrder["op"],
): Flow<void> {
  const pendingOrder: PendingOrder = {
    op,
    event: request.event,
    operation: request.operation,
    requester: request.requester,
    ...(request.target === undefined ? {} : { target: request.target }),
    since: ctx.now(),
  };
  yield* persist(ctx, stored, { ...(stored?.record ?? record), pendingOrder }, change(request));
}

/**
 * Runs the lifecycle machine's decision for one record: the guards pick the transition, its
 * steps run in order on an immer draft, and the final SAVE or remove persists it. Any failing
 * step aborts the move with nothing written. `stored` is undefined for a record being created.
 */
export function* runTransition(
  ctx: EngineContext,
  stored: StoredNumber | undefined,
  record: NumberRecord,
  request: MoveRequest,
): Flow<Result<MoveOutcome>> {
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
  const edit = new RecordEdit(record, request.dryRun === true);
  if (request.sets?.carrier !== undefined) edit.set("carrier", request.sets.carrier);
  if (request.sets?.portedIn !== undefined) edit.set("portedIn", request.sets.portedIn);
  const dryRun = request.dryRun === true;
  const steps = decision.steps;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i] as Step;
    const failure = PORT_STEPS.has(step.name)
      ? yield* portStep(ctx, step, edit, request)
      : runStep(ctx, step, edit, request);
    if (failure !== undefined) {
      if (failure.uncertain !== undefined)
        yield* markPendingOrder(ctx, stored, record, request, failure.uncertain);
      return fail(failure.error);
    }
    if (step.name === "remove") {
      const finished = edit.finish();
      if (!dryRun && stored !== undefined) {
        const removed = yield* removeStored(ctx, stored, change(request));
        if (!removed.ok) return removed;
      }
      return ok({ record: { ...finished, state: "deleted" }, removed: true });
    }
    if (step.name === "save") {
      if (!featuresAtRest(edit.now)) {
        const featureError = yield* onFeatures(edit, (view) =>
          recomputeFeatures(ctx, view, dryRun, request.accounts),
        );
        if (featureError !== undefined) return fail(featureError);
      }
      if (!dryRun) {
        // Stamped on the edit, so the finished record is the one written (persist keeps it).
        const times = writeTimes(edit.now, stored?.record, ctx.now());
        edit.set("created", times.created);
        edit.set("modified", times.modified);
      }
      const next = edit.finish();
      if (dryRun) return ok({ record: next, removed: false });
      const saved = yield* persist(ctx, stored, next, change(request));
      return saved.ok ? ok({ record: saved.value, removed: false }) : saved;
    }
  }
  return ok({ record: edit.finish(), removed: false });
}
