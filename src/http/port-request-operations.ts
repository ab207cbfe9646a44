import type { JsonObject, JsonValue } from "../domain/json.js";
import type { PortFailure, PortResult } from "../domain/port-request-errors.js";
import { isPortTarget } from "../domain/port-states.js";
import { failure, success, UNSPECIFIED_FAULT, type Reply } from "./reply.js";
import { param, type AuthedContext } from "./route-context.js";

/** 404 for an unknown request id, attachment name or move word (§2.4, P3). */
const BAD_ID = failure(404, "bad_identifier", { message: "bad identifier" });

/** The HTTP answer of a port request failure (port-requests.md §2.4, §5, §10). */
export function portFailure(error: PortFailure): Reply {
  switch (error.kind) {
    case "validation":
      return failure(400, "validation error", error.data);
    case "bad_identifier":
      return BAD_ID;
    case "forbidden":
      return failure(403, "forbidden", error.data);
    case "not_deletable":
      return failure(405, "invalid_method", { message: "invalid method" });
    case "completion_failed":
      return failure(400, "client error", error.data);
    case "unsupported_media":
      return failure(415, "unsupported media type", { message: "unsupported media type" });
    case "too_large":
      return failure(413, "payload too large", { message: "payload too large" });
    case "database_error":
      return UNSPECIFIED_FAULT;
  }
}

const answer = (result: PortResult<JsonValue>): Reply =>
  result.ok ? success(result.value) : portFailure(result.error);

/** The asker of a request under `/v2/accounts/{A}/…`. */
const askerOf = (ctx: AuthedContext) => ({
  requester: ctx.requester,
  account: param(ctx, "account_id"),
});

const idOf = (ctx: AuthedContext): string => param(ctx, "port_request_id");

/** GET …/port_requests: the account's requests (§5.2). */
export async function listPortRequests(ctx: AuthedContext): Promise<Reply> {
  return answer(await ctx.engine.portRequests.list(askerOf(ctx), "account", ctx.query));
}

/** GET …/descendants/port_requests: requests of the account's sub-accounts. */
export async function listDescendantPortRequests(ctx: AuthedContext): Promise<Reply> {
  return answer(await ctx.engine.portRequests.list(askerOf(ctx), "descendants", ctx.query));
}

/** GET …/port_requests/last_submitted. */
export async function lastSubmittedPortRequests(ctx: AuthedContext): Promise<Reply> {
  const query = { ...ctx.query, by_types: "last_submitted" };
  return answer(await ctx.engine.portRequests.list(askerOf(ctx), "account", query));
}

/** GET /v2/port_requests: the requests the requester manages as port authority (§4.2, C6). */
export async function listManagedPortRequests(ctx: AuthedContext): Promise<Reply> {
  const asker = { requester: ctx.requester, account: ctx.requester };
  return answer(await ctx.engine.portRequests.list(asker, "authority", ctx.query));
}

/** Any other method on /v2/port_requests: 403 (§4.2). */
export function refuseManagedWrite(): Promise<Reply> {
  return Promise.resolve(failure(403, "forbidden", { message: "forbidden" }));
}

/** PUT …/port_requests: creates a request (§5.3). */
export async function createPortRequest(ctx: AuthedContext): Promise<Reply> {
  return answer(await ctx.engine.portRequests.create(askerOf(ctx), ctx.body.data));
}

/** GET …/port_requests/{id}. */
export async function readPortRequest(ctx: AuthedContext): Promise<Reply> {
  return answer(await ctx.engine.portRequests.get(askerOf(ctx), idOf(ctx)));
}

/** POST …/port_requests/{id}: replaces the public fields (§5.4). */
export async function replacePortRequest(ctx: AuthedContext): Promise<Reply> {
  const result = await ctx.engine.portRequests.update(
    askerOf(ctx),
    idOf(ctx),
    ctx.body.data,
    "replace",
  );
  return answer(result);
}

/** PATCH …/port_requests/{id}: merges into the public fields (§5.4). */
export async function patchPortRequest(ctx: AuthedContext): Promise<Reply> {
  const result = await ctx.engine.portRequests.update(
    askerOf(ctx),
    idOf(ctx),
    ctx.body.data,
    "merge",
  );
  return answer(result);
}

/** DELETE …/port_requests/{id} (§5.6). */
export async function deletePortRequest(ctx: AuthedContext): Promise<Reply> {
  return answer(await ctx.engine.portRequests.delete(askerOf(ctx), idOf(ctx)));
}

/** GET …/port_requests/{id}/timeline (§5.5). */
export async function portRequestTimeline(ctx: AuthedContext): Promise<Reply> {
  return answer(await ctx.engine.portRequests.timeline(askerOf(ctx), idOf(ctx)));
}

/** PATCH …/port_requests/{id}/{target}: moves the request (§5.7). */
export async function movePortRequest(ctx: AuthedContext): Promise<Reply> {
  const target = param(ctx, "target");
  if (!isPortTarget(target)) return BAD_ID;
  const body: JsonObject = ctx.body.data;
  const result = await ctx.engine.portRequests.move(askerOf(ctx), idOf(ctx), {
    target,
    body,
    reason: ctx.query["reason"],
  });
  return answer(result);
}

/** Any other method on a move path: 404 for an unknown word, else 405 (§2.4, C21). */
export function refuseMoveMethod(ctx: AuthedContext): Promise<Reply> {
  const known = isPortTarget(param(ctx, "target"));
  return Promise.resolve(
    known ? failure(405, "invalid_method", { message: "invalid method" }) : BAD_ID,
  );
}

/** GET …/{id}/attachments (§10). */
export async function listPortAttachments(ctx: AuthedContext): Promise<Reply> {
  return answer(await ctx.engine.portRequests.attachments(askerOf(ctx), idOf(ctx)));
}

/** GET …/{id}/attachments/{name}: the bytes with their type and a download name. */
export async function readPortAttachment(ctx: AuthedContext): Promise<Reply> {
  const name = param(ctx, "attachment_name");
  const result = await ctx.engine.portRequests.attachment(askerOf(ctx), idOf(ctx), name);
  if (!result.ok) return portFailure(result.error);
  return {
    kind: "bytes",
    data: result.value.bytes,
    headers: {
      "content-type": result.value.contentType,
      "content-disposition": `attachment; filename=${result.value.name}`,
    },
  };
}

const NO_UPLOAD = { bytes: new Uint8Array(), truncated: false, contentType: undefined };

/** PUT …/{id}/attachments?filename=: adds an attachment (P14, C12, C25). */
export async function addPortAttachment(ctx: AuthedContext): Promise<Reply> {
  const result = await ctx.engine.portRequests.changeAttachment(askerOf(ctx), idOf(ctx), {
    kind: "add",
    filename: ctx.query["filename"],
    upload: ctx.upload ?? NO_UPLOAD,
  });
  return answer(result);
}

/** POST …/{id}/attachments/{name}: replaces an attachment. */
export async function replacePortAttachment(ctx: AuthedContext): Promise<Reply> {
  const result = await ctx.engine.portRequests.changeAttachment(askerOf(ctx), idOf(ctx), {
    kind: "replace",
    name: param(ctx, "attachment_name"),
    upload: ctx.upload ?? NO_UPLOAD,
  });
  return answer(result);
}

/** DELETE …/{id}/attachments/{name}: removes an attachment. */
export async function deletePortAttachment(ctx: AuthedContext): Promise<Reply> {
  const result = await ctx.engine.portRequests.changeAttachment(askerOf(ctx), idOf(ctx), {
    kind: "delete",
    name: param(ctx, "attachment_name"),
  });
  return answer(result);
}
