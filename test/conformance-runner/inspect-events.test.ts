import { describe, expect, it } from "vitest";
import { ScenarioFormatError } from "../../src/conformance/format-checks.js";
import { runScenarios, type ScenarioOutcome } from "../../src/conformance/run-scenarios.js";
import { readScenarioFile } from "../../src/conformance/validate-scenario.js";
import { aScenario, writeScenarioFiles } from "./scenario-files.js";

const N = "+13035550100";
const available = { number: N, state: "available" };
const reserve = {
  as: "acme",
  method: "PUT",
  path: "/v2/accounts/acme_sales/phone_numbers/%2B13035550100/reserve",
  expect: { status: 200 },
};
const reserveEvent = {
  type: "number",
  number: N,
  operation: "reserve",
  from: "available",
  to: "reserved",
  account_id: "acme",
  owner_before: null,
  owner_after: "acme_sales",
};

function problemOf(step: unknown): string {
  try {
    readScenarioFile("x.json", aScenario({ steps: [step] }));
    return "valid";
  } catch (error) {
    if (!(error instanceof ScenarioFormatError)) throw error;
    return error.problem;
  }
}

async function outcomeOf(steps: unknown[]): Promise<ScenarioOutcome> {
  const base = aScenario();
  const given = { ...(base["given"] as object), numbers: [available] };
  const folder = await writeScenarioFiles({ "s.json": aScenario({ given, steps }) });
  const report = await runScenarios([folder]);
  return report.outcomes[0]!;
}

describe("the inspect_events step: validation", () => {
  it("accepts an empty filter, a type prefix and an empty list", () => {
    expect(problemOf({ inspect_events: {}, expect: [] })).toBe("valid");
    expect(problemOf({ inspect_events: { type: "num" }, expect: [{ type: "number" }] })).toBe(
      "valid",
    );
  });

  it("names the key that is unknown, missing or of the wrong type", () => {
    const at = 'scenario "a_scenario" step 1';
    expect(problemOf({ inspect_events: {} })).toBe(`${at}: missing "expect"`);
    expect(problemOf({ inspect_events: { kind: "number" }, expect: [] })).toBe(
      `${at}.inspect_events: unknown key "kind"`,
    );
    expect(problemOf({ inspect_events: { type: 1 }, expect: [] })).toBe(
      `${at}.inspect_events.type: must be a string`,
    );
    expect(problemOf({ inspect_events: "number", expect: [] })).toBe(
      `${at}.inspect_events: must be an object`,
    );
    expect(problemOf({ inspect_events: {}, expect: {} })).toBe(`${at}.expect: must be an array`);
    expect(problemOf({ inspect_events: {}, expect: ["reserve"] })).toBe(
      `${at}.expect[0]: must be an object`,
    );
    expect(problemOf({ inspect_events: {}, expect: [], number: N })).toBe(
      `${at}: unknown key "number"`,
    );
  });

  it("refuses a step that is both an inspection and an events inspection", () => {
    expect(problemOf({ inspect: N, inspect_events: {}, expect: [] })).toBe(
      'scenario "a_scenario" step 1: a step of two kinds (inspect, inspect_events)',
    );
  });
});

describe("the inspect_events step: running", () => {
  it("matches the events committed since the previous inspection, each only once", async () => {
    const outcome = await outcomeOf([
      { inspect_events: {}, expect: [] },
      reserve,
      { inspect_events: {}, expect: [reserveEvent] },
      { inspect_events: {}, expect: [] },
    ]);
    expect(outcome).toEqual({ file: expect.any(String), name: "a_scenario", passed: true });
  });

  it("reports a count that differs, showing the events without their patches", async () => {
    const outcome = await outcomeOf([reserve, { inspect_events: {}, expect: [] }]);
    expect(outcome).toMatchObject({
      passed: false,
      step: 2,
      mismatch: { path: "events", expected: "0 events []" },
    });
    const actual = outcome.passed ? "" : outcome.mismatch.actual;
    expect(actual).toMatch(/^1 events \[\{"type":"number","number":"\+13035550100"/);
    expect(actual).not.toContain("patches");
  });

  it("reports the first field that differs by its place in the list", async () => {
    const outcome = await outcomeOf([
      reserve,
      { inspect_events: {}, expect: [{ ...reserveEvent, account_id: "acme_sales" }] },
    ]);
    expect(outcome).toMatchObject({
      passed: false,
      step: 2,
      mismatch: { path: "events[0].account_id", expected: '"acme_sales"', actual: '"acme"' },
    });
  });

  it("keeps only the events whose type starts with the prefix, and counts the others as seen", async () => {
    const outcome = await outcomeOf([
      reserve,
      { inspect_events: { type: "port_request" }, expect: [] },
      {
        as: "acme",
        method: "DELETE",
        path: "/v2/accounts/acme_sales/phone_numbers/%2B13035550100",
        expect: { status: 200 },
      },
      { inspect_events: { type: "num" }, expect: [{ operation: "release", to: "available" }] },
    ]);
    expect(outcome.passed).toBe(true);
  });

  it("still sees events older than the retention once a sweep has pruned the outbox", async () => {
    const outcome = await outcomeOf([
      reserve,
      { advance: 400 * 86400 },
      { event: "sweep" },
      { inspect_events: {}, expect: [reserveEvent] },
    ]);
    expect(outcome.passed).toBe(true);
  });
});
