import { serve as listen } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import { MemoryTokenStore } from "../adapters/memory/memory-tokens.js";
import { createMemoryWorld } from "../compose/memory-world.js";
import { SystemClock } from "../adapters/system-clock.js";
import { createApiHandler } from "../http/handler.js";
import { createHonoApp } from "../http/hono-app.js";
import { DEMO_ACCOUNTS, demoWorldOptions } from "./demo-world.js";

/** A running sandbox server. */
export interface RunningServer {
  /** The port it listens on (the real one when 0 was asked). */
  readonly port: number;
  /** Stops accepting connections and resolves once the server is closed. */
  close(): Promise<void>;
}

/** Where the sandbox server writes its access log and errors. */
export interface ServerOutput {
  readonly log: (line: string) => void;
  readonly error: (line: string) => void;
}

const quiet: ServerOutput = { log: () => undefined, error: () => undefined };

/**
 * Starts the sandbox API over a fresh demo world on `port` (0: an ephemeral port).
 *
 * @example
 * const server = await startServer(0);
 * await fetch(`http://127.0.0.1:${server.port}/v2/phone_numbers?prefix=415`);
 * await server.close();
 */
export async function startServer(
  port: number,
  output: ServerOutput = quiet,
  hostname = "127.0.0.1",
): Promise<RunningServer> {
  const world = await createMemoryWorld({ ...demoWorldOptions(), clock: new SystemClock() });
  const handler = createApiHandler({
    engine: world.engine,
    tokens: new MemoryTokenStore(DEMO_ACCOUNTS.map((a) => [a.token, a.id] as const)),
    onError: (error) =>
      output.error(error instanceof Error ? (error.stack ?? error.message) : String(error)),
  });
  const app = createHonoApp(handler, {
    log: output.log,
    maxUploadBytes: world.engine.config.port_attachment_max_bytes,
  });
  return new Promise((resolve) => {
    const server = listen({ fetch: app.fetch, port, hostname }, (info: AddressInfo) => {
      resolve({
        port: info.port,
        close: () =>
          new Promise<void>((done, failed) => {
            server.close((error) => (error === undefined ? done() : failed(error)));
          }),
      });
    });
  });
}

/** The lines printed on start: each demo account and its token, then a ready curl example. */
export function banner(port: number): string[] {
  const customer = DEMO_ACCOUNTS[2] ?? DEMO_ACCOUNTS[0];
  return [
    `number-lifecycle sandbox listening on http://127.0.0.1:${port}`,
    ...DEMO_ACCOUNTS.map((a) => `account ${a.id} (${a.name}) token ${a.token}`),
    `try: curl -H "X-Auth-Token: ${customer?.token ?? ""}" "http://127.0.0.1:${port}/v2/accounts/${customer?.id ?? ""}/phone_numbers?page_size=5"`,
  ];
}

/** `number-lifecycle serve`: runs the sandbox on PORT (default 8000) until SIGINT or SIGTERM. */
export async function serve(_args: readonly string[]): Promise<number | undefined> {
  const output: ServerOutput = {
    log: (line) => process.stdout.write(`${line}\n`),
    error: (line) => process.stderr.write(`${line}\n`),
  };
  const port = Number(process.env["PORT"] ?? 8000);
  const server = await startServer(port, output, process.env["HOST"] ?? "127.0.0.1");
  for (const line of banner(server.port)) output.log(line);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  await server.close();
  output.log("sandbox stopped");
  return 0;
}
