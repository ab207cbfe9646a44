/**
 * The transitions check (properties a and c): every operation follows an edge of the machine
 * or changes nothing. Shared by the property test, the acceptance tests and the long runs.
 */
import fc from "fast-check";
import { expect } from "vitest";
import { SYSTEM, type AccountLookup } from "../../src/domain/accounts.js";
import { passesReadCheck } from "../../src/domain/authorization.js";
import { resolveConfig } from "../../src/domain/config.js";
import type { NumberError, Result } from "../../src/domain/errors.js";
import type { NumberRecord } from "../../src/domain/record.js";
import type { NumberState } from "../../src/domain/states.js";
import type { LifecycleEventType } from "../../src/machine/lifecycle-machine.js";
import { decide, type Decision, type TransitionTable } from "../../src/machine/transition-table.js";
import { createMemoryWorld, type MemoryWorld } from "../../src/compose/memory-world.js";
import { lookupOf } from "../support/accounts.js";
import { accountTree, idsOf, numberIn, releaseConfig } from "../support/arbitraries.js";
import { snapshot } from "../support/world.js";

/** The number the scenarios act on, and two bystanders that must never change. */
export const NUMBER = "+14155550100";
export const OTHERS = ["+14155550101", "+14155550102"];

type Operation =
  | {
      readonly kind: "reserve" | "activate" | "create";
      readonly account: string;
      readonly requester: string;
    }
  | { readonly kind: "release"; readonly requester: string; readonly hard: boolean }
  | { readonly kind: "inbound" };

const operation = (ids: readonly string[]): fc.Arbitrary<Operation> => {
  const requester = fc.constantFrom(SYSTEM, ...ids);
  const account = fc.constantFrom(...ids);
  return fc.oneof(
    fc.record({
      kind: fc.constantFrom("reserve" as const, "activate" as const, "create" as const),
      account,
      requester,
    }),
    fc.record({ kind: fc.constant("release" as const), requester, hard: fc.boolean() }),
    fc.record({ kind: fc.constant("inbound" as const) }),
  );
};

/** The creation event seed's automatic state choice leads to (states.md §6 step 2). */
function createEvent(accounts: AccountLookup, target: string): LifecycleEventType {
  const account = accounts(target);
  if (account === undefined || !account.reseller) return "activate";
  return account.superduperAdmin ? "makeAvailable" : "reserve";
}

/** What the machine and the read check say an operation on a stored record must do. */
interface Expectation {
  /** The read check refuses (unauthorized before the machine runs). */
  readonly unreadable?: boolean;
  /** The record is not eligible: a fixed error. */
  readonly error?: NumberError;
  /** The machine's decision; undefined when the operation changes nothing. */
  readonly decision?: Decision;
}

function expectationFor(
  op: Operation,
  record: NumberRecord,
  accounts: AccountLookup,
  config: ReturnType<typeof resolvedConfig>,
): Expectation {
  const facts = (requester: string, target: string | undefined) => ({
    accounts,
    requester,
    target,
    owner: record.assignedTo,
    state: record.state,
    carrier: record.carrier,
    reserveHistory: record.reserveHistory,
    now: record.modified,
    holdExpires: record.holdExpires,
    config,
  });
  const readable = (requester: string, target?: string) =>
    passesReadCheck({ accounts, requester, target, owner: record.assignedTo, state: record.state });
  switch (op.kind) {
    case "inbound":
      return record.state === "port_in"
        ? { decision: decide("port_in", "activate", facts(SYSTEM, record.assignedTo)) }
        : {};
    case "create":
      if (record.state !== "available")
        return { error: { reason: "number_exists", number: NUMBER } };
      return {
        decision: decide(
          record.state,
          createEvent(accounts, op.account),
          facts(op.requester, op.account),
        ),
      };
    case "reserve":
    case "activate":
      if (!readable(op.requester, op.account)) return { unreadable: true };
      return { decision: decide(record.state, op.kind, facts(op.requester, op.account)) };
    case "release": {
      if (!readable(op.requester)) return { unreadable: true };
      const mayHard = op.requester === SYSTEM || accounts(op.requester)?.superduperAdmin === true;
      return {
        decision: decide(
          record.state,
          op.hard && mayHard ? "hardDelete" : "release",
          facts(op.requester, undefined),
        ),
      };
    }
  }
}

