import { mayIdentify } from "../domain/authorization.js";
import { fail, ok, type NumberError, type Result } from "../domain/errors.js";
import { isJsonObject, type JsonObject } from "../domain/json.js";
import { e911Key, validatePublicFields } from "../domain/public-fields.js";
import { mergePatch, publicFieldsOf, type NumberRecord } from "../domain/record.js";
import { ROUTABLE_STATES } from "../domain/states.js";
import type { EngineContext } from "./context.js";
import { recomputeFeatures } from "./features.js";
import { readCurrent } from "./hold-expiry.js";
import { loadForRequester, reconcile } from "./load.js";
import { persist } from "./persist.js";
import { identifyThroughPorts } from "./port-requests/hooks.js";
import { run, type Flow } from "./flow.js";
import type { Awaitable } from "../ports/awaitable.js";

/** Read one number (`GET …/{N}`). */
export interface GetRequest {
  readonly number: string;
  readonly requester: string;
}

/** Update public fields (`POST …/{N}`): a JSON Merge Patch (decisions.md D4). */
export interface UpdateRequest {
  readonly number: string;
  readonly requester: string;
  /** The request body's fields; private keys and `id` are ignored. */
  readonly patch: JsonObject;
  readonly dryRun?: boolean | undefined;
}

/** Which account holds a number (identify). */
export interface Identity {
  readonly accountId: string;
  readonly number: string;
}

/** A refused E911 address names the address as the request sent it (errors.md §6). */
function withSubmittedAddress(error: NumberError, patch: JsonObject): NumberError {
  if (error.reason !== "e911_invalid" && error.reason !== "e911_multiple_choice") return error;
  const key = e911Key(patch);
  const sent = key === undefined ? undefined : patch[key];
  return isJsonObject(sent) ? { ...error, address: sent } : error;
}

/** Reads a number with the read check (authorization.md §3.1). */
export function getNumber(
  ctx: EngineContext,
  request: GetRequest,
): Awaitable<Result<NumberRecord>> {
  return run(getFlow(ctx, request));
}

function* getFlow(ctx: EngineContext, request: GetRequest): Flow<Result<NumberRecord>> {
  const loaded = yield* loadForRequester(ctx, request.number, request.requester);
  return loaded.ok ? ok(loaded.value.stored.record) : loaded;
}

/**
 * Updates public fields (authorization.md §6, decisions.md D4): read check only, any state;
 * features are recomputed from the patched fields and a refused E911 address stores nothing.
 */
export function updateNumber(
  ctx: EngineContext,
  request: UpdateRequest,
): Awaitable<Result<NumberRecord>> {
  const patch = publicFieldsOf(request.patch);
  const invalid = validatePublicFields(patch);
  if (invalid !== undefined) return fail(invalid);
  const reconciled = reconcile(ctx, request.number);
  if (!reconciled.ok) return reconciled;
  return ctx.exclusive(reconciled.value, function* () {
    const loaded = yield* loadForRequester(
      ctx,
      request.number,
      request.requester,
      undefined,
      request.dryRun === true,
    );
    if (!loaded.ok) return loaded;
    const { stored } = loaded.value;
    const draft = {
      ...stored.record,
      features: { ...stored.record.features },
      public: mergePatch(stored.record.public, patch),
    };
    const featureError = yield* recomputeFeatures(ctx, draft, request.dryRun === true);
    if (featureError !== undefined) return fail(withSubmittedAddress(featureError, patch));
    return request.dryRun === true
      ? ok(draft)
      : yield* persist(ctx, stored, draft, { operation: "update", actor: request.requester });
  });
}

/**
 * Identify (decisions.md D7, authorization.md §7): the owner of a routable number, for the
 * owner, its ancestors and the admin only; everyone else learns nothing (`not_found`).
 */
export async function identifyNumber(
  ctx: EngineContext,
  request: GetRequest,
): Promise<Result<Identity>> {
  const reconciled = reconcile(ctx, request.number);
  const number = reconciled.ok ? reconciled.value : request.number;
  const stored = await run(readCurrent(ctx, number));
  if (stored === undefined) {
    const porting = await identifyThroughPorts(ctx, number, request.requester);
    return porting === undefined
      ? fail({ reason: "not_found", number })
      : ok({ accountId: porting, number });
  }
  const owner = stored.record.assignedTo;
  const accounts = await ctx.accountLookup([request.requester, owner]);
  if (!mayIdentify({ accounts, requester: request.requester, owner }))
    return fail({ reason: "not_found", number });
  if (owner === undefined) return fail({ reason: "unassigned", number });
  if (!ROUTABLE_STATES.has(stored.record.state))
    return fail({ reason: "not_in_service", number, owner });
  if (accounts(owner)?.enabled === false)
    return fail({ reason: "account_disabled", number, owner });
  return ok({ accountId: owner, number });
}
