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
