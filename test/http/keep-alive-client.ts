import http from "node:http";
import type { Socket } from "node:net";

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
      const request = http.request(
        { host: "127.0.0.1", port, method, path, agent, headers },
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
