import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aNumber } from "../support/records.js";
import { anApi, n, url, type CallOptions } from "./api.js";
import { expectError } from "./envelope-expect.js";

const N = "+14155550100";
const DEEP = "the body nests deeper than 64 levels";
const UTF8 = "the body is not valid UTF-8";

/** A world with one number acme_sales owns, and the request under test sent as acme. */
async function sendAsAcme(method: string, path: string, options: CallOptions = {}) {
  const api = await anApi({
    numbers: [aNumber({ state: "in_service", assignedTo: "acme_sales" })],
  });
  const before = await api.snapshot();
  const response = await api.call("acme", method, path, options);
  return {
    response,
    unchanged:
      (await api.snapshot()) === before ||
      JSON.stringify(await api.snapshot()) === JSON.stringify(before),
  };
}

describe("bad input", () => {
  it.each([
    ["malformed JSON", '{"data": {"nickname": "x"'],
    ["a JSON array", "[1, 2]"],
    ["data that is a string", '{"data": "nickname"}'],
    ["data that is a list", '{"data": [1]}'],
  ])("refuses %s with a 400 envelope and writes nothing", async (_label, body) => {
    const { response, unchanged } = await sendAsAcme("POST", url("acme_sales", n(N)), { body });

    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      status: "error",
      error: "400",
      data: { message: expect.any(String) },
    });
    expect(unchanged).toBe(true);
  });

  it.each([
    ["an object nested 65 levels", `{"data":${'{"a":'.repeat(64)}1${"}".repeat(64)}}`, DEEP],
    ["arrays nested 100,000 levels", `{"data":{"x":${"[".repeat(1e5)}${"]".repeat(1e5)}}}`, DEEP],
    ["bytes that are not UTF-8", Buffer.from('{"data":{"nickname":"\xff\xfe"}}', "latin1"), UTF8],
  ])("refuses %s with a 400 envelope and writes nothing", async (_label, body, message) => {
    const { response, unchanged } = await sendAsAcme("POST", url("acme_sales", n(N)), { body });

    expectError(response, 400, "invalid request", { message });
    expect(unchanged).toBe(true);
  });

  it("accepts a body nested exactly 64 levels and valid UTF-8 bytes", async () => {
    const deep = `{"data":{"nickname":"\u00e9t\u00e9","x":${'{"a":'.repeat(62)}1${"}".repeat(62)}}}`;

    const { response } = await sendAsAcme("POST", url("acme_sales", n(N)), {
      body: Buffer.from(deep, "utf8"),
    });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ data: { nickname: "été" } });
  });

  it("refuses a body over 1 MiB with 413 and writes nothing", async () => {
    const body = JSON.stringify({ data: { blob: "x".repeat(1024 * 1024) } });

    const { response, unchanged } = await sendAsAcme("POST", url("acme_sales", n(N)), { body });

    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ status: "error", error: "413" });
    expect(unchanged).toBe(true);
  });

  it("refuses a cnam of the wrong type with a validation error", async () => {
    const { response, unchanged } = await sendAsAcme("POST", url("acme_sales", n(N)), {
      body: { data: { cnam: "My caller ID" } },
    });

    expectError(response, 400, "validation error", {
      cnam: { type: { message: "cnam must be an object" } },
    });
    expect(unchanged).toBe(true);
  });

  it("answers 404 for an unknown route and for an unknown sub-resource of a number", async () => {
    const unknown = await sendAsAcme("GET", "/v2/accounts/acme/no_such_resource");
    const subResource = await sendAsAcme("GET", url("acme_sales", `${n(N)}/foo`));

    expect(unknown.response.status).toBe(404);
    expect(subResource.response.status).toBe(404);
    expect(unknown.response.body).toMatchObject({ status: "error", error: "404" });
  });

  it("answers 405 with the allowed methods for a known path and a wrong method", async () => {
    const { response, unchanged } = await sendAsAcme("PATCH", url("acme_sales", n(N)), {
      body: { data: { a: 1 } },
    });

    expect(response.status).toBe(405);
    expect(response.headers["allow"]).toBe("GET, PUT, POST, DELETE");
    expect(response.body).toMatchObject({ status: "error", error: "405" });
    expect(unchanged).toBe(true);
  });

  it("answers client error not_reconcilable for a malformed number outside create", async () => {
    const { response, unchanged } = await sendAsAcme("POST", url("acme_sales", "/abc"), {
      body: { data: { a: 1 } },
    });

    expectError(response, 400, "client error", "not_reconcilable");
    expect(unchanged).toBe(true);
  });

  it("answers a validation error for a search without prefix", async () => {
    const { response } = await sendAsAcme("GET", "/v2/phone_numbers");

    expectError(response, 400, "validation error", {
      prefix: { required: { message: "prefix is required" } },
    });
  });

  it("never answers 5xx nor writes anything for arbitrary body text", async () => {
    const api = await anApi({
      numbers: [aNumber({ state: "in_service", assignedTo: "acme_sales" })],
    });
    const before = await api.snapshot();

    await fc.assert(
      fc.asyncProperty(
        fc.string(),
        fc.constantFrom("PUT", "POST", "DELETE"),
        async (text, method) => {
          const body = `{"data": ${text}`;
          const response = await api.call("acme", method, url("acme_sales", "/collection"), {
            body,
          });
          expect(response.status).toBe(400);
        },
      ),
      { numRuns: 100 },
    );
    expect(await api.snapshot()).toEqual(before);
  });
});
