/**
 * The keep-alive check: after an early answer (413, 400) the next request goes over the same
 * connection and succeeds. Shared by the HTTP tests and the acceptance tests.
 */
import { serve } from "@hono/node-server";
import type { Hono } from "hono";
import http, { type Server } from "node:http";
import { answerParseErrorsInOrder } from "../../src/http/parse-errors.js";
import type { Socket } from "node:net";
import { expect } from "vitest";

/** One answer received over the client's connection. */
export interface ClientAnswer {
  readonly status: number;
  readonly connection: string | undefined;
  readonly body: string;
  /** The connection it came over (the same object means the same TCP connection). */
  readonly socket: Socket;
}

/** A keep-alive HTTP client with at most one connection: each request reuses it when it can. */
export function oneConnectionClient(port: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const send = (
    method: string,
    path: string,
    headers: Record<string, string> = {},
    body?: string | Uint8Array,
  ): Promise<ClientAnswer> =>
    new Promise((resolve, reject) => {
      // Node's client frames a DELETE or OPTIONS body only when told its length: without it the
      // server reads a bodiless request and the body bytes as the next one.
      const framed =
        body === undefined
          ? headers
          : { ...headers, "Content-Length": String(Buffer.byteLength(body)) };
      const request = http.request(
        { host: "127.0.0.1", port, method, path, agent, headers: framed },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("error", reject);
          response.on("end", () =>
            resolve({
              status: response.statusCode ?? 0,
              connection: response.headers.connection,
              body: Buffer.concat(chunks).toString("utf8"),
              socket: request.socket as Socket,
            }),
          );
        },
      );
      request.on("error", reject);
      request.end(body);
    });
  return { send, close: () => agent.destroy() };
}

/** Serves a Hono app on a free loopback port. */
export function serveApp(app: Hono): Promise<{ port: number; close: () => void }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) =>
      resolve({ port: info.port, close: () => server.close() }),
    );
    answerParseErrorsInOrder(server as Server);
  });
}

/** A request the check sends: method, path and headers. */
export interface CheckRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
}

/**
 * Over one keep-alive connection: a normal request, the bad one (answered `status`), then the
 * normal one again, which must succeed over the same connection.
 */
export async function checkEarlyAnswerKeepsConnection(
  port: number,
  normal: CheckRequest,
  bad: CheckRequest & { readonly body: string | Uint8Array },
  status: number,
): Promise<void> {
  const client = oneConnectionClient(port);
  try {
    const first = await client.send(normal.method, normal.path, normal.headers);
    const answer = await client.send(bad.method, bad.path, bad.headers, bad.body);
    const next = await client.send(normal.method, normal.path, normal.headers);

    expect(answer.status).toBe(status);
    expect(JSON.parse(answer.body)).toMatchObject({ status: "error", error: String(status) });
    expect(answer.connection, "the early answer closes the connection").toBe("keep-alive");
    expect(next.status).toBe(200);
    expect(answer.socket === first.socket && next.socket === first.socket).toBe(true);
  } finally {
    client.close();
  }
}
