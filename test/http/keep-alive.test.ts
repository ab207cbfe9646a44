import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../src/cli/serve.js";
import { createHonoApp } from "../../src/http/hono-app.js";
import { oneConnectionClient } from "./keep-alive-client.js";

const CUSTOMER = { "X-Auth-Token": "token-customer-a" };
const A = "/v2/accounts/demo_customer_a/phone_numbers";
const NUMBER = `${A}/%2B14152338397`;

const EARLY_ANSWERS: readonly [string, string | Uint8Array, number][] = [
  ["a body over 1 MiB", JSON.stringify({ data: { x: "y".repeat(2 * 1024 * 1024) } }), 413],
  ["a deeply nested body", `{"data":{"x":${"[".repeat(200_000)}${"]".repeat(200_000)}}}`, 400],
  ["a body that is not UTF-8", Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), 400],
  ["malformed JSON", '{"data":', 400],
];

describe("early answers on a keep-alive connection", () => {
  let server: RunningServer;
  let client: ReturnType<typeof oneConnectionClient>;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startServer({
      port: 0,
      output: { log: () => undefined, error: (line) => errors.push(line) },
    });
    client = oneConnectionClient(server.port);
  });
  afterAll(async () => {
    client.close();
    await server.close();
  });

  it.each(EARLY_ANSWERS)(
    "answers %s and then serves the next request on the same connection",
    async (_label, body, status) => {
      const warmUp = await client.send("GET", `${A}?page_size=1`, CUSTOMER);
      const bad = await client.send("POST", NUMBER, CUSTOMER, body);
      const next = await client.send("GET", `${A}?page_size=1`, CUSTOMER);

      expect(bad.status).toBe(status);
      expect(JSON.parse(bad.body)).toMatchObject({ status: "error", error: String(status) });
      expect(bad.connection).toBe("keep-alive");
      expect(next.status).toBe(200);
      expect(bad.socket).toBe(warmUp.socket);
      expect(next.socket).toBe(warmUp.socket);
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
    const { server, port } = await new Promise<{
      server: ReturnType<typeof serve>;
      port: number;
    }>((resolve) => {
      const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) =>
        resolve({ server, port: info.port }),
      );
    });
    const client = oneConnectionClient(port);
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
