import { checkHoldFor } from "../domain/holds.js";
import type { JsonObject } from "../domain/json.js";
import { publicView } from "../domain/record.js";
import { httpFailure } from "./error-mapping.js";
import { success, validationError, type Reply } from "./reply.js";
import { param, type AuthedContext } from "./route-context.js";
import type { Result } from "../domain/errors.js";
import type { NumberRecord } from "../domain/record.js";
import type { Endpoint } from "./error-mapping.js";

/** Keys of `data` that are options of the request, never public fields (D12, create). */
const OPTION_KEYS = ["accept_charges", "create_with_state"];

/** The request's `data` without the option keys and the given extra keys. */
export function fieldsOf(data: JsonObject, ...without: string[]): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(data)) {
    if (!OPTION_KEYS.includes(key) && !without.includes(key)) out[key] = value;
  }
  return out;
}

/** The view of a single-number result, or its mapped failure. */
function viewOrFailure(result: Result<NumberRecord>, endpoint: Endpoint): Reply {
  return result.ok ? success(publicView(result.value)) : httpFailure(result.error, endpoint);
}

/** `create_with_state` when given as a string; a validation error for any other value. */
export function createWithState(
  data: JsonObject,
): { ok: true; value: string | undefined } | { ok: false; reply: Reply } {
  const value = data["create_with_state"];
  if (value === undefined) return { ok: true, value: undefined };
  if (typeof value === "string") return { ok: true, value };
  return {
    ok: false,
    reply: validationError("create_with_state", "type", "create_with_state must be a string"),
  };
}

/** GET …/{N}: the number's view; every failure is 404 bad_identifier. */
export async function readNumber(ctx: AuthedContext): Promise<Reply> {
  const number = param(ctx, "phone_number");
  const result = await ctx.engine.get({ number, requester: ctx.requester });
  if (result.ok || ctx.query["include_ports"] !== "true") return viewOrFailure(result, "read");
  const e164 = ctx.engine.toE164(number);
  const entries = await ctx.engine.portRequests.portInEntries(param(ctx, "account_id"));
  const entry = e164 === undefined ? undefined : entries.get(e164);
  if (entry === undefined) return viewOrFailure(result, "read");
  const { created, updated, port_id, port_state, ...rest } = entry;
  return success({
    ...rest,
    id: e164 as string,
    _read_only: { created, modified: updated, state: "port_in", port_id, port_state } as JsonObject,
  });
}

/** PUT …/{N}: creates the number for the URL account with the body's public fields. */
export async function createNumber(ctx: AuthedContext): Promise<Reply> {
  const state = createWithState(ctx.body.data);
  if (!state.ok) return state.reply;
  const result = await ctx.engine.create({
    number: param(ctx, "phone_number"),
    account: param(ctx, "account_id"),
    requester: ctx.requester,
    publicFields: fieldsOf(ctx.body.data),
    createWithState: state.value,
  });
  return viewOrFailure(result, "create");
}

/** POST …/{N}: merge-patches the number's public fields. */
export async function updateNumber(ctx: AuthedContext): Promise<Reply> {
  const result = await ctx.engine.update({
    number: param(ctx, "phone_number"),
    requester: ctx.requester,
    patch: fieldsOf(ctx.body.data),
  });
  return viewOrFailure(result, "update");
}

/** DELETE …/{N}: releases the number, or hard-deletes it with `?hard=true` for the admin. */
export async function releaseNumber(ctx: AuthedContext): Promise<Reply> {
  const result = await ctx.engine.release({
    number: param(ctx, "phone_number"),
    requester: ctx.requester,
    hard: ctx.query["hard"] === "true",
  });
  return viewOrFailure(result, "release");
}

/** The path's number, the URL account and the requester: who moves what where. */
const moveRequest = (ctx: AuthedContext) => ({
  number: param(ctx, "phone_number"),
  account: param(ctx, "account_id"),
  requester: ctx.requester,
});

/** PUT …/{N}/reserve: reserves the number for the URL account, held for `data.hold_for` seconds if given. */
export async function reserveNumber(ctx: AuthedContext): Promise<Reply> {
  const holdFor = ctx.body.data["hold_for"];
  const invalid = checkHoldFor(holdFor);
  if (invalid !== undefined) return httpFailure(invalid, "move");
  const result = await ctx.engine.reserve({
    ...moveRequest(ctx),
    holdFor: holdFor as number | undefined,
  });
  return viewOrFailure(result, "move");
}

/** PUT …/{N}/activate: puts the number in service for the URL account. */
export async function activateNumber(ctx: AuthedContext): Promise<Reply> {
  return viewOrFailure(await ctx.engine.activate(moveRequest(ctx)), "move");
}

/** GET …/{N}/identify: the account holding the number. */
export async function identifyNumber(ctx: AuthedContext): Promise<Reply> {
  const result = await ctx.engine.identify({
    number: param(ctx, "phone_number"),
    requester: ctx.requester,
  });
  if (!result.ok) return httpFailure(result.error, "identify");
  return success({ account_id: result.value.accountId, number: result.value.number });
}
