/**
 * The isolation check: an account outside a number's hierarchy can neither read, list, identify
 * nor change it. Shared by the property test, the acceptance tests and the long runs.
 */
import fc from "fast-check";
import { expect } from "vitest";
import { createMemoryWorld, type MemoryWorld } from "../../src/compose/memory-world.js";
import type { TransitionTable } from "../../src/machine/transition-table.js";
import { isSelfOrAncestor } from "../../src/domain/accounts.js";
import type { Result } from "../../src/domain/errors.js";
import { lookupOf } from "../support/accounts.js";
import { accountTree, idsOf, numberIn } from "../support/arbitraries.js";
import { snapshot } from "../support/world.js";

/** The number the scenarios act on. */
export const NUMBER = "+14155550100";

const OPERATIONS = [
  "get",
  "update",
  "reserve",
  "activate",
  "create",
  "release",
  "hardDelete",
  "identify",
] as const;
type Operation = (typeof OPERATIONS)[number];

function run(world: MemoryWorld, op: Operation, outsider: string): Promise<Result<unknown>> {
  const engine = world.engine;
  const mine = { number: NUMBER, account: outsider, requester: outsider };
  switch (op) {
    case "get":
      return engine.get({ number: NUMBER, requester: outsider });
    case "update":
      return engine.update({ number: NUMBER, requester: outsider, patch: { taken: true } });
    case "reserve":
      return engine.reserve(mine);
    case "activate":
      return engine.activate(mine);
    case "create":
      return engine.create(mine);
    case "release":
      return engine.release({ number: NUMBER, requester: outsider });
    case "hardDelete":
      return engine.release({ number: NUMBER, requester: outsider, hard: true });
    case "identify":
      return engine.identify({ number: NUMBER, requester: outsider });
  }
}

/** An owned number and an account outside its hierarchy: not owner, ancestor, descendant or admin. */
export const isolationScenario = accountTree
  .chain((tree) => {
    const ids = idsOf(tree);
    return fc.record({
      tree: fc.constant(tree),
      record: numberIn(NUMBER, ids),
      owner: fc.constantFrom(...ids),
      outsider: fc.constantFrom(...ids),
      op: fc.constantFrom(...OPERATIONS),
    });
  })
  .filter(({ tree, owner, outsider }) => {
    const accounts = lookupOf(tree);
    return (
      !isSelfOrAncestor(accounts, outsider, owner) &&
      !isSelfOrAncestor(accounts, owner, outsider) &&
      accounts(outsider)?.superduperAdmin !== true
    );
  });

/** One generated isolation scenario. */
export type IsolationScenario = typeof isolationScenario extends fc.Arbitrary<infer S> ? S : never;

/**
 * The isolation check (property d): the outsider can neither read nor change the number, except
 * a pool number (states.md §11 note 2, D9), on an engine running `transitions` when given.
 */
export async function checkIsolation(
  { tree, record, owner, outsider, op }: IsolationScenario,
  transitions?: TransitionTable,
): Promise<void> {
  const world = await createMemoryWorld({
    accounts: tree,
    numbers: [{ ...record, assignedTo: owner }],
    inventory: [{ number: NUMBER }],
    ...(transitions === undefined ? {} : { transitions }),
  });
  const before = await snapshot(world.repository);
  const ownerIsAdmin = lookupOf(tree)(owner)?.superduperAdmin === true;
  const pool = record.state === "available";
  // The master read check also opens numbers reserved by the super-duper admin to everyone.
  const readable = pool || (record.state === "reserved" && ownerIsAdmin);

  const result = await run(world, op, outsider);

  const allowed =
    op === "get" || op === "update"
      ? readable
      : pool && op !== "release" && op !== "hardDelete" && op !== "identify";
  if (!allowed) {
    expect(result.ok, `${op} on ${record.state} succeeded`).toBe(false);
    expect(await snapshot(world.repository)).toEqual(before);
  }
  if (!result.ok) expect(await snapshot(world.repository)).toEqual(before);
  if (op === "identify" && !result.ok) expect(result.error.reason).toBe("not_found");
  if ((op === "get" || op === "update") && !readable && !result.ok) {
    expect(result.error.reason).toBe("unauthorized");
  }
}
