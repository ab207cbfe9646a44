import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";

/** Node's own answers to bytes its parser refuses, by error code (400 for the rest). */
const REFUSALS: Readonly<Record<string, string>> = {
  HPE_HEADER_OVERFLOW: "431 Request Header Fields Too Large",
  HPE_CHUNK_EXTENSIONS_OVERFLOW: "413 Payload Too Large",
  ERR_HTTP_REQUEST_TIMEOUT: "408 Request Timeout",
};

const refusal = (code: string | undefined): string =>
  `HTTP/1.1 ${REFUSALS[code ?? ""] ?? "400 Bad Request"}\r\nConnection: close\r\n\r\n`;

/**
 * Makes a Node HTTP server answer bytes its parser refuses (a 400, then close) only after the
 * answers still in flight on that connection are sent. Node's default writes its 400 in their
 * place: a DELETE whose body came without `Content-Length` is carried out bodiless, the body
 * bytes then fail to parse as the next request, and the client reads that 400 as the DELETE's
 * answer although the number was released.
 */
export function answerParseErrorsInOrder(server: Server): void {
  const inFlight = new WeakMap<Duplex, Set<ServerResponse>>();
  const refused = new WeakSet<Duplex>();
  server.on("request", (request: IncomingMessage, response: ServerResponse) => {
    const socket = request.socket;
    const answers = inFlight.get(socket) ?? new Set<ServerResponse>();
    inFlight.set(socket, answers);
    answers.add(response);
    response.once("close", () => answers.delete(response));
  });
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (refused.has(socket)) return;
    refused.add(socket);
    const refuse = (): void => {
      if (socket.writable) socket.end(refusal(error.code));
      else socket.destroy();
    };
    const answers = [...(inFlight.get(socket) ?? [])];
    if (answers.length === 0) return refuse();
    let waiting = answers.length;
    for (const answer of answers)
      answer.once("close", () => {
        waiting--;
        if (waiting === 0) refuse();
      });
  });
}
