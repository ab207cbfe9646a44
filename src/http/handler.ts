import { randomFillSync } from "node:crypto";
import { dataRevision } from "./revision.js";
import { errorObject } from "../domain/errors.js";
import { errorJson } from "./error-mapping.js";
import type { NumberEngine } from "../engine/engine.js";
import type { TokenStore } from "../ports/tokens.js";
import { envelope, type EnvelopeMeta } from "./envelope.js";
import { idempotencyKeyOf, INVALID_KEY, runKeyed, validKey } from "./idempotency.js";
import { failure, UNSPECIFIED_FAULT, type Reply } from "./reply.js";
import { parseBody } from "./request-body.js";
import { createRouter, type RouteMatch } from "./router.js";
import { storeCall, StoreCallError, storeFailure } from "./store-call.js";
import { ROUTES } from "./routes.js";
import type { ApiHandler, ApiRequest, ApiResponse } from "./types.js";

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

/** The raw upload of a request: its bytes, whether the transport cut it short, its type. */
function uploadOf(request: ApiRequest) {
  return {
    bytes:
      typeof request.body === "string"
        ? Buffer.from(request.body, "utf8")
        : (request.body ?? new Uint8Array()),
    truncated: request.bodyTruncated === true,
    contentType: header(request, "content-type"),
  };
}

/** The envelope's revision of a reply: successes only (errors.md §2). */
function revisionOf(reply: Reply): string {
  return reply.kind === "success" ? dataRevision(reply.data) : "";
}

/** A reply in its envelope, with its revision. */
function respond(reply: Reply, meta: EnvelopeMeta): ApiResponse {
  return envelope(reply, { ...meta, revision: revisionOf(reply) });
}

/** Random bytes handed out 16 at a time as request ids, refilled when used up. */
const idPool = Buffer.alloc(4096);
let idOffset = idPool.length;

/** A random 32-hex-digit request id (a slice of a pooled random buffer: no UUID to format and strip). */
function randomRequestId(): string {
  if (idOffset === idPool.length) {
    randomFillSync(idPool);
    idOffset = 0;
  }
  const id = idPool.toString("hex", idOffset, idOffset + 16);
  idOffset += 16;
  return id;
}

/**
 * Builds the transport-agnostic phone_numbers API handler: routing (404/405), credentials
 * (401, decisions.md D11), the account gate (403), body parsing (400/413), then the operation,
 * its reply wrapped in Kazoo's envelope. A failing store call of its own (token, account gate,
 * idempotency key) is a 500 `database_error`, like an operation's; any other exception becomes a
 * bare 500 without details.
 *
 * @example
 * const handle = createApiHandler({ engine, tokens: new MemoryTokenStore([["tok", "acme"]]) });
 * const response = await handle({ method: "GET", path: "/v2/accounts/acme/phone_numbers", headers: { "X-Auth-Token": "tok" } });
 */
export function createApiHandler(options: ApiHandlerOptions): ApiHandler {
  const route = createRouter(ROUTES);
  const nextId = options.requestId ?? randomRequestId;

  /** The gate, the body and the operation, for a routed and authenticated request. */
  async function dispatch(
    engine: NumberEngine,
    match: RouteMatch,
    requester: string | undefined,
    request: ApiRequest,
  ): Promise<Reply> {
    const { route: target, params } = match;
    const account = params["account_id"];
    if (requester !== undefined && account !== undefined) {
      if (!(await storeCall(() => engine.mayActOnAccount(requester, account)))) return FORBIDDEN;
    }
    const upload = target.body === "bytes" ? uploadOf(request) : undefined;
    const parsed =
      upload === undefined
        ? parseBody(request.body, options.maxBodyBytes)
        : ({ ok: true, body: { data: {}, top: {} } } as const);
    if (!parsed.ok) return parsed.reply;
    const context = { engine, params, query: request.query ?? {}, body: parsed.body, upload };
    if (target.auth === "optional") return target.run({ ...context, requester });
    // A required route without a requester was answered 401 before dispatch.
    return target.run({ ...context, requester: requester as string });
  }

  async function handle(request: ApiRequest, meta: EnvelopeMeta): Promise<ApiResponse> {
    const found = route(request.method, request.path);
    if (!found.ok) return respond(found.reply, meta);
    const token = meta.authToken;
    const requester =
      token === "" ? undefined : await storeCall(() => options.tokens.accountFor(token));
    if (requester === undefined && found.match.route.auth === "required")
      return respond(UNAUTHENTICATED, meta);
    // extensions.md X2: keys count only on writes by an authenticated account.
    const key = requester === undefined ? undefined : idempotencyKeyOf(request);
    if (requester === undefined || key === undefined)
      return respond(await dispatch(options.engine, found.match, requester, request), meta);
    if (!validKey(key)) return respond(INVALID_KEY, meta);
    const answer = async (engine: NumberEngine): Promise<ApiResponse> =>
      respond(await dispatch(engine, found.match, requester, request), meta);
    const keyed = await runKeyed(options.engine, requester, key, request, answer, meta);
    return "refusal" in keyed ? respond(keyed.refusal, meta) : keyed.response;
  }

  return async (request) => {
    const meta = {
      authToken: header(request, "x-auth-token") ?? "",
      requestId: nextId(),
      revision: "",
    };
    try {
      return await handle(request, meta);
    } catch (error) {
      options.onError?.(error);
      return envelope(
        error instanceof StoreCallError ? storeFailure(error) : UNSPECIFIED_FAULT,
        meta,
      );
    }
  };
}
