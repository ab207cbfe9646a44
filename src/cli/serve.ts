import { serve as listen } from "@hono/node-server";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createMemoryWorld } from "../compose/memory-world.js";
import type { World } from "../compose/world.js";
import { SystemClock } from "../adapters/system-clock.js";
import type { NumberEngine } from "../engine/engine.js";
import { createApiHandler } from "../http/handler.js";
import { createHonoApp } from "../http/hono-app.js";
import { answerParseErrorsInOrder } from "../http/parse-errors.js";
import { DEMO_ACCOUNTS, demoWorldOptions } from "./demo-world.js";

/** A running sandbox server. */
export interface RunningServer {
  /** The port it listens on (the real one when 0 was asked). */
  readonly port: number;
  /** The address it is bound to, as the system reports it (`127.0.0.1`, `::`, ...). */
  readonly address: string;
  /** The engine behind it. */
  readonly engine: NumberEngine;
  /** Stops accepting connections and resolves once the requests in flight are answered. */
  close(): Promise<void>;
}

/** Where the sandbox server writes its access log and errors. */
export interface ServerOutput {
  readonly log: (line: string) => void;
  readonly error: (line: string) => void;
}

/** How to start the sandbox server. */
export interface ServerOptions {
  /** 0 asks for an ephemeral port. */
  readonly port: number;
  /** The address to bind (default 127.0.0.1). */
  readonly host?: string;
  readonly output?: ServerOutput;
  /** The engine and tokens to serve (default: a fresh in-memory demo world). */
  readonly world?: Pick<World, "engine" | "tokens">;
}

const quiet: ServerOutput = { log: () => undefined, error: () => undefined };

/**
 * Starts the sandbox API over a world (a fresh in-memory demo world unless one is given); rejects (with the system error, e.g.
 * EADDRINUSE) when it cannot listen.
 *
 * @example
 * const server = await startServer({ port: 0 });
 * await fetch(`http://127.0.0.1:${server.port}/v2/phone_numbers?prefix=415`);
 * await server.close();
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const output = options.output ?? quiet;
  const world =
    options.world ??
    (await createMemoryWorld({
      ...demoWorldOptions(),
      tokens: DEMO_ACCOUNTS.map((a) => [a.token, a.id] as const),
      clock: new SystemClock(),
    }));
  const handler = createApiHandler({
    engine: world.engine,
    tokens: world.tokens,
    onError: (error) =>
      output.error(error instanceof Error ? (error.stack ?? error.message) : String(error)),
  });
  const app = createHonoApp(handler, {
    // No access log is timed and formatted when nobody reads it.
    ...(options.output === undefined ? {} : { log: output.log }),
    maxUploadBytes: world.engine.config.port_attachment_max_bytes,
  });
  return new Promise((resolve, reject) => {
    const server = listen(
      { fetch: app.fetch, port: options.port, hostname: options.host ?? "127.0.0.1" },
      (info: AddressInfo) => {
        server.off("error", reject);
        resolve({
          port: info.port,
          address: info.address,
          engine: world.engine,
          close: () =>
            new Promise<void>((done, failed) => {
              server.close((error) => (error === undefined ? done() : failed(error)));
            }),
        });
      },
    );
    answerParseErrorsInOrder(server as Server);
    server.once("error", reject);
  });
}

/** `host:port` as a URL authority: IPv6 addresses go in brackets. */
function authority(address: string, port: number): string {
  return address.includes(":") ? `[${address}]:${port}` : `${address}:${port}`;
}

/** The lines printed on start: the bound address and store, each demo account and a curl example. */
export function banner(server: Pick<RunningServer, "address" | "port">, store: string): string[] {
  const customer = DEMO_ACCOUNTS[2] ?? DEMO_ACCOUNTS[0];
  const wildcard = server.address === "0.0.0.0" || server.address === "::";
  const reach = authority(wildcard ? "127.0.0.1" : server.address, server.port);
  return [
    `number-lifecycle sandbox listening on http://${authority(server.address, server.port)} (store: ${store})`,
    ...DEMO_ACCOUNTS.map((a) => `account ${a.id} (${a.name}) token ${a.token}`),
    `try: curl -H "X-Auth-Token: ${customer?.token ?? ""}" "http://${reach}/v2/accounts/${customer?.id ?? ""}/phone_numbers?page_size=5"`,
  ];
}
