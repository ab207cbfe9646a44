import { createHash } from "node:crypto";
import { isValidIdempotencyKey } from "../domain/idempotency.js";
import { nestsDeeperThan, type JsonValue } from "../domain/json.js";
import type { NumberEngine } from "../engine/engine.js";
import { failure, type Reply } from "./reply.js";
import { bodyText, MAX_BODY_DEPTH } from "./request-body.js";
import { storeCall, StoreCallError } from "./store-call.js";
import type { ApiRequest, ApiResponse } from "./types.js";

/** Methods whose requests may carry an `Idempotency-Key` (extensions.md X2). */
const KEYED_METHODS = new Set(["PUT", "POST", "DELETE"]);

/** The response header that marks a replayed answer. */
export const REPLAYED_HEADER = "Idempotent-Replayed";

const refusal = (status: number, message: string, sentence: string): Reply =>
  failure(status, message, { message: sentence });

/** 400: the key is not 1 to 255 visible ASCII characters. */
export const INVALID_KEY = refusal(
  400,
  "invalid_idempotency_key",
  "Idempotency-Key must be 1 to 255 visible ASCII characters",
);
/** 422: the key was used with another request. */
export const KEY_REUSED = refusal(
  422,
  "idempotency_key_reused",
  "this Idempotency-Key was used with another request",
);
/** 409: the first request with the key is still running. */
export const KEY_IN_FLIGHT = refusal(
  409,
  "idempotency_key_in_flight",
  "a request with this Idempotency-Key is still running",
);

/** The request's `Idempotency-Key` when the method takes one, else undefined. */
export function idempotencyKeyOf(request: ApiRequest): string | undefined {
  if (!KEYED_METHODS.has(request.method.toUpperCase())) return undefined;
  const headers = request.headers ?? {};
  const name = Object.keys(headers).find((k) => k.toLowerCase() === "idempotency-key");
  return name === undefined ? undefined : headers[name];
}

/** True when a key value is acceptable. */
export const validKey = (key: string): boolean => isValidIdempotencyKey(key);

/** JSON with object keys sorted, so that key order and spacing do not change a fingerprint. */
function canonical(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k] as JsonValue)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The request's fingerprint: method, path, query and body (compared as JSON when it is JSON). */
export function fingerprintOf(request: ApiRequest): string {
  const raw = request.body ?? "";
  let body = bodyText(raw) ?? Buffer.from(raw).toString("base64");
  try {
    const parsed = body.trim() === "" ? undefined : (JSON.parse(body) as JsonValue);
    if (parsed !== undefined && !nestsDeeperThan(parsed, MAX_BODY_DEPTH)) body = canonical(parsed);
  } catch {
    // Not JSON: the raw text is the body's fingerprint.
  }
  const query = canonical({ ...(request.query ?? {}) });
  return createHash("sha256")
    .update(JSON.stringify([request.method.toUpperCase(), request.path, query, body]))
    .digest("hex");
}

/** The form an answer is kept in: headers and body, without the request id. */
export function keptForm(response: ApiResponse): string {
  const body = response.body;
  const kept =
    body !== null && typeof body === "object" && !Array.isArray(body)
      ? Object.fromEntries(Object.entries(body).filter(([k]) => k !== "request_id"))
      : body;
  return JSON.stringify({ headers: response.headers, body: kept });
}

/** A kept answer replayed: the same status, headers and body, a new request id and token echo. */
export function replay(
  status: number,
  kept: string,
  meta: { readonly requestId: string; readonly authToken: string },
): ApiResponse {
  const { headers, body } = JSON.parse(kept) as {
    headers: Record<string, string>;
    body: JsonValue;
  };
  const fresh =
    body !== null && typeof body === "object" && !Array.isArray(body)
      ? { ...body, auth_token: meta.authToken, request_id: meta.requestId }
      : body;
  return { status, headers: { ...headers, [REPLAYED_HEADER]: "true" }, body: fresh };
}

/**
 * Runs a keyed request exactly once per account and key (extensions.md X2): a kept answer is
 * replayed for the same request and refused for another, a running one is refused, and a new
 * one runs in one unit of work whose commit keeps its answer (an answer of 500 or more is not
 * kept, so a retry runs again).
 */
export async function runKeyed(
  engine: NumberEngine,
  account: string,
  key: string,
  request: ApiRequest,
  run: (engine: NumberEngine) => Promise<ApiResponse>,
  meta: { readonly requestId: string; readonly authToken: string },
): Promise<{ readonly response: ApiResponse } | { readonly refusal: Reply }> {
  const fingerprint = fingerprintOf(request);
  const claim = await storeCall(() => engine.claimIdempotencyKey(account, key, fingerprint));
  if (claim.kind === "in_flight") return { refusal: KEY_IN_FLIGHT };
  if (claim.kind === "kept") {
    if (claim.answer.fingerprint !== fingerprint) return { refusal: KEY_REUSED };
    return { response: replay(claim.answer.status, claim.answer.response, meta) };
  }
  const release = (): Promise<void> =>
    storeCall(() => engine.releaseIdempotencyKey(account, key, claim.token));
  // What escapes the unit but not its work is its commit failing: a store call.
  let workFailed = false;
  const work = (scoped: NumberEngine): Promise<ApiResponse> =>
    run(scoped).catch((thrown: unknown) => {
      workFailed = true;
      throw thrown;
    });
  try {
    const response = await engine.atomically(work, (answer) =>
      answer.status >= 500
        ? undefined
        : { account, key, fingerprint, status: answer.status, response: keptForm(answer) },
    );
    if (response.status >= 500) await release();
    return { response };
  } catch (thrown) {
    await release();
    throw workFailed ? thrown : new StoreCallError(thrown);
  }
}
