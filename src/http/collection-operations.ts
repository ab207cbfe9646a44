import type { Result } from "../domain/errors.js";
import { setOwn, type JsonObject } from "../domain/json.js";
import { publicView } from "../domain/record.js";
import type { BatchOutcome } from "../engine/collections.js";
import { collectionEntry, httpFailure } from "./error-mapping.js";
import { createWithState, fieldsOf } from "./number-operations.js";
import { clientError, success, type Reply } from "./reply.js";
import { param, type AuthedContext } from "./route-context.js";

/**
 * A bulk outcome as Kazoo's seed answers it (collections.md §3.1): every number succeeded ->
 * 200 `{"success": {...}}`; any failure -> 400 `client error` with only the failed numbers,
 * each keyed as given. A request-level problem (invalid `numbers`) is a validation error.
 */
function batchReply(result: Result<BatchOutcome>, isCreate: boolean): Reply {
  if (!result.ok) return httpFailure(result.error, "lookup");
  const { succeeded, failed } = result.value;
  if (failed.size > 0) {
    const errors: JsonObject = {};
    for (const [given, error] of failed) setOwn(errors, given, collectionEntry(error, isCreate));
    return clientError(errors);
  }
  const views: JsonObject = {};
  for (const [given, record] of succeeded) setOwn(views, given, publicView(record));
  return success({ success: views });
}

/** `accept_charges: true` at the top level of the body, next to `data` (decisions.md D12). */
const chargesAccepted = (ctx: AuthedContext): boolean => ctx.body.top["accept_charges"] === true;

/** PUT …/collection: creates every number for the URL account (nothing on a dry-run failure). */
export async function createCollection(ctx: AuthedContext): Promise<Reply> {
  const state = createWithState(ctx.body.data);
  if (!state.ok) return state.reply;
  const result = await ctx.engine.createMany({
    numbers: ctx.body.data["numbers"],
    account: param(ctx, "account_id"),
    requester: ctx.requester,
    publicFields: fieldsOf(ctx.body.data, "numbers"),
    createWithState: state.value,
    acceptCharges: chargesAccepted(ctx),
  });
  return batchReply(result, true);
}

/** POST …/collection: merge-patches every number with the body minus `numbers`. */
export async function updateCollection(ctx: AuthedContext): Promise<Reply> {
  const result = await ctx.engine.updateMany({
    numbers: ctx.body.data["numbers"],
    requester: ctx.requester,
    patch: fieldsOf(ctx.body.data, "numbers"),
  });
  return batchReply(result, false);
}

/** DELETE …/collection: releases every number (hard delete for the admin with `?hard=true`). */
export async function releaseCollection(ctx: AuthedContext): Promise<Reply> {
  const result = await ctx.engine.releaseMany({
    numbers: ctx.body.data["numbers"],
    requester: ctx.requester,
    hard: ctx.query["hard"] === "true",
  });
  return batchReply(result, false);
}

/** PUT …/collection/activate: puts every number in service for the URL account. */
export async function activateCollection(ctx: AuthedContext): Promise<Reply> {
  const result = await ctx.engine.activateMany({
    numbers: ctx.body.data["numbers"],
    account: param(ctx, "account_id"),
    requester: ctx.requester,
    acceptCharges: chargesAccepted(ctx),
  });
  return batchReply(result, false);
}
