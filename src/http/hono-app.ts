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

/** What a request that came through @hono/node-server carries in `env.incoming` (Node's request). */
interface NodeIncoming {
  readonly headers?: Record<string, unknown>;
  readonly rawHeaders?: readonly string[];
}

/** Node's request behind a Hono request, when it came through @hono/node-server. */
const incomingOf = (env: unknown): NodeIncoming | undefined =>
  (env as { incoming?: NodeIncoming } | undefined)?.incoming;

/**
 * False when the request came through @hono/node-server with neither a length nor a chunked
 * encoding: HTTP/1.1 says it has no body. Not touching the body stream then spares the adapter
 * from building a full Request (with an AbortSignal), most of a GET's cost in the server's
 * profile. Any other request's body is read as it comes.
 */
function mayHaveBody(incoming: NodeIncoming | undefined): boolean {
  const headers = incoming?.headers;
  if (headers === undefined) return true;
  const length = headers["content-length"];
  return (length !== undefined && length !== "0") || headers["transfer-encoding"] !== undefined;
}

/**
 * The request's headers as a record of lowercase names, repeated headers joined with ", " (what
 * Hono's `c.req.header()` answers). Read from Node's raw header list when there is one, which
 * spares building a `Headers` object per request; HTTP/2 pseudo-headers are left out, as there.
 */
function headerRecord(
  incoming: NodeIncoming | undefined,
  fallback: () => Record<string, string>,
): Record<string, string> {
  const raw = incoming?.rawHeaders;
  if (raw === undefined) return fallback();
  const record: Record<string, string> = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = (raw[i] as string).toLowerCase();
    if (name.charCodeAt(0) === 58) continue; // ":"
    const value = raw[i + 1] as string;
    const before = record[name];
    record[name] = before === undefined ? value : `${before}, ${value}`;
  }
  return record;
}

/**
 * The path (still percent-encoded) and the query of a request URL as the adapter gives it
 * (`c.req.url`, already an absolute, normalized href): cut out of the string, as `new URL` would
 * split it, without parsing it again.
 */
function splitUrl(href: string): { path: string; query: Record<string, string> } {
  const authority = href.indexOf("//");
  const start = href.indexOf("/", authority < 0 ? 0 : authority + 2);
  const hash = href.indexOf("#");
  const end = hash < 0 ? href.length : hash;
  const mark = href.indexOf("?");
  const hasQuery = mark >= 0 && mark < end;
  const path = start < 0 || start >= end ? "/" : href.slice(start, hasQuery ? mark : end);
  return {
    path,
    query: hasQuery ? Object.fromEntries(new URLSearchParams(href.slice(mark + 1, end))) : {},
  };
}

/** A request without a body stream: nothing to read. */
const NO_BODY: ReadBody = { bytes: undefined, complete: true };

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
  const log = options.log;
  app.all("*", async (c) => {
    const started = log === undefined ? 0 : performance.now();
    const { path, query } = splitUrl(c.req.url);
    const incoming = incomingOf(c.env);
    const bodyLimit = isUpload(path) ? uploadLimit : limit;

    const body = mayHaveBody(incoming)
      ? await readLimited(c.req.raw.body, bodyLimit, Math.max(drain, bodyLimit + 1))
      : NO_BODY;
    const request: ApiRequest = {
      method: c.req.method,
      path,
      query,
      headers: headerRecord(incoming, () => c.req.header()),
      body: body.bytes,
      bodyTruncated: (body.bytes?.byteLength ?? 0) > bodyLimit,
    };
    const response = await handler(request);
    if (log !== undefined) {
      const ms = (performance.now() - started).toFixed(1);
      log(`${request.method} ${request.path} ${response.status} ${ms}ms`);
    }
    // A plain header record: the Node adapter writes it as it is (a Headers object is converted).
    const headers = body.complete ? response.headers : { ...response.headers, connection: "close" };
    const content = response.bytes ?? JSON.stringify(response.body);
    return new Response(content, { status: response.status, headers });
  });
  return app;
}
