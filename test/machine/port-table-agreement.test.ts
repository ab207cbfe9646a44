import { transition } from "xstate";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  PORT_STATES,
  PORT_TARGETS,
  type PortState,
  type PortTarget,
} from "../../src/domain/port-states.js";
import {
  PORT_GUARDS,
  type PortGuardName,
  type PortMoveFacts,
} from "../../src/machine/port-request-guards.js";
import { portRequestMachine } from "../../src/machine/port-request-machine.js";
import {
  decidePortMove,
  decidePortMoveWith,
  PORT_TRANSITION_TABLE,
  type PortDecision,
} from "../../src/machine/port-request-table.js";
import type { Account } from "../../src/domain/accounts.js";

const GUARD_NAMES = Object.keys(PORT_GUARDS) as PortGuardName[];

function* assignments(): Generator<Map<PortGuardName, boolean>> {
  for (let bits = 0; bits < 2 ** GUARD_NAMES.length; bits++) {
    yield new Map(GUARD_NAMES.map((name, i) => [name, (bits & (1 << i)) !== 0]));
  }
}

/** xstate's own pure transition, every guard replaced by a constant. */
function runMachine(state: PortState, target: PortTarget, truth: Map<PortGuardName, boolean>) {
  const constants = Object.fromEntries(
    GUARD_NAMES.map((name) => [name, () => truth.get(name) ?? false]),
  );
  const machine = portRequestMachine.provide({ guards: constants });
  const snapshot = machine.resolveState({ value: state, context: {} });
  const [next, actions] = transition(machine, snapshot, {
    type: target,
    facts: {} as PortMoveFacts,
  });
  return {
    value: next.value,
    actions: actions.map((a) =>
      a.params === undefined ? { type: a.type } : { type: a.type, params: a.params },
    ),
  };
}

function expectedOf(state: PortState, decision: PortDecision) {
  return decision.kind === "move"
    ? { value: decision.target, actions: decision.steps.map((type) => ({ type })) }
    : { value: state, actions: [{ type: "reject", params: { reason: decision.reason } }] };
}

/** port-requests.md §2.1 as written in the spec: from -> allowed targets. */
const SPEC_TABLE: Record<PortState, readonly PortTarget[]> = {
  unconfirmed: ["submitted", "canceled"],
  submitted: ["pending", "scheduled", "rejected", "canceled"],
  pending: ["scheduled", "completed", "rejected", "canceled"],
  scheduled: ["completed", "rejected", "canceled"],
  rejected: ["submitted", "completed", "canceled"],
  completed: [],
  canceled: [],
};

const PAIRS = PORT_STATES.flatMap((s) => PORT_TARGETS.map((t) => [s, t] as const));

describe("the port request table agrees with the port request machine", () => {
  it.each(PAIRS)(
    "from %s to %s, every guard assignment gives the same target and steps",
    (state, target) => {
      for (const truth of assignments()) {
        const decision = decidePortMoveWith(
          PORT_TRANSITION_TABLE,
          state,
          target,
          (g) => truth.get(g) ?? false,
        );
        expect(runMachine(state, target, truth), JSON.stringify([...truth])).toEqual(
          expectedOf(state, decision),
        );
      }
    },
  );

  it("covers every (state, target) pair", () => {
    for (const state of PORT_STATES) {
      expect([...(PORT_TRANSITION_TABLE.get(state)?.keys() ?? [])].sort()).toEqual(
        [...PORT_TARGETS].sort(),
      );
    }
  });
});

describe("the machine implements port-requests.md §2", () => {
  it("with every guard passing, moves exactly the arrows of the §2.1 table (setting on)", () => {
    for (const [state, target] of PAIRS) {
      const decision = decidePortMoveWith(PORT_TRANSITION_TABLE, state, target, () => true);
      expect(decision.kind === "move", `${state} -> ${target}`).toBe(
        SPEC_TABLE[state].includes(target),
      );
    }
  });

  it("refuses submitted -> scheduled without the setting, as a table refusal", () => {
    const decision = decidePortMoveWith(
      PORT_TRANSITION_TABLE,
      "submitted",
      "scheduled",
      (g) => g !== "mayScheduleFromSubmitted",
    );
    expect(decision).toEqual({ kind: "reject", reason: "cannot_move" });
  });

  it("checks the permission before the table, and the date after it", () => {
    const noAuthority = (g: PortGuardName) =>
      g === "hasScheduleDate" || g === "mayScheduleFromSubmitted";
    expect(
      decidePortMoveWith(PORT_TRANSITION_TABLE, "unconfirmed", "pending", noAuthority),
    ).toEqual({ kind: "reject", reason: "not_allowed" });
    expect(
      decidePortMoveWith(PORT_TRANSITION_TABLE, "completed", "submitted", noAuthority),
    ).toEqual({ kind: "reject", reason: "cannot_move" });
    expect(
      decidePortMoveWith(
        PORT_TRANSITION_TABLE,
        "pending",
        "scheduled",
        (g) => g !== "hasScheduleDate",
      ),
    ).toEqual({ kind: "reject", reason: "schedule_required" });
    expect(
      decidePortMoveWith(
        PORT_TRANSITION_TABLE,
        "completed",
        "scheduled",
        (g) => g !== "hasScheduleDate",
      ),
    ).toEqual({ kind: "reject", reason: "cannot_move" });
  });

  const accounts = (list: Account[]) => (id: string) => list.find((a) => a.id === id);
  const account = (id: string, tree: string[], admin = false): Account => ({
    id,
    tree,
    superduperAdmin: admin,
    allowAdditions: false,
    reseller: false,
    enabled: true,
  });
  const world = accounts([
    account("master", [], true),
    account("reseller", ["master"]),
    account("customer", ["master", "reseller"]),
    account("sibling", ["master", "reseller"]),
  ]);
  const facts = (requester: string): PortMoveFacts => ({
    accounts: world,
    requester,
    account: "customer",
    portAuthority: "reseller",
    hasScheduleDate: true,
    config: { allow_port_transition_from_submitted_to_scheduled: false },
  });

  it("property: past `submitted`, only the authority, the admin or system ever move a request", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PORT_STATES),
        fc.constantFrom(...PORT_TARGETS),
        fc.constantFrom("master", "reseller", "customer", "sibling", "system"),
        (state, target, requester) => {
          const decision = decidePortMove(state, target, facts(requester));
          const powerful = ["master", "reseller", "system"].includes(requester);
          if (decision.kind === "move" && target !== "submitted") {
            const draftCancel =
              target === "canceled" && state === "unconfirmed" && requester === "customer";
            expect(powerful || draftCancel).toBe(true);
          }
          if (powerful)
            expect(decision.kind === "move").toBe(
              SPEC_TABLE[state].includes(target) &&
                !(state === "submitted" && target === "scheduled"),
            );
        },
      ),
    );
  });

  it("lets the request's account cancel its draft but not a submitted request; a sibling neither", () => {
    expect(decidePortMove("unconfirmed", "canceled", facts("customer")).kind).toBe("move");
    expect(decidePortMove("submitted", "canceled", facts("customer"))).toEqual({
      kind: "reject",
      reason: "not_allowed",
    });
    expect(decidePortMove("unconfirmed", "canceled", facts("sibling"))).toEqual({
      kind: "reject",
      reason: "not_allowed",
    });
    expect(decidePortMove("unconfirmed", "submitted", facts("sibling")).kind).toBe("move");
  });
});
