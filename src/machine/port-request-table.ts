import { not } from "xstate";
import { PORT_STATES, type PortState, type PortTarget } from "../domain/port-states.js";
import { PORT_GUARDS, type PortGuardName, type PortMoveFacts } from "./port-request-guards.js";
import {
  portRequestMachine,
  type PortRejectReason,
  type PortRequestMachine,
  type PortStepName,
} from "./port-request-machine.js";

/** A guard of a candidate: its name, whether the machine negates it, and its implementation. */
export interface PortGuardRef {
  readonly name: PortGuardName;
  readonly negated: boolean;
  readonly check: (facts: PortMoveFacts) => boolean;
}

/** What a move comes to: the new state and the steps to run, or a refusal. */
export type PortDecision =
  | { readonly kind: "move"; readonly target: PortTarget; readonly steps: readonly PortStepName[] }
  | { readonly kind: "reject"; readonly reason: PortRejectReason };

/** One candidate of a (state, target) pair, tried in order. */
export interface PortCandidate {
  readonly guard?: PortGuardRef;
  readonly outcome: PortDecision;
}

/** The lookup table: state -> target -> ordered candidates. */
export type PortTransitionTable = ReadonlyMap<
  PortState,
  ReadonlyMap<PortTarget, readonly PortCandidate[]>
>;

type GuardImplementation = (args: { event: { facts: PortMoveFacts } }) => boolean;

const NOT_CHECK = (not("hasScheduleDate") as unknown as { check: unknown }).check;

const isGuardName = (name: unknown): name is PortGuardName =>
  typeof name === "string" && Object.hasOwn(PORT_GUARDS, name);

function readGuard(
  guard: unknown,
  implementations: Readonly<Record<string, unknown>>,
): PortGuardRef | undefined {
  if (guard === undefined) return undefined;
  const composite = guard as { check?: unknown; guards?: unknown[] };
  const inner = composite.guards?.[0];
  const negated = composite.check === NOT_CHECK && composite.guards?.length === 1;
  const name = negated ? inner : guard;
  if (!isGuardName(name)) {
    throw new Error(`unsupported guard in the port request machine: ${JSON.stringify(guard)}`);
  }
  const implementation = implementations[name] as GuardImplementation | undefined;
  if (implementation === undefined) throw new Error(`guard ${name} has no implementation`);
  return { name, negated, check: (facts) => implementation({ event: { facts } }) };
}

interface Definition {
  readonly guard?: unknown;
  readonly actions: readonly unknown[];
  readonly target?: readonly { key: string }[] | undefined;
}

function readCandidate(
  definition: Definition,
  implementations: Readonly<Record<string, unknown>>,
): PortCandidate {
  const guard = readGuard(definition.guard, implementations);
  const actions = definition.actions.map((a) =>
    typeof a === "string" ? { type: a } : (a as { type: string; params?: { reason?: string } }),
  );
  const rejection = actions.find((a) => a.type === "reject");
  const outcome: PortDecision =
    rejection !== undefined
      ? { kind: "reject", reason: rejection.params?.reason as PortRejectReason }
      : {
          kind: "move",
          target: definition.target?.[0]?.key as PortTarget,
          steps: actions.map((a) => a.type as PortStepName),
        };
  return guard === undefined ? { outcome } : { guard, outcome };
}

/** Derives the lookup table from the machine's state nodes (once, at module load). */
export function derivePortTable(
  machine: PortRequestMachine = portRequestMachine,
): PortTransitionTable {
  const implementations = machine.implementations.guards as Readonly<Record<string, unknown>>;
  const table = new Map<PortState, Map<PortTarget, PortCandidate[]>>();
  for (const state of PORT_STATES) {
    const targets = new Map<PortTarget, PortCandidate[]>();
    for (const [event, definitions] of machine.root.states[state]?.transitions ?? []) {
      targets.set(
        event as PortTarget,
        definitions.map((d) => readCandidate(d as Definition, implementations)),
      );
    }
    table.set(state, targets);
  }
  return table;
}

/** The table derived from the port request machine. */
export const PORT_TRANSITION_TABLE: PortTransitionTable = derivePortTable();

/** Decides a move with a guard oracle: the first candidate whose guard holds wins. */
export function decidePortMoveWith(
  table: PortTransitionTable,
  state: PortState,
  target: PortTarget,
  holds: (guard: PortGuardName) => boolean,
): PortDecision {
  for (const candidate of table.get(state)?.get(target) ?? []) {
    const guard = candidate.guard;
    if (guard !== undefined && holds(guard.name) === guard.negated) continue;
    return candidate.outcome;
  }
  return { kind: "reject", reason: "cannot_move" };
}

/** Decides a move for real facts with the machine's own guard implementations. */
export function decidePortMove(
  state: PortState,
  target: PortTarget,
  facts: PortMoveFacts,
  table: PortTransitionTable = PORT_TRANSITION_TABLE,
): PortDecision {
  const checks = new Map(
    [...(table.get(state)?.get(target) ?? [])].flatMap((c) =>
      c.guard === undefined ? [] : [[c.guard.name, c.guard.check] as const],
    ),
  );
  return decidePortMoveWith(table, state, target, (name) => checks.get(name)?.(facts) ?? false);
}
