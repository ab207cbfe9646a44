import type { Hono } from "hono";
import { lazyModule } from "../domain/lazy-module.js";
import { MAX_BODY_BYTES } from "./request-body.js";
import type { ApiHandler, ApiRequest } from "./types.js";

/** hono, loaded by the first app built (not by importing the library). */
const honoModule = lazyModule<{ Hono: typeof Hono }>("hono");

/** Options of the Hono front end. */
export interface HonoAppOptions {
  /** Receives one access-log line per request (method, path, status, milliseconds). */
  readonly log?: (line: string) => void;
  /** Bytes read from a body before it is judged too large (default 1 MiB). */
  readonly maxBodyBytes?: number;
  /**
   * Bytes of an oversized body read and discarded so the connection stays usable (default
   * 64 MiB). A body longer still is answered with `Connection: close`.
   */
  readonly maxDrainBytes?: number;
  /** Bytes of an upload (a port request attachment) read before it is judged too large (default 5 MiB, P14). */
  readonly maxUploadBytes?: number;
}

/** Upload paths (`…/port_requests/{id}/attachments…`): their bodies are bytes with their own limit. */
const isUpload = (path: string): boolean => /\/port_requests\/[^/]+\/attachments(\/|$)/.test(path);

/** What was read of a body: at most `limit + 1` bytes, and whether the stream was read to its end. */
interface ReadBody {
  readonly bytes: Uint8Array | undefined;
  readonly complete: boolean;
}

/**
 * False when the request came through @hono/node-server (its Node request in `env.incoming`)
 * with neither a length nor a chunked encoding: HTTP/1.1 says it has no body. Not touching the
 * body stream then spares the adapter from building a full Request (with an AbortSignal), most
 * of a GET's cost in the server's profile. Any other request's body is read as it comes.
 */
function mayHaveBody(env: unknown): boolean {
  const incoming = (env as { incoming?: { headers?: Record<string, unknown> } } | undefined)
    ?.incoming;
  const headers = incoming?.headers;
  if (headers === undefined) return true;
  const length = headers["content-length"];
  return (length !== undefined && length !== "0") || headers["transfer-encoding"] !== undefined;
}

/**
 * Reads at most `limit + 1` bytes of a body, enough for the handler to refuse an oversized
 * body without buffering it, then reads and discards the rest up to `drain` bytes in all, so
 * that the next request on a keep-alive connection starts where this one ended.
 */
async function readLimited(
  stream: ReadableStream<Uint8Array> | null,
  limit: number,
  drain: number,
): Promise<ReadBody> {
  if (stream === null) return { bytes: undefined, complete: true };
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let kept = 0;
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (kept <= limit) {
      chunks.push(value);
      kept += value.byteLength;
    }
    if (total > drain) {
      reader.releaseLock();
      return { bytes: Buffer.concat(chunks).subarray(0, limit + 1), complete: false };
    }
  }
  return { bytes: Buffer.concat(chunks).subarray(0, limit + 1), complete: true };
}

/**
 * A Hono app that forwards every request to an API handler: the raw (still percent-encoded)
 * path, decoded query, headers and body bytes go in; the handler's JSON envelope comes out.
 * Every body is read to its end before the answer, so an early answer (413, 400) leaves a
 * keep-alive connection usable; only a body past `maxDrainBytes` closes it.
 */
export function createHonoApp(handler: ApiHandler, options: HonoAppOptions = {}): Hono {
  const app = new (honoModule().Hono)();
  const limit = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const uploadLimit = options.maxUploadBytes ?? 5_242_880;
  const drain = Math.max(options.maxDrainBytes ?? 64 * 1024 * 1024, limit + 1);
  app.all("*", async (c) => {
    const started = performance.now();
    const url = new URL(c.req.url);
    const upload = isUpload(url.pathname);
    const bodyLimit = upload ? uploadLimit : limit;

    const body = await readLimited(
      mayHaveBody(c.env) ? c.req.raw.body : null,
      bodyLimit,
      Math.max(drain, bodyLimit + 1),
    );
    const request: ApiRequest = {
      method: c.req.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: c.req.header(),
      body: body.bytes,
      bodyTruncated: (body.bytes?.byteLength ?? 0) > bodyLimit,
    };
    const response = await handler(request);
    const ms = (performance.now() - started).toFixed(1);
    options.log?.(`${request.method} ${request.path} ${response.status} ${ms}ms`);
    // A plain header record: the Node adapter writes it as it is (a Headers object is converted).
    const headers = body.complete ? response.headers : { ...response.headers, connection: "close" };
    const content = response.bytes ?? JSON.stringify(response.body);
    return new Response(content, { status: response.status, headers });
  });
  return app;
}
