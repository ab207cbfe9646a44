import type { MemoryWorld, MemoryWorldOptions } from "../../src/compose/memory-world.js";
import { MemoryTokenStore } from "../../src/adapters/memory/memory-tokens.js";
import type { JsonValue } from "../../src/domain/json.js";
import { createApiHandler } from "../../src/http/handler.js";
import type { ApiHandler, ApiResponse } from "../../src/http/types.js";
import { STANDARD_TREE } from "../support/accounts.js";
import { aWorld, snapshot } from "../support/world.js";

/** What a test request may carry besides method and path. */
export interface CallOptions {
  /** A JSON value is serialized; a string or bytes are sent as the raw body. */
  readonly body?: JsonValue | string | Uint8Array;
  readonly query?: Record<string, string>;
}

/** A handler over a memory world, with one token per account (`tok-<id>`). */
export interface Api {
  readonly world: MemoryWorld;
  readonly handle: ApiHandler;
  /** Sends a request as an account (`null`: no credentials). */
  call(
    as: string | null,
    method: string,
    path: string,
    options?: CallOptions,
  ): Promise<ApiResponse>;
  /** The repository's fingerprints, to prove that nothing was written. */
  snapshot(): Promise<Record<string, string>>;
}

/** `/v2/accounts/{account}/phone_numbers` plus an optional rest (numbers get URL-encoded by `n`). */
export const url = (account: string, rest = ""): string =>
  `/v2/accounts/${account}/phone_numbers${rest}`;

/** A number as a path segment. */
export const n = (number: string): string => `/${encodeURIComponent(number)}`;

/** Builds the handler over a world of the standard tree (unless other accounts are given). */
export async function anApi(options: Partial<MemoryWorldOptions> = {}): Promise<Api> {
  const world = await aWorld(options);
  const accounts = options.accounts ?? STANDARD_TREE;
  let counter = 0;
  const handle = createApiHandler({
    engine: world.engine,
    tokens: new MemoryTokenStore(accounts.map((a) => [`tok-${a.id}`, a.id] as const)),
    requestId: () => `req-${++counter}`,
  });
  return {
    world,
    handle,
    call: (as, method, path, { body, query } = {}) =>
      handle({
        method,
        path,
        query,
        headers: as === null ? {} : { "X-Auth-Token": `tok-${as}` },
        body:
          body === undefined || typeof body === "string" || body instanceof Uint8Array
            ? body
            : JSON.stringify(body),
      }),
    snapshot: () => snapshot(world.repository),
  };
}

/** The `data` of a response body. */
export const dataOf = (response: ApiResponse): JsonValue =>
  (response.body as { data: JsonValue }).data;
