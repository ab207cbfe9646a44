import { describe, expect, it } from "vitest";
import { outcomeLine, summaryLine } from "../../src/conformance/report.js";
import { runScenarios, type ScenarioOutcome } from "../../src/conformance/run-scenarios.js";
import { aScenario, writeScenarioFiles } from "./scenario-files.js";

const reserved = { number: "+13035550100", state: "reserved", assigned_to: "acme" };
const getAs = (as: string | null, status: number, body?: unknown) => ({
  as,
  method: "GET",
  path: "/v2/accounts/acme/phone_numbers/%2B13035550100",
  expect: body === undefined ? { status } : { status, body },
});

/** Runs one scenario (given + steps over the default accounts) and returns its outcome. */
async function outcomeOf(fields: Record<string, unknown>): Promise<ScenarioOutcome> {
  const base = aScenario();
  const given = {
    ...(base["given"] as object),
    ...((fields["given"] as object | undefined) ?? {}),
  };
  const folder = await writeScenarioFiles({ "s.json": aScenario({ ...fields, given }) });
  const report = await runScenarios([folder]);
  expect(report.outcomes).toHaveLength(1);
  return report.outcomes[0]!;
}

describe("runScenarios", () => {
  it("passes a scenario whose requests and inspections all match", async () => {
    const outcome = await outcomeOf({
      given: { numbers: [reserved] },
      steps: [
        getAs("acme", 200, { status: "success", data: { id: "+13035550100", state: "reserved" } }),
        {
          inspect: "+13035550100",
          expect: { state: "reserved", assigned_to: "acme", used_by: "<absent>" },
        },
      ],
    });
    expect(outcome.passed).toBe(true);
  });

  it("fails at the first step whose body differs, naming the path inside the body", async () => {
    const outcome = await outcomeOf({
      given: { numbers: [reserved] },
      steps: [
        getAs("acme", 200),
        getAs("acme", 200, { data: { state: "in_service" } }),
        getAs("acme", 500),
      ],
    });
    expect(outcome).toMatchObject({
      passed: false,
      step: 2,
      mismatch: { path: "body.data.state", expected: '"in_service"', actual: '"reserved"' },
    });
  });

  it("fails on a different status, showing the status and body that came back", async () => {
    const outcome = await outcomeOf({ steps: [getAs("acme", 200)] });
    expect(outcome).toMatchObject({
      passed: false,
      step: 1,
      mismatch: { path: "status", expected: "200" },
    });
    expect(outcome.passed === false && outcome.mismatch.actual).toMatch(/^404 \{/);
  });

  it("sends no credentials for a request as null", async () => {
    const outcome = await outcomeOf({ given: { numbers: [reserved] }, steps: [getAs(null, 401)] });
    expect(outcome.passed).toBe(true);
  });

  it("sends the body of a request as JSON", async () => {
    const outcome = await outcomeOf({
      given: { numbers: [reserved] },
      steps: [
        {
          as: "acme",
          method: "POST",
          path: "/v2/accounts/acme/phone_numbers/%2B13035550100",
          body: { data: { nickname: "main" } },
          expect: { status: 200, body: { data: { nickname: "main" } } },
        },
        { inspect: "+13035550100", expect: { public: { nickname: "main" } } },
      ],
    });
    expect(outcome.passed).toBe(true);
  });

  it("moves the clock with advance, so later writes carry the new time", async () => {
    const outcome = await outcomeOf({
      given: { now: 63_640_000_000, numbers: [reserved] },
      steps: [
        { advance: 100 },
        {
          as: "acme",
          method: "POST",
          path: "/v2/accounts/acme/phone_numbers/%2B13035550100",
          body: { data: {} },
          expect: { status: 200 },
        },
        { inspect: "+13035550100", expect: { created: 63_640_000_000, modified: 63_640_000_100 } },
      ],
    });
    expect(outcome.passed).toBe(true);
  });

  it("fails an inspect expecting no record when one exists", async () => {
    const outcome = await outcomeOf({
      given: { numbers: [reserved] },
      steps: [{ inspect: "+13035550100", expect: null }],
    });
    expect(outcome).toMatchObject({
      passed: false,
      step: 1,
      mismatch: { path: "record", expected: "null" },
    });
  });

  it("fails an inspect expecting a record when there is none", async () => {
    const outcome = await outcomeOf({
      steps: [{ inspect: "+13035550100", expect: { state: "reserved" } }],
    });
    expect(outcome).toMatchObject({ passed: false, mismatch: { path: "record", actual: "null" } });
  });

  it("turns a port_in number in service on an inbound call", async () => {
    const outcome = await outcomeOf({
      given: { numbers: [{ number: "+13035550100", state: "port_in", assigned_to: "acme" }] },
      steps: [
        { event: "inbound_call", number: "+13035550100" },
        { inspect: "+13035550100", expect: { state: "in_service" } },
      ],
    });
    expect(outcome.passed).toBe(true);
  });

  it("passes an event that fails with the expected error, and fails one that fails otherwise", async () => {
    const reason = await outcomeOf({
      steps: [{ event: "inbound_call", number: "12", expect: { error: "not_reconcilable" } }],
    });
    const wrong = await outcomeOf({
      steps: [{ event: "inbound_call", number: "12", expect: { error: "number_exists" } }],
    });
    expect(reason.passed).toBe(true);
    expect(wrong).toMatchObject({
      passed: false,
      mismatch: { path: "event", expected: "error number_exists" },
    });
  });

  it("fails an event that was expected to fail but succeeded", async () => {
    const outcome = await outcomeOf({
      steps: [{ event: "sweep", expect: { error: "database_error" } }],
    });
    expect(outcome).toMatchObject({
      passed: false,
      mismatch: { path: "event", actual: "success" },
    });
  });

  it("purges expired discovery records on a sweep at the advanced clock", async () => {
    const outcome = await outcomeOf({
      given: {
        config: { discovery_expiry_d: 1 },
        numbers: [{ number: "+13035550100", state: "discovery" }],
      },
      steps: [
        { advance: 2 * 86400 },
        { event: "sweep" },
        { inspect: "+13035550100", expect: null },
      ],
    });
    expect(outcome.passed).toBe(true);
  });

  it("runs each scenario in a fresh world", async () => {
    const create = {
      as: "acme",
      method: "PUT",
      path: "/v2/accounts/acme/phone_numbers/%2B13035550100",
      expect: { status: 200 },
    };
    const folder = await writeScenarioFiles({
      "s.json": {
        scenarios: [
          aScenario({ name: "first", steps: [create] }),
          aScenario({ name: "second", steps: [create] }),
        ],
      },
    });
    const report = await runScenarios([folder]);
    expect(report).toMatchObject({ passed: 2, failed: 0 });
  });

  it("reports scenarios in file order, through onOutcome as they finish", async () => {
    const folder = await writeScenarioFiles({
      "b.json": aScenario({ name: "b" }),
      "a.json": aScenario({ name: "a" }),
    });
    const seen: string[] = [];
    await runScenarios([folder], { onOutcome: (o) => seen.push(o.name) });
    expect(seen).toEqual(["a", "b"]);
  });
});

describe("the report lines", () => {
  it("prints a passing scenario as ok with its file and name", () => {
    expect(outcomeLine({ file: "t/a.json", name: "n", passed: true })).toBe("ok t/a.json n");
  });

  it("prints a failing scenario with its step, path, expected and actual values", () => {
    const outcome = {
      file: "t/a.json",
      name: "n",
      passed: false as const,
      step: 3,
      mismatch: { path: "body.data.state", expected: '"reserved"', actual: '"in_service"' },
    };
    expect(outcomeLine(outcome)).toBe(
      'FAIL t/a.json n: step 3: body.data.state: expected "reserved", got "in_service"',
    );
  });

  it("ends with the counts", () => {
    expect(summaryLine({ outcomes: [], passed: 4, failed: 1 })).toBe("4 passed, 1 failed");
  });
});