const resolvedConfig = (overrides: object) => {
  const resolved = resolveConfig(overrides);
  if (!resolved.ok) throw new Error("bad config");
  return resolved.value;
};

function run(world: MemoryWorld, op: Operation): Promise<Result<unknown>> {
  switch (op.kind) {
    case "reserve":
      return world.engine.reserve({ number: NUMBER, account: op.account, requester: op.requester });
    case "activate":
      return world.engine.activate({
        number: NUMBER,
        account: op.account,
        requester: op.requester,
      });
    case "create":
      return world.engine.create({ number: NUMBER, account: op.account, requester: op.requester });
    case "release":
      return world.engine.release({ number: NUMBER, requester: op.requester, hard: op.hard });
    case "inbound":
      return world.engine.inboundCall(NUMBER);
  }
}

/** Failures a move the machine allowed may still end with: a step's port or the store failed. */
const STEP_FAILURES = new Set(["by_carrier", "carrier_not_specified", "database_error"]);

/** A random account tree, the number and two others in random states, settings and operations. */
export const transitionScenario = accountTree.chain((tree) => {
  const ids = idsOf(tree);
  return fc.record({
    tree: fc.constant(tree),
    record: numberIn(NUMBER, ids),
    others: fc.tuple(...OTHERS.map((n) => numberIn(n, ids))),
    config: releaseConfig,
    operations: fc.array(operation(ids), { minLength: 1, maxLength: 5 }),
  });
});

/** One generated transition scenario. */
export type TransitionScenario =
  typeof transitionScenario extends fc.Arbitrary<infer S> ? S : never;

/** Checks one scenario on an engine running `transitions` (the machine's table unless given). */
export async function checkTransitions(
  { tree, record, others, config, operations }: TransitionScenario,
  transitions?: TransitionTable,
): Promise<void> {
  const world = await createMemoryWorld({
    accounts: tree,
    numbers: [record, ...others],
    inventory: [{ number: NUMBER }],
    config,
    ...(transitions === undefined ? {} : { transitions }),
  });
  const accounts = lookupOf(tree);
  const settings = resolvedConfig({
    ...config,
    carrier_modules: ["knm_local", "knm_simulated"],
  });
  for (const op of operations) {
    const before = await snapshot(world.repository);
    const stored = await world.engine.inspect(NUMBER);
    const result = await run(world, op);
    const after = await snapshot(world.repository);

    if (stored === undefined) {
      if (!(op.kind === "create" && result.ok)) expect(after).toEqual(before);
      continue;
    }
    const expected = expectationFor(op, stored, accounts, settings);
    if (!result.ok) {
      expect(after, `${op.kind} failed but changed the store`).toEqual(before);
      if (expected.unreadable === true) expect(result.error).toEqual({ reason: "unauthorized" });
      else if (expected.error !== undefined) expect(result.error).toEqual(expected.error);
      else if (expected.decision?.kind === "invalid")
        expect(result.error).toEqual({
          reason: "invalid_state_transition",
          cause: `from ${expected.decision.from} to ${expected.decision.to}`,
        });
      else if (expected.decision?.kind === "reject")
        expect(result.error.reason).toBe(expected.decision.reason);
      else if (expected.decision?.kind === "move")
        expect(STEP_FAILURES.has(result.error.reason), JSON.stringify(result.error)).toBe(true);
      else if (op.kind !== "create")
        throw new Error(`unexpected failure ${JSON.stringify(result.error)}`);
      continue;
    }
    expect(expected.unreadable, "succeeded despite the read check").not.toBe(true);
    expect(expected.error).toBeUndefined();
    for (const other of OTHERS) expect(after[other]).toBe(before[other]);
    const decision = expected.decision;
    if (decision === undefined) {
      expect(after).toEqual(before);
      continue;
    }
    expect(decision.kind, `${op.kind} from ${stored.state} succeeded`).toBe("move");
    if (decision.kind !== "move") continue;
    const now = await world.engine.inspect(NUMBER);
    if (decision.steps.some((s) => s.name === "remove")) expect(now).toBeUndefined();
    else expect(now?.state).toBe<NumberState>(decision.target);
  }
}

/** The property, over an engine running `transitions` (the machine's table unless given). */
export const followsTheMachine = (transitions?: TransitionTable) =>
  fc.asyncProperty(transitionScenario, (s) => checkTransitions(s, transitions));
