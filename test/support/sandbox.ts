import { fileURLToPath } from "node:url";
import { startChild, type Child } from "./child.js";

const MAIN = fileURLToPath(new URL("../../src/cli/main.ts", import.meta.url));

/** A `number-lifecycle serve` process on a free port, and how to call it. */
export interface Sandbox {
  readonly child: Child;
  /** The line that names the store. */
  readonly banner: string;
  /** Sends a request as a demo token (null: none); JSON bodies are wrapped in `data`. */
  call(
    token: string | null,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }>;
}

/** Starts the sandbox server on a store and waits until it listens. */
export async function startSandbox(store: string, extra: readonly string[] = []): Promise<Sandbox> {
  const args = ["serve", "--port", "0", "--sweep-interval", "0", "--store", store, ...extra];
  const child = startChild(MAIN, args);
  const banner = await child.waitFor((line) => line.includes(" listening on http://"));
  const base = /listening on (http:\/\/\S+)/.exec(banner)?.[1] ?? "";
  return {
    child,
    banner,
    call: async (token, method, path, body, headers = {}) => {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: {
          ...(token === null ? {} : { "X-Auth-Token": token }),
          ...(body === undefined ? {} : { "Content-Type": "application/json" }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify({ data: body }) }),
      });
      return {
        status: response.status,
        body: (await response.json()) as Record<string, unknown>,
        headers: response.headers,
      };
    },
  };
}

/** Stops a sandbox with SIGTERM and resolves with its exit code. */
export async function stopSandbox(sandbox: Sandbox): Promise<number | string> {
  sandbox.child.process.kill("SIGTERM");
  return sandbox.child.exited;
}
