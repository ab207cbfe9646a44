import { describe, expect, it } from "vitest";
import { runScenarios } from "../../src/conformance/run-scenarios.js";
import { lifecycleMachine } from "../../src/machine/lifecycle-machine.js";
import { TRANSITION_TABLE, deriveTransitionTable } from "../../src/machine/transition-table.js";
import { aScenario, writeScenarioFiles } from "./scenario-files.js";

/**
 * The master account passes the request gate for any account, but the machine's AUTHORIZE
 * guard still refuses it a number for an account it is not an ancestor of (decisions.md D9).
 */
const masterReservesForAStranger = aScenario({
  name: "the_master_cannot_reserve_for_an_account_outside_its_tree",
  given: {
    accounts: [
      { id: "top", reseller: true },
      { id: "admin", parent: "top", master: true },
      { id: "acme", parent: "top", reseller: true },
    ],
    numbers: [{ number: "+13035550100", state: "available" }],
  },
  steps: [
    {
      as: "admin",
      method: "PUT",
      path: "/v2/accounts/acme/phone_numbers/%2B13035550100/reserve",
      expect: { status: 403 },
    },
    { inspect: "+13035550100", expect: { state: "available" } },
  ],
});

/** The lifecycle machine with its AUTHORIZE guard broken: it lets everyone through. */
const machineWithFaultyGuard = lifecycleMachine.provide({
  guards: { passesAuthorize: () => true },
});

describe("the runner against a deliberately broken engine", () => {
  it("passes the authorization scenario with the machine's own transition table", async () => {
    const folder = await writeScenarioFiles({ "s.json": masterReservesForAStranger });
    const report = await runScenarios([folder], { transitions: TRANSITION_TABLE });
    expect(report).toMatchObject({ passed: 1, failed: 0 });
  });

  it("fails the authorization scenario when the authorize guard always passes", async () => {
    // Arrange
    const folder = await writeScenarioFiles({ "s.json": masterReservesForAStranger });
    const broken = deriveTransitionTable(machineWithFaultyGuard);
    // Act
    const report = await runScenarios([folder], { transitions: broken });
    // Assert
    expect(report.failed).toBe(1);
    expect(report.outcomes[0]).toMatchObject({
      passed: false,
      step: 1,
      mismatch: { path: "status", expected: "403" },
    });
  });

  it("fails at least one scenario of the shipped corpus when the authorize guard always passes", async () => {
    const broken = deriveTransitionTable(machineWithFaultyGuard);
    const report = await runScenarios(["test/conformance/authorization"], { transitions: broken });
    expect(report.failed).toBeGreaterThan(0);
  });
});
