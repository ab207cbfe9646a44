import { creatableStates, mayAddNumbers } from "../domain/authorization.js";
import { carrierName } from "../domain/config.js";
import { fail, type Result } from "../domain/errors.js";
import type { JsonObject } from "../domain/json.js";
import { makeRecord, mergePatch, publicFieldsOf, type NumberRecord } from "../domain/record.js";
import { isNumberState, type NumberState } from "../domain/states.js";
import { validatePublicFields } from "../domain/public-fields.js";
import type { LifecycleEventType } from "../machine/lifecycle-machine.js";
import type { EngineContext } from "./context.js";
import { readCurrent } from "./hold-expiry.js";
import { reconcile } from "./load.js";
import { runTransition } from "./transition.js";
import { isPorting } from "./port-requests/hooks.js";
import type { AccountLookup } from "../domain/accounts.js";
import type { Awaitable } from "../ports/awaitable.js";
import { wait, type Flow } from "./flow.js";

/** Create a number for an account (`PUT …/phone_numbers/{N}`). */
export interface CreateRequest {
  /** The number as given; normalized and reconciled first. */
  readonly number: string;
  /** The URL account: the target that will hold the number. */
  readonly account: string;
  /** The authenticated account, or `system`. */
  readonly requester: string;
  /** Public fields of the request body. */
  readonly publicFields?: JsonObject | undefined;
  /** Master's `create_with_state`; without it the state is chosen from the account (states.md §6). */
  readonly createWithState?: string | undefined;
  /** Validate and authorize only. */
  readonly dryRun?: boolean | undefined;
}

/** The event that moves a record to a chosen creation state. */
const EVENT_FOR_STATE: Partial<Record<NumberState, LifecycleEventType>> = {
  reserved: "reserve",
  in_service: "activate",
  available: "makeAvailable",
  aging: "age",
  port_in: "portIn",
};

/** Seed's automatic state choice from the target account (states.md §6 step 2). */
function automaticState(accounts: AccountLookup, target: string): NumberState {
  const account = accounts(target);
  if (account === undefined || !account.reseller) return "in_service";
  return account.superduperAdmin ? "available" : "reserved";
}

function chooseState(accounts: AccountLookup, request: CreateRequest): Result<NumberState> {
  const wanted = request.createWithState;
  if (wanted === undefined) return { ok: true, value: automaticState(accounts, request.account) };
  if (!isNumberState(wanted) || !creatableStates(accounts, request.requester).includes(wanted)) {
    return fail({
      reason: "unauthorized",
      cause: `creating number in state '${wanted}' is not allowed`,
    });
  }
  return { ok: true, value: wanted };
}

/**
 * Create (states.md §6, decisions.md D1/D8): reconcile, choose the state, then either claim an
 * existing `available` record or build a new one in the chosen state, and run the transition.
 */
export function createNumber(
  ctx: EngineContext,
  request: CreateRequest,
): Awaitable<Result<NumberRecord>> {
  const reconciled = reconcile(ctx, request.number);
  if (!reconciled.ok) return reconciled;
  const number = reconciled.value;
  const invalid = validatePublicFields(publicFieldsOf(request.publicFields ?? {}));
  if (invalid !== undefined) return fail(invalid);
  return ctx.exclusive(number, () => createFlow(ctx, request, number));
}

/** One attempt at a create under the number's lock. */
function* createFlow(
  ctx: EngineContext,
  request: CreateRequest,
  number: string,
): Flow<Result<NumberRecord>> {
  const stored = yield* readCurrent(ctx, number, request.dryRun === true);
  if (stored !== undefined && stored.record.state !== "available") {
    return fail({ reason: "number_exists", number });
  }
  const accounts = yield* wait(ctx.accountLookup([request.requester, request.account]));
  const chosen = chooseState(accounts, request);
  if (!chosen.ok) return chosen;
  const state = chosen.value;
  const event = EVENT_FOR_STATE[state] as LifecycleEventType;
  const fields = mergePatch({}, publicFieldsOf(request.publicFields ?? {}));
  if (stored === undefined && state !== "port_in" && !mayAddNumbers(accounts, request.requester)) {
    return fail({ reason: "additions_not_allowed", requester: request.requester });
  }
  if (stored === undefined && (yield* wait(isPorting(ctx, number)))) {
    return fail({ reason: "number_is_porting", number: request.number });
  }
  const record =
    stored === undefined
      ? makeRecord({
          number,
          state,
          now: ctx.now(),
          carrier: carrierName(ctx.config.available_module_name),
          public: fields,
        })
      : { ...stored.record, public: fields };
  const moved = yield* runTransition(ctx, stored, record, {
    event,
    operation: "create",
    requester: request.requester,
    target: request.account,
    accounts: yield* wait(
      ctx.accountLookup([request.requester, request.account, record.assignedTo], accounts),
    ),
    dryRun: request.dryRun === true,
    unlessPorting: stored === undefined,
  });
  return moved.ok ? { ok: true, value: moved.value.record } : moved;
}
