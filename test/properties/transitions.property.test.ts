import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deriveTransitionTable, type TransitionTable } from "../../src/machine/transition-table.js";
import {
  checkTransitions,
  followsTheMachine,
  NUMBER,
  OTHERS,
  type TransitionScenario,
} from "../checks/transitions.js";

/** A scenario the broken table below must fail: a customer reserves an available number. */
const RESERVE_AVAILABLE: TransitionScenario = {
  tree: [
    { id: "a0", reseller: true, allowAdditions: true, master: true },
    { id: "a1", parent: "a0", reseller: false, allowAdditions: false, master: false },
  ],
  record: { number: NUMBER, state: "available", reserveHistory: [], carrier: "simulated" },
  others: [
    { number: OTHERS[0] as string, state: "available", reserveHistory: [], carrier: "simulated" },
    {
      number: OTHERS[1] as string,
      state: "in_service",
      reserveHistory: [],
      carrier: "simulated",
      assignedTo: "a1",
    },
  ],
  config: { released_state: "available", should_age: false, should_permanently_delete: false },
  operations: [{ kind: "reserve", account: "a1", requester: "a1" }],
};

/** The machine's table with available→reserved moving to in_service instead: a broken engine. */
function brokenTable(): TransitionTable {
  const table = new Map(deriveTransitionTable());
  const available = new Map(table.get("available"));
  available.set(
    "reserve",
    (available.get("reserve") ?? []).map((candidate) =>
      candidate.outcome.kind === "move"
        ? {
            outcome: {
              ...candidate.outcome,
              steps: [{ name: "move", state: "in_service" }, { name: "save" }],
            },
          }
        : candidate,
    ),
  );
  table.set("available", available);
  return table;
}

describe("every operation follows an edge of the machine or changes nothing (properties a and c)", () => {
  it("the stored state after a success is the machine's target; a failure leaves every record byte for byte unchanged", async () => {
    await fc.assert(followsTheMachine(), { numRuns: 300 });
  });

  it("a customer reserving an available number passes on the machine's table and fails on a broken one", async () => {
    await checkTransitions(RESERVE_AVAILABLE);
    await expect(checkTransitions(RESERVE_AVAILABLE, brokenTable())).rejects.toThrow(
      "expected 'in_service' to be 'reserved'",
    );
  });

  it("the property, from a fixed seed, finds an engine whose transitions depart from the machine", async () => {
    const details = await fc.check(followsTheMachine(brokenTable()), { seed: 11, numRuns: 300 });

    expect(details.failed).toBe(true);
    expect(String(details.errorInstance)).toContain("expected 'in_service' to be 'reserved'");
  });
});
