import { not } from "xstate";
import { NUMBER_STATES, type NumberState } from "../domain/states.js";
import { GUARDS, type GuardName, type TransitionFacts } from "./guards.js";
import {
  EVENT_TARGETS,
  lifecycleMachine,
  type LifecycleEventType,
  type LifecycleMachine,
  type RejectReason,
  type StepName,
} from "./lifecycle-machine.js";

/** One step of a transition, with the state it sets when it sets one. */
export interface Step {
  readonly name: StepName;
  readonly state?: NumberState;
}

/** A guard reference: the guard's name, whether the machine negates it, and its implementation. */
export interface GuardRef {
  readonly name: GuardName;
  readonly negated: boolean;
  /** The machine's implementation of the (un-negated) guard. */
  readonly check: (facts: TransitionFacts) => boolean;
}

type GuardImplementation = (args: { event: { facts: TransitionFacts } }) => boolean;

/** One candidate transition of a (state, event) pair, tried in order. */
export interface Candidate {
  readonly guard?: GuardRef;
  readonly outcome:
    | { readonly kind: "move"; readonly target: NumberState; readonly steps: readonly Step[] }
    | { readonly kind: "reject"; readonly reason: RejectReason; readonly cause?: string };
}

/** What the machine decides for one number: a move, a rejection, or no such transition. */
export type Decision =
  | { readonly kind: "move"; readonly target: NumberState; readonly steps: readonly Step[] }
  | { readonly kind: "reject"; readonly reason: RejectReason; readonly cause: string | undefined }
  | { readonly kind: "invalid"; readonly from: NumberState; readonly to: string };

/** The lookup table: state -> event -> ordered candidates. */
export type TransitionTable = ReadonlyMap<
  NumberState,
  ReadonlyMap<LifecycleEventType, readonly Candidate[]>
>;

const NOT_CHECK = (not("isMdn") as unknown as { check: unknown }).check;

function isGuardName(name: unknown): name is GuardName {
  return typeof name === "string" && Object.hasOwn(GUARDS, name);
}

function readGuard(
  guard: unknown,
  implementations: Readonly<Record<string, unknown>>,
): GuardRef | undefined {
  if (guard === undefined) return undefined;
  const withCheck = (name: GuardName, negated: boolean): GuardRef => {
    const implementation = implementations[name] as GuardImplementation | undefined;
    if (implementation === undefined) throw new Error(`guard ${name} has no implementation`);
    return { name, negated, check: (facts) => implementation({ event: { facts } }) };
  };
  if (isGuardName(guard)) return withCheck(guard, false);
  const composite = guard as { check?: unknown; guards?: unknown[] };
  const inner = composite.guards?.[0];
  if (composite.check === NOT_CHECK && composite.guards?.length === 1 && isGuardName(inner)) {
    return withCheck(inner, true);
  }
  throw new Error(`unsupported guard in the lifecycle machine: ${JSON.stringify(guard)}`);
}

interface ActionObject {
  readonly type: string;
  readonly params?: {
    readonly state?: NumberState;
    readonly reason?: RejectReason;
    readonly cause?: string;
  };
}

function readAction(action: unknown): ActionObject {
  return typeof action === "string" ? { type: action } : (action as ActionObject);
}

function readCandidate(
  definition: {
    guard?: unknown;
    actions: readonly unknown[];
    target?: readonly { key: string }[] | undefined;
  },
  implementations: Readonly<Record<string, unknown>>,
): Candidate {
  const guard = readGuard(definition.guard, implementations);
  const actions = definition.actions.map(readAction);
  const rejection = actions.find((a) => a.type === "reject");
  const outcome: Candidate["outcome"] =
    rejection?.params?.reason !== undefined
      ? {
          kind: "reject",
          reason: rejection.params.reason,
          ...(rejection.params.cause === undefined ? {} : { cause: rejection.params.cause }),
        }
      : {
          kind: "move",
          target: definition.target?.[0]?.key as NumberState,
          steps: actions.map((a) =>
            a.params?.state === undefined
              ? { name: a.type as StepName }
              : { name: a.type as StepName, state: a.params.state },
          ),
        };
  return guard === undefined ? { outcome } : { guard, outcome };
}

/**
 * Derives the lookup table from a machine's state nodes and guard implementations (done once,
 * at module load, for the lifecycle machine; `machine.provide({ guards })` variants work too).
 */
export function deriveTransitionTable(
  machine: LifecycleMachine = lifecycleMachine,
): TransitionTable {
  const implementations = machine.implementations.guards as Readonly<Record<string, unknown>>;
  const table = new Map<NumberState, Map<LifecycleEventType, Candidate[]>>();
  for (const state of NUMBER_STATES) {
    const events = new Map<LifecycleEventType, Candidate[]>();
    const node = machine.root.states[state];
    for (const [eventType, definitions] of node?.transitions ?? []) {
      events.set(
        eventType as LifecycleEventType,
        definitions.map((definition) => readCandidate(definition, implementations)),
      );
    }
    table.set(state, events);
  }
  return table;
}

/** The table derived from the lifecycle machine. */
export const TRANSITION_TABLE: TransitionTable = deriveTransitionTable();

function pick(
  table: TransitionTable,
  state: NumberState,
  event: LifecycleEventType,
  holds: (guard: GuardRef) => boolean,
): Decision {
  for (const candidate of table.get(state)?.get(event) ?? []) {
    const guard = candidate.guard;
    if (guard !== undefined && holds(guard) === guard.negated) continue;
    const outcome = candidate.outcome;
    return outcome.kind === "move"
      ? outcome
      : { kind: "reject", reason: outcome.reason, cause: outcome.cause };
  }
  return { kind: "invalid", from: state, to: EVENT_TARGETS[event] };
}

/** Evaluates a (state, event) pair with a guard oracle; the first candidate whose guard holds wins. */
export function decideWith(
  table: TransitionTable,
  state: NumberState,
  event: LifecycleEventType,
  holds: (guard: GuardName) => boolean,
): Decision {
  return pick(table, state, event, (guard) => holds(guard.name));
}

/** Decides a transition for real facts with the table's own guard implementations. */
export function decide(
  state: NumberState,
  event: LifecycleEventType,
  facts: TransitionFacts,
  table: TransitionTable = TRANSITION_TABLE,
): Decision {
  return pick(table, state, event, (guard) => guard.check(facts));
}
