import { createHash, randomUUID } from "node:crypto";
import { errorObject } from "../domain/errors.js";
import type { JsonValue } from "../domain/json.js";
import { errorJson } from "./error-mapping.js";
import type { NumberEngine } from "../engine/engine.js";
import type { TokenStore } from "../ports/tokens.js";
import { envelope } from "./envelope.js";
import { failure, UNSPECIFIED_FAULT, type Reply } from "./reply.js";
import { parseBody } from "./request-body.js";
import { createRouter } from "./router.js";
import { ROUTES } from "./routes.js";
import type { ApiHandler, ApiRequest } from "./types.js";

/** What the handler is built from. */
export interface ApiHandlerOptions {
  readonly engine: NumberEngine;
  readonly tokens: TokenStore;
  /** Produces each response's `request_id` (default: a random hex id). */
  readonly requestId?: () => string;
  /** Largest accepted body in bytes (default 1 MiB). */
  readonly maxBodyBytes?: number;
  /** Told about every exception the handler turned into a 500 (default: ignored). */
  readonly onError?: (error: unknown) => void;
}

const UNAUTHENTICATED = failure(401, "invalid_credentials", { message: "invalid credentials" });
/** The gate's refusal carries the same object as any other authorization failure (errors.md §10). */
const FORBIDDEN = failure(403, "forbidden", errorJson(errorObject({ reason: "unauthorized" })));

function header(request: ApiRequest, name: string): string | undefined {
  const headers = request.headers ?? {};
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

/** A revision derived from the answered data, so the same data always has the same revision. */
function revisionOf(data: JsonValue): string {
  return createHash("sha1").update(JSON.stringify(data)).digest("hex").slice(0, 32);
}

/**
 * Builds the transport-agnostic phone_numbers API handler: routing (404/405), credentials
 * (401, decisions.md D11), the account gate (403), body parsing (400/413), then the operation,
 * its reply wrapped in Kazoo's envelope. An exception becomes a bare 500 without details.
 *
 * @example
 * const handle = createApiHandler({ engine, tokens: new MemoryTokenStore([["tok", "acme"]]) });
 * const response = await handle({ method: "GET", path: "/v2/accounts/acme/phone_numbers", headers: { "X-Auth-Token": "tok" } });
 */
export function createApiHandler(options: ApiHandlerOptions): ApiHandler {
  const route = createRouter(ROUTES);
  const nextId = options.requestId ?? (() => randomUUID().replaceAll("-", ""));

  async function dispatch(request: ApiRequest, token: string): Promise<Reply> {
    const found = route(request.method, request.path);
    if (!found.ok) return found.reply;
    const { route: target, params } = found.match;
    const requester = token === "" ? undefined : await options.tokens.accountFor(token);
    if (requester === undefined && target.auth === "required") return UNAUTHENTICATED;
    const account = params["account_id"];
    if (requester !== undefined && account !== undefined) {
      if (!(await options.engine.mayActOnAccount(requester, account))) return FORBIDDEN;
    }
    const parsed = parseBody(request.body, options.maxBodyBytes);
    if (!parsed.ok) return parsed.reply;
    const context = {
      engine: options.engine,
      params,
      query: request.query ?? {},
      body: parsed.body,
    };
    if (target.auth === "optional") return target.run({ ...context, requester });
    // A required route without a requester was answered 401 above.
    return target.run({ ...context, requester: requester as string });
  }

  return async (request) => {
    const authToken = header(request, "x-auth-token") ?? "";
    let reply: Reply;
    try {
      reply = await dispatch(request, authToken);
    } catch (error) {
      options.onError?.(error);
      reply = UNSPECIFIED_FAULT;
    }
    const revision = reply.kind === "success" ? revisionOf(reply.data) : "";
    return envelope(reply, { authToken, requestId: nextId(), revision });
  };
}
