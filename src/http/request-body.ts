import { isJsonObject, type JsonObject, type JsonValue } from "../domain/json.js";
import { failure, type Reply } from "./reply.js";

/** The largest body accepted, in bytes (1 MiB). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** A parsed request body: `data` and the top-level keys next to it (`accept_charges`). */
export interface RequestBody {
  readonly data: JsonObject;
  readonly top: JsonObject;
}

const invalidBody = (message: string): Reply => failure(400, "invalid request", { message });

/**
 * Parses a raw body: absent or blank means `{"data": {}}`; otherwise it must be a JSON object
 * whose `data`, when present, is an object. Anything else is a 4xx reply naming the problem.
 */
export function parseBody(
  raw: string | undefined,
  maxBytes = MAX_BODY_BYTES,
): { ok: true; body: RequestBody } | { ok: false; reply: Reply } {
  if (raw === undefined || raw.trim() === "") return { ok: true, body: { data: {}, top: {} } };
  if (Buffer.byteLength(raw, "utf8") > maxBytes) {
    return {
      ok: false,
      reply: failure(413, "request entity too large", {
        message: `the body is larger than ${maxBytes} bytes`,
      }),
    };
  }
  let parsed: JsonValue;
  try {
    parsed = JSON.parse(raw) as JsonValue;
  } catch {
    return { ok: false, reply: invalidBody("the body is not valid JSON") };
  }
  if (!isJsonObject(parsed)) {
    return { ok: false, reply: invalidBody("the body must be a JSON object") };
  }
  const data = parsed["data"];
  if (data !== undefined && !isJsonObject(data)) {
    return { ok: false, reply: invalidBody("the body's data must be a JSON object") };
  }
  return { ok: true, body: { data: data ?? {}, top: parsed } };
}
