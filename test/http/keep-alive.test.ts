import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../src/cli/serve.js";
import { createHonoApp } from "../../src/http/hono-app.js";
import {
  checkEarlyAnswerKeepsConnection,
  oneConnectionClient,
  serveApp,
} from "../checks/keep-alive.js";

const CUSTOMER = { "X-Auth-Token": "token-customer-a" };
const A = "/v2/accounts/demo_customer_a/phone_numbers";
const LIST = { method: "GET", path: `${A}?page_size=1`, headers: CUSTOMER };
const UPDATE = { method: "POST", path: `${A}/%2B14152338397`, headers: CUSTOMER };

const EARLY_ANSWERS: readonly [string, string | Uint8Array, number][] = [
  ["a body over 1 MiB", JSON.stringify({ data: { x: "y".repeat(2 * 1024 * 1024) } }), 413],
  ["a deeply nested body", `{"data":{"x":${"[".repeat(200_000)}${"]".repeat(200_000)}}}`, 400],
  ["a body that is not UTF-8", Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), 400],
  ["malformed JSON", '{"data":', 400],
];

describe("early answers on a keep-alive connection", () => {
  let server: RunningServer;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startServer({
      port: 0,
      output: { log: () => undefined, error: (line) => errors.push(line) },
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it.each(EARLY_ANSWERS)(
    "answers %s and then serves the next request on the same connection",
    async (_label, body, status) => {
      await checkEarlyAnswerKeepsConnection(server.port, LIST, { ...UPDATE, body }, status);

      expect(errors).toEqual([]);
    },
  );

  it("gives a release whose body came unframed its own answer before refusing the body", async () => {
    const release =
      `DELETE ${A}/%2B16285551001 HTTP/1.1\r\nHost: h\r\nX-Auth-Token: token-customer-a\r\n\r\n` +
      '{"data":{}}';
    const answers = (await rawExchange(server.port, release)).split(/(?=HTTP\/1\.1 )/);

    expect(answers.map((a) => a.slice(0, 12))).toEqual(["HTTP/1.1 200", "HTTP/1.1 400"]);
    expect(answers[0]).toContain('"id":"+16285551001","state":"available"');
  });
});

describe("a body past the drain limit", () => {
  it("is answered with Connection: close, and the next request gets a new connection", async () => {
    const app = createHonoApp(
      (request) =>
        Promise.resolve({ status: 200, headers: {}, body: { bytes: request.body?.length ?? 0 } }),
      { maxBodyBytes: 16, maxDrainBytes: 1024 },
    );
    const server = await serveApp(app);
    const client = oneConnectionClient(server.port);
    try {
      const small = await client.send("POST", "/", {}, "x".repeat(10));
      const huge = await client.send("POST", "/", {}, "x".repeat(100_000));
      const after = await client.send("POST", "/", {}, "x".repeat(10));

      expect([small.status, huge.status, after.status]).toEqual([200, 200, 200]);
      expect(JSON.parse(huge.body)).toEqual({ bytes: 17 });
      expect(huge.connection).toBe("close");
      expect(after.socket).not.toBe(huge.socket);
    } finally {
      client.close();
      server.close();
    }
  });
});

/** Writes raw bytes on a new connection and resolves with all that comes back before it closes. */
function rawExchange(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    let received = "";
    socket.on("data", (chunk: Buffer) => (received += chunk.toString("latin1")));
    socket.on("error", reject);
    socket.on("close", () => resolve(received));
    socket.write(bytes);
  });
}

describe("bytes the parser refuses after a request (fuzzer seed 832624748)", () => {
  const seen: string[] = [];
  const app = createHonoApp(async (request) => {
    seen.push(`${request.method} ${request.path} ${request.body?.length ?? 0}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
    return { status: 200, headers: {}, body: { done: request.method } };
  });

  it("answers a DELETE whose body came unframed first, then 400 and close", async () => {
    seen.length = 0;
    const server = await serveApp(app);
    try {
      const received = await rawExchange(
        server.port,
        "DELETE /v2/x HTTP/1.1\r\nHost: h\r\n\r\n" + '{"data":{}}',
      );

      expect(seen).toEqual(["DELETE /v2/x 0"]);
      const answers = received.split(/(?=HTTP\/1\.1 )/);
      expect(answers).toHaveLength(2);
      expect(answers[0]).toMatch(/^HTTP\/1\.1 200 /);
      expect(answers[0]).toContain('{"done":"DELETE"}');
      expect(answers[1]).toBe("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
    } finally {
      server.close();
    }
  });

  it("keeps pipelined answers in order before the refusal", async () => {
    seen.length = 0;
    const server = await serveApp(app);
    try {
      const get = (path: string): string => `GET ${path} HTTP/1.1\r\nHost: h\r\n\r\n`;
      const received = await rawExchange(server.port, get("/a") + get("/b") + "NOT HTTP\r\n\r\n");

      expect(seen).toEqual(["GET /a 0", "GET /b 0"]);
      expect(received.match(/HTTP\/1\.1 \d+/g)).toEqual([
        "HTTP/1.1 200",
        "HTTP/1.1 200",
        "HTTP/1.1 400",
      ]);
    } finally {
      server.close();
    }
  });

  it("the test client frames DELETE and OPTIONS bodies, so they reach the handler", async () => {
    seen.length = 0;
    const server = await serveApp(app);
    const client = oneConnectionClient(server.port);
    try {
      const del = await client.send("DELETE", "/d", {}, "body ü");
      const options = await client.send("OPTIONS", "/o", {}, Buffer.from([1, 2, 3]));
      const after = await client.send("GET", "/g");

      expect([del.status, options.status, after.status]).toEqual([200, 200, 200]);
      expect(seen).toEqual(["DELETE /d 7", "OPTIONS /o 3", "GET /g 0"]);
      expect(del.socket === options.socket && options.socket === after.socket).toBe(true);
    } finally {
      client.close();
      server.close();
    }
  });
});
