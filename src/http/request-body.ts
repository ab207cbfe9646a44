import { isJsonObject, nestsDeeperThan, type JsonObject, type JsonValue } from "../domain/json.js";
import { failure, type Reply } from "./reply.js";

/** The largest body accepted, in bytes (1 MiB). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The deepest nesting of arrays and objects accepted in a body, the envelope's object included. */
export const MAX_BODY_DEPTH = 64;

/** A parsed request body: `data` and the top-level keys next to it (`accept_charges`). */
export interface RequestBody {
  readonly data: JsonObject;
  readonly top: JsonObject;
}

const invalidBody = (message: string): Reply => failure(400, "invalid request", { message });

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** The body as text: bytes are decoded as UTF-8, and undefined means they are not valid UTF-8. */
export function bodyText(raw: string | Uint8Array): string | undefined {
  if (typeof raw === "string") return raw;
  try {
    return strictUtf8.decode(raw);
  } catch {
    return undefined;
  }
}

/**
 * Parses a raw body: absent or blank means `{"data": {}}`; otherwise it must be valid UTF-8,
 * JSON, an object nested at most MAX_BODY_DEPTH levels, whose `data`, when present, is an
 * object. Anything else is a 4xx reply naming the problem.
 */
export function parseBody(
  raw: string | Uint8Array | undefined,
  maxBytes = MAX_BODY_BYTES,
): { ok: true; body: RequestBody } | { ok: false; reply: Reply } {
  if (raw === undefined) return { ok: true, body: { data: {}, top: {} } };
  const size = typeof raw === "string" ? Buffer.byteLength(raw, "utf8") : raw.byteLength;
  if (size > maxBytes) {
    return {
      ok: false,
      reply: failure(413, "request entity too large", {
        message: `the body is larger than ${maxBytes} bytes`,
      }),
    };
  }
  const text = bodyText(raw);
  if (text === undefined) return { ok: false, reply: invalidBody("the body is not valid UTF-8") };
  if (text.trim() === "") return { ok: true, body: { data: {}, top: {} } };
  let parsed: JsonValue;
  try {
    parsed = JSON.parse(text) as JsonValue;
  } catch {
    return { ok: false, reply: invalidBody("the body is not valid JSON") };
  }
  if (!isJsonObject(parsed)) {
    return { ok: false, reply: invalidBody("the body must be a JSON object") };
  }
  if (nestsDeeperThan(parsed, MAX_BODY_DEPTH)) {
    return {
      ok: false,
      reply: invalidBody(`the body nests deeper than ${MAX_BODY_DEPTH} levels`),
    };
  }
  const data = parsed["data"];
  if (data !== undefined && !isJsonObject(data)) {
    return { ok: false, reply: invalidBody("the body's data must be a JSON object") };
  }
  return { ok: true, body: { data: data ?? {}, top: parsed } };
}
