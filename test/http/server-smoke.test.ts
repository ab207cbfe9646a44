import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { banner, startServer, type RunningServer } from "../../src/cli/serve.js";

const N = "+16505550123";
const MASTER = { "X-Auth-Token": "token-master" };
const CUSTOMER = { "X-Auth-Token": "token-customer-a" };

describe("the sandbox server over HTTP", () => {
  let server: RunningServer;
  const lines: string[] = [];
  const base = () => `http://127.0.0.1:${server.port}`;
  const send = async (
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: string,
  ) => {
    const response = await fetch(`${base()}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const numberPath = (account: string, rest = "") =>
    `/v2/accounts/${account}/phone_numbers/${encodeURIComponent(N)}${rest}`;

  beforeAll(async () => {
    server = await startServer({
      port: 0,
      output: { log: (line) => lines.push(line), error: (line) => lines.push(line) },
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it("creates, reserves, activates, lists and releases a number", async () => {
    const created = await send(
      "PUT",
      numberPath("demo_master"),
      MASTER,
      '{"data": {"nickname": "smoke"}}',
    );
    const reserved = await send("PUT", numberPath("demo_customer_a", "/reserve"), CUSTOMER);
    const activated = await send("PUT", numberPath("demo_customer_a", "/activate"), CUSTOMER);
    const listed = await send(
      "GET",
      "/v2/accounts/demo_customer_a/phone_numbers?page_size=500",
      CUSTOMER,
    );
    const released = await send("DELETE", numberPath("demo_customer_a"), CUSTOMER);

    expect([created, reserved, activated, listed, released].map((r) => r.status)).toEqual([
      200, 200, 200, 200, 200,
    ]);
    expect(created.body).toMatchObject({ data: { state: "available", nickname: "smoke" } });
    expect(reserved.body).toMatchObject({ data: { state: "reserved" } });
    expect(activated.body).toMatchObject({ data: { state: "in_service" } });
    expect(listed.body).toMatchObject({
      data: { numbers: { [N]: { assigned_to: "demo_customer_a", state: "in_service" } } },
    });
    expect(released.body).toMatchObject({ data: { id: N, state: "available" } });
  });

  it("answers the global search with the API document's example numbers", async () => {
    const response = await send("GET", "/v2/phone_numbers?prefix=415&quantity=2", {});

    expect(response.body).toMatchObject({
      auth_token: "",
      data: [{ number: "+14152338397" }, { number: "+14152338421" }],
      status: "success",
    });
  });

  it("refuses a body over 1 MiB with 413", async () => {
    const body = JSON.stringify({ data: { blob: "x".repeat(2 * 1024 * 1024) } });

    const response = await send("POST", numberPath("demo_customer_a"), CUSTOMER, body);

    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ status: "error", error: "413" });
  });

  it("writes one access-log line per request and prints every demo token on start", () => {
    expect(
      lines.some((line) =>
        /^PUT \/v2\/accounts\/demo_master\/phone_numbers\/%2B16505550123 200 \d+(\.\d+)?ms$/.test(
          line,
        ),
      ),
    ).toBe(true);
    const shown = banner({ address: "127.0.0.1", port: 8000 }, "memory");
    expect(shown.filter((line) => line.startsWith("account "))).toHaveLength(4);
    expect(shown.join("\n")).toContain("token-customer-a");
  });
});
