import { describe, expect, it } from "vitest";
import { ScenarioFormatError } from "../../src/conformance/format-checks.js";
import { runScenarios, type ScenarioOutcome } from "../../src/conformance/run-scenarios.js";
import { readScenarioFile } from "../../src/conformance/validate-scenario.js";
import { ACCOUNTS, aScenario, writeScenarioFiles } from "./scenario-files.js";

const N = "+14158867900";
const PATH = "/v2/accounts/acme_sales/port_requests";
const create = {
  as: "acme_sales",
  method: "PUT",
  path: PATH,
  body: { data: { name: "Port", numbers: { [N]: {} } } },
  capture: { id: "data.id" },
  expect: { status: 200 },
};
const request = (id: string) => ({
  id,
  account: "acme_sales",
  state: "unconfirmed",
  name: "r",
  numbers: { [N]: {} },
});

function problemOf(fields: Record<string, unknown>): string {
  try {
    readScenarioFile("x.json", aScenario(fields));
    return "valid";
  } catch (error) {
    if (!(error instanceof ScenarioFormatError)) throw error;
    return error.problem;
  }
}

async function outcomeOf(fields: Record<string, unknown>): Promise<ScenarioOutcome> {
  const folder = await writeScenarioFiles({ "s.json": aScenario(fields) });
  return (await runScenarios([folder])).outcomes[0]!;
}

describe("port request additions to the format: validation", () => {
  it("accepts port_authority, given.port_requests, capture, {{name}}, body_base64 and inspect_port_request", () => {
    const given = {
      accounts: ACCOUNTS.map((a) => (a.id === "acme" ? { ...a, port_authority: true } : a)),
      port_requests: [request("r1")],
    };
    const upload = {
      as: "acme_sales",
      method: "PUT",
      path: `${PATH}/{{id}}/attachments`,
      query: { filename: "{{id}}.txt" },
      headers: { "Content-Type": "text/plain" },
      body_base64: "aGk=",
      expect: { status: 200 },
    };
    const steps = [create, upload, { inspect_port_request: "{{id}}", expect: { id: "{{id}}" } }];

    expect(problemOf({ given, steps })).toBe("valid");
  });

  it("names what is wrong in a given port request", () => {
    const at = 'scenario "a_scenario" given.port_requests[0]';
    const withRequest = (r: Record<string, unknown>) =>
      problemOf({ given: { accounts: ACCOUNTS, port_requests: [r] } });

    expect(withRequest({ ...request("r1"), state: "done" })).toMatch(`${at}.state: must be one of`);
    expect(withRequest({ ...request("r1"), account: "nobody" })).toBe(
      `${at}.account: names no account of given.accounts`,
    );
    expect(withRequest({ ...request("r1"), pvt_tree: [] })).toBe(`${at}: unknown key "pvt_tree"`);
    const { name: _, ...nameless } = request("r1");
    expect(withRequest(nameless)).toBe(`${at}: missing "name"`);
    expect(
      problemOf({ given: { accounts: ACCOUNTS, port_requests: [request("a"), request("a")] } }),
    ).toBe('scenario "a_scenario" given.port_requests[1].id: duplicate id "a"');
  });

  it("refuses a {{name}} that no earlier step captured, and malformed captures and bytes", () => {
    const at = 'scenario "a_scenario" step 1';
    expect(problemOf({ steps: [{ inspect_port_request: "{{id}}", expect: null }] })).toBe(
      `${at}: {{id}} names no capture of an earlier step`,
    );
    expect(problemOf({ steps: [{ ...create, capture: { "bad-name": "data.id" } }] })).toBe(
      `${at}.capture.bad-name: a capture name must be an identifier`,
    );
    expect(problemOf({ steps: [{ ...create, body_base64: "aGk=" }] })).toBe(
      `${at}: has both "body" and "body_base64"`,
    );
    const { body: _, ...bodiless } = create;
    expect(problemOf({ steps: [{ ...bodiless, body_base64: "not base64!" }] })).toBe(
      `${at}.body_base64: must be base64`,
    );
    expect(problemOf({ steps: [{ inspect_port_request: "r1" }] })).toBe(`${at}: missing "expect"`);
  });
});

describe("port request additions to the format: running", () => {
  it("captures a created id and substitutes it in later paths and expectations", async () => {
    const outcome = await outcomeOf({
      steps: [
        create,
        {
          as: "acme_sales",
          method: "GET",
          path: `${PATH}/{{id}}`,
          expect: { status: 200, body: { data: { id: "{{id}}" } } },
        },
        {
          inspect_port_request: "{{id}}",
          expect: { state: "unconfirmed", account_id: "acme_sales" },
        },
      ],
    });

    expect(outcome).toMatchObject({ passed: true });
  });

  it("fails a capture whose path finds nothing, and an inspect_port_request that differs", async () => {
    const missing = await outcomeOf({ steps: [{ ...create, capture: { id: "data.nope" } }] });
    const differs = await outcomeOf({
      given: { accounts: ACCOUNTS, port_requests: [request("r1")] },
      steps: [{ inspect_port_request: "r1", expect: { state: "submitted" } }],
    });
    const absent = await outcomeOf({ steps: [{ inspect_port_request: "r1", expect: {} }] });

    expect(missing).toMatchObject({ passed: false, step: 1, mismatch: { path: "capture.id" } });
    expect(differs).toMatchObject({ passed: false, mismatch: { path: "port_request.state" } });
    expect(absent).toMatchObject({ passed: false, mismatch: { actual: "null" } });
  });

  it("sends body_base64 as bytes and matches a binary answer with expect.body_base64", async () => {
    const put = (data: string) => ({
      as: "acme_sales",
      method: "PUT",
      path: `${PATH}/r1/attachments`,
      query: { filename: "a.bin" },
      headers: { "Content-Type": "application/octet-stream" },
      body_base64: data,
      expect: { status: 200 },
    });
    const read = (expected: string) => ({
      as: "acme_sales",
      method: "GET",
      path: `${PATH}/r1/attachments/a.bin`,
      expect: { status: 200, body_base64: expected },
    });
    const given = { accounts: ACCOUNTS, port_requests: [request("r1")] };
    const binary = Buffer.from([0, 255, 128, 10]).toString("base64");

    expect(await outcomeOf({ given, steps: [put(binary), read(binary)] })).toMatchObject({
      passed: true,
    });
    expect(await outcomeOf({ given, steps: [put(binary), read("AAAA")] })).toMatchObject({
      passed: false,
      mismatch: { path: "body_base64", actual: binary },
    });
  });
});
