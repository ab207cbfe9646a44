import { Hono } from "hono";
import { MAX_BODY_BYTES } from "./request-body.js";
import type { ApiHandler, ApiRequest } from "./types.js";

/** Options of the Hono front end. */
export interface HonoAppOptions {
  /** Receives one access-log line per request (method, path, status, milliseconds). */
  readonly log?: (line: string) => void;
  /** Bytes read from a body before it is judged too large (default 1 MiB). */
  readonly maxBodyBytes?: number;
}

/**
 * Reads at most `limit + 1` bytes of a body: enough for the handler to refuse an oversized body
 * without the server buffering all of it.
 */
async function readLimited(
  stream: ReadableStream<Uint8Array> | null,
  limit: number,
): Promise<string | undefined> {
  if (stream === null) return undefined;
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      break;
    }
  }
  return Buffer.concat(chunks)
    .subarray(0, limit + 1)
    .toString("utf8");
}

/**
 * A Hono app that forwards every request to an API handler: the raw (still percent-encoded)
 * path, decoded query, headers and body text go in; the handler's JSON envelope comes out.
 */
export function createHonoApp(handler: ApiHandler, options: HonoAppOptions = {}): Hono {
  const app = new Hono();
  const limit = options.maxBodyBytes ?? MAX_BODY_BYTES;
  app.all("*", async (c) => {
    const started = performance.now();
    const url = new URL(c.req.url);
    const request: ApiRequest = {
      method: c.req.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: c.req.header(),
      body: await readLimited(c.req.raw.body, limit),
    };
    const response = await handler(request);
    const ms = (performance.now() - started).toFixed(1);
    options.log?.(`${request.method} ${request.path} ${response.status} ${ms}ms`);
    return new Response(JSON.stringify(response.body), {
      status: response.status,
      headers: new Headers(response.headers),
    });
  });
  return app;
}
