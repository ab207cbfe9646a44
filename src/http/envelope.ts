import type { JsonObject } from "../domain/json.js";
import type { Reply } from "./reply.js";
import type { ApiResponse } from "./types.js";

/** The per-request values every envelope carries. */
export interface EnvelopeMeta {
  /** The request's token as sent, `""` when none. */
  readonly authToken: string;
  readonly requestId: string;
  readonly revision: string;
}

const JSON_HEADERS = { "content-type": "application/json" } as const;

/**
 * Wraps a reply in Kazoo's envelope (errors.md §2): success is HTTP 200 with `revision`;
 * an error carries its code as a string in `error` and has no `revision`.
 */
export function envelope(reply: Reply, meta: EnvelopeMeta): ApiResponse {
  if (reply.kind === "bytes") {
    return { status: 200, headers: { ...reply.headers }, body: null, bytes: reply.data };
  }
  if (reply.kind === "success") {
    const body: JsonObject = {
      auth_token: meta.authToken,
      data: reply.data,
      ...reply.extra,
      request_id: meta.requestId,
      revision: meta.revision,
      status: "success",
    };
    return { status: 200, headers: { ...JSON_HEADERS }, body };
  }
  const body: JsonObject = {
    auth_token: meta.authToken,
    data: reply.data,
    error: String(reply.status),
    message: reply.message,
    request_id: meta.requestId,
    status: "error",
  };
  return { status: reply.status, headers: { ...JSON_HEADERS, ...reply.headers }, body };
}
