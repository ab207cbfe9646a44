import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ScenarioFormatError } from "../../src/conformance/format-checks.js";
import { loadScenarios } from "../../src/conformance/load.js";
import { readScenarioFile } from "../../src/conformance/validate-scenario.js";
import { ACCOUNTS, aScenario, writeScenarioFiles } from "./scenario-files.js";

/** The one-line problem the validator reports for a file's JSON, or "valid". */
function problemOf(json: unknown): string {
  try {
    readScenarioFile("cases/x.json", json);
    return "valid";
  } catch (error) {
    if (!(error instanceof ScenarioFormatError)) throw error;
    expect(error.file).toBe("cases/x.json");
    return error.problem;
  }
}

describe("the scenario validator", () => {
  it("accepts a scenario with every kind of step", () => {
    const json = aScenario({
      steps: [
        {
          as: "acme",
          method: "GET",
          path: "/v2/accounts/acme/phone_numbers",
          expect: { status: 200 },
        },
        { advance: 86400 },
        { event: "sweep" },
        { event: "inbound_call", number: "+13035550100", expect: { error: "not_found" } },
        { inspect: "+13035550100", expect: null },
      ],
    });
    expect(problemOf(json)).toBe("valid");
  });

  it("accepts a file of several scenarios", () => {
    const file = { scenarios: [aScenario({ name: "one" }), aScenario({ name: "two" })] };
    expect(readScenarioFile("f.json", file).map((s) => s.name)).toEqual(["one", "two"]);
  });

  it("rejects an unknown key of a scenario", () => {
    expect(problemOf(aScenario({ tags: [] }))).toBe('scenario: unknown key "tags"');
  });

  it("rejects an unknown key of an account, naming where it is", () => {
    const json = aScenario({ given: { accounts: [{ id: "a", parnet: "b" }] } });
    expect(problemOf(json)).toBe('scenario "a_scenario" given.accounts[0]: unknown key "parnet"');
  });

  it("rejects an unknown key of a stored number", () => {
    const json = aScenario({
      given: { numbers: [{ number: "+1", state: "reserved", owner: "x" }] },
    });
    expect(problemOf(json)).toContain('given.numbers[0]: unknown key "owner"');
  });

  it("rejects an unknown key of an inventory entry", () => {
    const json = aScenario({ given: { inventory: [{ number: "+1", price: 1 }] } });
    expect(problemOf(json)).toContain('given.inventory[0]: unknown key "price"');
  });

  it("rejects an unknown key of a fault", () => {
    const json = aScenario({ given: { faults: [{ port: "carrier", op: "search", times: 1 }] } });
    expect(problemOf(json)).toContain('given.faults[0]: unknown key "times"');
  });

  it("rejects an unknown key of a step, giving the step's number", () => {
    const json = aScenario({ steps: [{ advance: 1 }, { inspect: "+1", expect: null, note: "" }] });
    expect(problemOf(json)).toBe('scenario "a_scenario" step 2: unknown key "note"');
  });

  it("rejects an unknown key of a request's expect", () => {
    const step = {
      as: null,
      method: "GET",
      path: "/v2/phone_numbers",
      expect: { status: 200, cookies: {} },
    };
    expect(problemOf(aScenario({ steps: [step] }))).toContain(
      'step 1.expect: unknown key "cookies"',
    );
  });

  it("reads request headers and expected response headers as objects of strings", () => {
    const step = {
      as: null,
      method: "PUT",
      path: "/v2/phone_numbers",
      headers: { "Idempotency-Key": "k1" },
      expect: { status: 401, headers: { "Idempotent-Replayed": "<absent>" } },
    };
    expect(problemOf(aScenario({ steps: [step] }))).toBe("valid");
    const bad = { ...step, headers: { "Idempotency-Key": 1 } };
    expect(problemOf(aScenario({ steps: [bad] }))).toContain("headers.Idempotency-Key");
  });

  it("rejects a scenario without steps", () => {
    expect(problemOf({ name: "n" })).toBe('scenario: missing "steps"');
  });

  it("rejects a request without an expected status", () => {
    const step = { as: null, method: "GET", path: "/v2/phone_numbers", expect: {} };
    expect(problemOf(aScenario({ steps: [step] }))).toContain('step 1.expect: missing "status"');
  });

  it("rejects a stored number without a state", () => {
    const json = aScenario({ given: { numbers: [{ number: "+1" }] } });
    expect(problemOf(json)).toContain('given.numbers[0]: missing "state"');
  });

  it("rejects a step of no known kind", () => {
    const json = aScenario({ steps: [{ wait: 5 }] });
    expect(problemOf(json)).toContain("step 1: a step of no known kind");
  });

  it("rejects an unknown event", () => {
    expect(problemOf(aScenario({ steps: [{ event: "outbound_call" }] }))).toContain(
      "step 1.event: must be one of",
    );
  });

  it("rejects an unknown config setting by name", () => {
    const json = aScenario({
      given: { accounts: ACCOUNTS, config: { release_state: "released" } },
    });
    expect(problemOf(json)).toBe(
      'scenario "a_scenario" given.config: unknown setting "release_state"',
    );
  });

  it("rejects a known config setting with a bad value", () => {
    const json = aScenario({ given: { config: { released_state: "gone" } } });
    expect(problemOf(json)).toContain("given.config: invalid value for released_state");
  });

  it("rejects a request as an account the world does not have", () => {
    const step = {
      as: "nobody",
      method: "GET",
      path: "/v2/phone_numbers",
      expect: { status: 200 },
    };
    expect(problemOf(aScenario({ steps: [step] }))).toContain(
      'step 1.as: "nobody" names no account',
    );
  });

  it("rejects a parent that names no account", () => {
    const json = aScenario({ given: { accounts: [{ id: "a", parent: "b" }] } });
    expect(problemOf(json)).toContain("given.accounts[0].parent: names no account of the list");
  });

  it("rejects two scenarios of the same name in one file", () => {
    expect(problemOf({ scenarios: [aScenario(), aScenario()] })).toBe(
      'duplicate scenario name "a_scenario"',
    );
  });

  it("names the file of a malformed scenario among valid ones, before running anything", async () => {
    // Arrange
    const folder = await writeScenarioFiles({
      "a/good.json": aScenario(),
      "b/bad.json": aScenario({ steps: [{ advance: -1 }] }),
    });
    // Act
    const loading = loadScenarios([folder]);
    // Assert
    await expect(loading).rejects.toThrow(
      `${join(folder, "b/bad.json")}: scenario "a_scenario" step 1.advance: must be an integer of at least 0`,
    );
  });

  it("reports a file that is not JSON", async () => {
    const folder = await writeScenarioFiles({ "broken.json": "{ nope" });
    await expect(loadScenarios([folder])).rejects.toThrow(/broken\.json: not JSON/);
  });

  it("loads every .json below a folder in sorted order, and nothing else", async () => {
    const folder = await writeScenarioFiles({
      "b/2.json": aScenario({ name: "b2" }),
      "a/9.json": aScenario({ name: "a9" }),
      "a/10.json": aScenario({ name: "a10" }),
      "notes.txt": "not a scenario",
    });
    const names = (await loadScenarios([folder])).map((s) => s.name);
    expect(names).toEqual(["a10", "a9", "b2"]);
  });
});
