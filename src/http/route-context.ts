import type { NumberEngine } from "../engine/engine.js";
import type { Reply } from "./reply.js";
import type { RequestBody } from "./request-body.js";

/** The raw body of an upload route: bytes, whether the transport cut it short, its type. */
export interface Upload {
  readonly bytes: Uint8Array;
  readonly truncated: boolean;
  readonly contentType: string | undefined;
}

/** Everything an operation gets: the engine, who asks, the path parameters, query and body. */
export interface RouteContext {
  readonly engine: NumberEngine;
  /** The authenticated account; undefined only on routes that need no credentials. */
  readonly requester: string | undefined;
  /** Decoded path parameters by template name (`account_id`, `phone_number`). */
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  readonly body: RequestBody;
  /** The raw upload of a `bytes` route (attachments); absent on JSON routes. */
  readonly upload?: Upload | undefined;
}

/** The context of a route that requires credentials: the requester is known. */
export interface AuthedContext extends RouteContext {
  readonly requester: string;
}

/** One entry of the route table: method, OpenAPI path template, credentials and operation. */
export type Route = {
  readonly method: "GET" | "PUT" | "POST" | "DELETE" | "PATCH";
  /** An OpenAPI path template, e.g. `/v2/accounts/{account_id}/phone_numbers/{phone_number}`. */
  readonly path: string;
  /** The OpenAPI operationId. */
  readonly name: string;
  readonly summary: string;
  /** `bytes`: the body is an upload, passed raw instead of parsed as JSON. */
  readonly body?: "json" | "bytes";
} & (
  | { readonly auth: "required"; readonly run: (ctx: AuthedContext) => Promise<Reply> }
  | { readonly auth: "optional"; readonly run: (ctx: RouteContext) => Promise<Reply> }
);

/** A path parameter, which the router guarantees for the templates that name it. */
export function param(
  ctx: RouteContext,
  name: "account_id" | "phone_number" | "port_request_id" | "target" | "attachment_name",
): string {
  const value = ctx.params[name];
  if (value === undefined) throw new Error(`route template lacks {${name}}`);
  return value;
}
