import net from "node:net";
import { describe, expect, it } from "vitest";
import { createHonoApp } from "../../src/http/hono-app.js";
import type { ApiRequest } from "../../src/http/types.js";
import { serveApp } from "../checks/keep-alive.js";

/** A handler that records what it received and answers 201 with a header. */
function recording() {
  const seen: ApiRequest[] = [];
  const app = createHonoApp(
    (request) => {
      seen.push(request);
      return Promise.resolve({ status: 201, headers: { "x-test": "yes" }, body: { ok: true } });
    },
    { maxBodyBytes: 10 },
  );
  return { app, seen };
}

describe("the Hono front end", () => {
  it("forwards the raw path, decoded query, headers and body bytes", async () => {
    const { app, seen } = recording();

    const response = await app.request(
      "/v2/accounts/a/phone_numbers/%2B14155550100?city=San%20Francisco",
      {
        method: "POST",
        headers: { "X-Auth-Token": "tok" },
        body: "{}",
      },
    );

    expect(response.status).toBe(201);
    expect(response.headers.get("x-test")).toBe("yes");
    expect(await response.json()).toEqual({ ok: true });
    expect(seen[0]).toMatchObject({
      method: "POST",
      path: "/v2/accounts/a/phone_numbers/%2B14155550100",
      query: { city: "San Francisco" },
      headers: { "x-auth-token": "tok" },
    });
    expect(Buffer.from(seen[0]?.body ?? "").toString("utf8")).toBe("{}");
  });

  it("keeps one byte past the limit, enough to judge a body too large", async () => {
    const { app, seen } = recording();

    const response = await app.request("/v2/phone_numbers", {
      method: "PUT",
      body: "x".repeat(1000),
    });

    expect(seen[0]?.body?.length).toBe(11);
    expect(response.headers.get("connection")).toBeNull();
  });

  it("closes the connection after a body longer than it drains", async () => {
    const app = createHonoApp(() => Promise.resolve({ status: 413, headers: {}, body: {} }), {
      maxBodyBytes: 10,
      maxDrainBytes: 100,
    });

    const drained = await app.request("/", { method: "PUT", body: "x".repeat(100) });
    const cut = await app.request("/", { method: "PUT", body: "x".repeat(101) });

    expect(drained.headers.get("connection")).toBeNull();
    expect(cut.headers.get("connection")).toBe("close");
  });

  it("sends no body when the request has none", async () => {
    const { app, seen } = recording();

    await app.request("/v2/phone_numbers?prefix=415");

    expect(seen[0]?.body).toBeUndefined();
  });

  it("gives the handler the same request through the Node server as through app.request", async () => {
    const { app, seen } = recording();
    const path = "/v2/accounts/a/phone_numbers/%2B14155550100";
    const query = "?city=San%20Francisco&x=1&x=2&empty=&plus=a+b";
    await app.request(`${path}${query}`, {
      headers: [
        ["X-Auth-Token", "tok"],
        ["X-Repeated", "one"],
        ["x-repeated", "two"],
        ["Host", "h"],
      ],
    });
    const { port, close } = await serveApp(app);
    try {
      const head =
        `GET ${path}${query} HTTP/1.1\r\nHost: h\r\nX-Auth-Token: tok\r\n` +
        "X-Repeated: one\r\nx-repeated: two\r\nConnection: close\r\n\r\n";
      await new Promise<void>((resolve, reject) => {
        const socket = net.connect(port, "127.0.0.1", () => socket.end(head));
        socket.on("data", () => undefined);
        socket.on("close", () => resolve());
        socket.on("error", reject);
      });
    } finally {
      close();
    }

    const [inProcess, overNode] = seen;
    expect(overNode).toEqual({ ...inProcess, headers: overNode?.headers });
    expect(overNode?.query).toEqual({ city: "San Francisco", x: "2", empty: "", plus: "a b" });
    expect(overNode?.headers).toMatchObject({
      ...inProcess?.headers,
      "x-repeated": "one, two",
      connection: "close",
    });
  });
});
