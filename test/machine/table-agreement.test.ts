import { transition } from "xstate";
import { describe, expect, it } from "vitest";
import { NUMBER_STATES, type NumberState } from "../../src/domain/states.js";
import { GUARDS, type GuardName, type TransitionFacts } from "../../src/machine/guards.js";
import {
  EVENT_TARGETS,
  lifecycleMachine,
  type LifecycleEventType,
} from "../../src/machine/lifecycle-machine.js";
import { decideWith, TRANSITION_TABLE, type Decision } from "../../src/machine/transition-table.js";

const EVENTS = Object.keys(EVENT_TARGETS) as LifecycleEventType[];
const GUARD_NAMES = Object.keys(GUARDS) as GuardName[];

/** Guard names a transition definition of the machine's config references (plain or inside not()). */
function guardNamesIn(value: unknown, into: Set<GuardName>): void {
  if (typeof value === "string") {
    if ((GUARD_NAMES as string[]).includes(value)) into.add(value as GuardName);
  } else if (Array.isArray(value)) {
    for (const item of value) guardNamesIn(item, into);
  } else if (typeof value === "object" || typeof value === "function") {
    const node = value as { guard?: unknown; guards?: unknown };
    if (value !== null && "guard" in node) guardNamesIn(node.guard, into);
    if (value !== null && "guards" in node) guardNamesIn(node.guards, into);
  }
}

/** The guards one (state, event) pair of the machine references, in a stable order. */
function referencedGuards(state: NumberState, event: LifecycleEventType): GuardName[] {
  const on = (
    lifecycleMachine.config.states?.[state] as { on?: Record<string, unknown> } | undefined
  )?.on;
  const found = new Set<GuardName>();
  guardNamesIn(on?.[event], found);
  return GUARD_NAMES.filter((name) => found.has(name));
}

/** Every assignment of truth values to the given guards. */
function* assignments(names: readonly GuardName[]): Generator<Map<GuardName, boolean>> {
  for (let bits = 0; bits < 2 ** names.length; bits++) {
    yield new Map(names.map((name, i) => [name, (bits & (1 << i)) !== 0]));
  }
}

interface MachineOutcome {
  readonly handled: boolean;
  readonly value: unknown;
  readonly actions: readonly { type: string; params?: unknown }[];
}

/** Runs xstate's pure transition with every guard replaced by a constant. */
function runMachine(
  state: NumberState,
  event: LifecycleEventType,
  truth: Map<GuardName, boolean>,
): MachineOutcome {
  const constants = Object.fromEntries(
    GUARD_NAMES.map((name) => [name, () => truth.get(name) ?? false]),
  );
  const machine = lifecycleMachine.provide({ guards: constants });
  const snapshot = machine.resolveState({ value: state, context: {} });
  const lifecycleEvent = { type: event, facts: {} as TransitionFacts };
  const [next, actions] = transition(machine, snapshot, lifecycleEvent);
  return {
    handled: snapshot.can(lifecycleEvent),
    value: next.value,
    actions: actions.map((a) =>
      a.params === undefined ? { type: a.type } : { type: a.type, params: a.params },
    ),
  };
}

/** What the table's decision says the machine must do. */
function expectedOf(state: NumberState, decision: Decision): MachineOutcome {
  switch (decision.kind) {
    case "invalid":
      return { handled: false, value: state, actions: [] };
    case "reject":
      return {
        handled: true,
        value: state,
        actions: [
          {
            type: "reject",
            params:
              decision.cause === undefined
                ? { reason: decision.reason }
                : { reason: decision.reason, cause: decision.cause },
          },
        ],
      };
    case "move":
      return {
        handled: true,
        value: decision.target,
        actions: decision.steps.map((s) =>
          s.state === undefined ? { type: s.name } : { type: s.name, params: { state: s.state } },
        ),
      };
  }
}

describe("the transition table agrees with the lifecycle machine (STYLE.md habit 2)", () => {
  it.each(NUMBER_STATES.flatMap((state) => EVENTS.map((event) => [state, event] as const)))(
    "from %s on %s, every guard assignment gives the same target and ordered actions",
    (state, event) => {
      for (const truth of assignments(referencedGuards(state, event))) {
        const decision = decideWith(
          TRANSITION_TABLE,
          state,
          event,
          (guard) => truth.get(guard) ?? false,
        );

        const machine = runMachine(state, event, truth);

        expect(machine, JSON.stringify([...truth])).toEqual(expectedOf(state, decision));
      }
    },
  );

  it("the table covers exactly the (state, event) pairs the machine handles", () => {
    for (const state of NUMBER_STATES) {
      const machineEvents = Object.keys(
        (lifecycleMachine.config.states?.[state] as { on?: Record<string, unknown> } | undefined)
          ?.on ?? {},
      ).sort();
      expect([...(TRANSITION_TABLE.get(state)?.keys() ?? [])].sort(), state).toEqual(machineEvents);
    }
  });

  it("an event the machine does not handle in a state is an invalid decision naming the event's target", () => {
    expect(decideWith(TRANSITION_TABLE, "deleted", "reserve", () => true)).toEqual({
      kind: "invalid",
      from: "deleted",
      to: "reserved",
    });
  });
});
