import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createWorldOn, type WorldStore } from "../../src/compose/stores.js";
import type { World } from "../../src/compose/world.js";
import type { NumberErrorReason, Result } from "../../src/domain/errors.js";
import type { NumberRecord } from "../../src/domain/record.js";

const NUMBER = "+14155550100";

/** A fixed tree: root (admin) over acme (reseller) over acme_sales; globex beside acme. */
const ANCESTORS: Readonly<Record<string, readonly string[]>> = {
  root: [],
  acme: ["root"],
  acme_sales: ["root", "acme"],
  globex: ["root"],
};
const IDS = Object.keys(ANCESTORS);
const ADMIN = "root";

/** The reference model: the ownership rules of states.md §4-§7 for one local number, written out plainly. */
interface Model {
  state: "available" | "reserved" | "in_service";
  owner: string | undefined;
  history: string[];
}

const anc = (x: string | undefined, y: string | undefined): boolean =>
  x !== undefined && y !== undefined && (x === y || (ANCESTORS[y] ?? []).includes(x));
const sanc = (x: string | undefined, y: string | undefined): boolean => x !== y && anc(x, y);

function readable(m: Model, requester: string, target?: string): boolean {
  if (m.state === "available" || requester === ADMIN) return true;
  if (m.owner === undefined) return anc(requester, target);
  return (
    anc(requester, m.owner) ||
    (m.state === "reserved" && (m.owner === ADMIN || anc(m.owner, requester)))
  );
}

function give(m: Model, target: string, state: Model["state"], push: boolean): void {
  if (push && m.history[0] !== target) m.history.unshift(target);
  m.owner = target;
  m.state = state;
}

type Outcome = NumberErrorReason | "ok";

function modelReserve(m: Model, target: string, requester: string): Outcome {
  if (!readable(m, requester, target)) return "unauthorized";
  if (m.state === "reserved") {
    if (target === m.owner) return "no_change_required";
    if (m.owner !== undefined && !anc(requester, m.owner) && !sanc(m.owner, requester))
      return "unauthorized";
  } else if (!anc(requester, target)) return "unauthorized";
  give(m, target, "reserved", true);
  return "ok";
}

function modelActivate(m: Model, target: string, requester: string): Outcome {
  if (!readable(m, requester, target)) return "unauthorized";
  if (m.state === "reserved") {
    if (!anc(m.owner, target) || !(anc(m.owner, requester) || sanc(requester, m.owner)))
      return "unauthorized";
  } else if (m.state === "in_service") {
    if (target === m.owner) return "ok";
    if (!anc(target, requester) && !sanc(requester, target)) return "unauthorized";
  } else if (!anc(requester, target)) return "unauthorized";
  give(m, target, "in_service", false);
  return "ok";
}

function modelRelease(m: Model, requester: string): Outcome {
  if (!readable(m, requester)) return "unauthorized";
  if (m.state === "available") return "invalid_state_transition";
  if (requester !== ADMIN && !anc(requester, m.owner)) return "unauthorized";
  const at = m.owner === undefined ? -1 : m.history.indexOf(m.owner);
  if (at >= 0) m.history.splice(at, 1);
  m.owner = m.history[0];
  m.state = m.owner === undefined ? "available" : "reserved";
  return "ok";
}

interface Real {
  readonly world: World;
}

async function compare(
  model: Model,
  real: Real,
  expected: Outcome,
  result: Result<NumberRecord>,
): Promise<void> {
  expect(result.ok ? "ok" : result.error.reason).toBe(expected);
  const stored = await real.world.engine.inspect(NUMBER);
  expect({
    state: stored?.state,
    owner: stored?.assignedTo,
    history: stored?.reserveHistory,
  }).toEqual({
    state: model.state,
    owner: model.owner,
    history: model.history,
  });
}

class Reserve implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly target: string,
    readonly requester: string,
  ) {}
  check = () => true;
  async run(model: Model, real: Real): Promise<void> {
    const expected = modelReserve(model, this.target, this.requester);
    const result = await real.world.engine.reserve({
      number: NUMBER,
      account: this.target,
      requester: this.requester,
    });
    await compare(model, real, expected, result);
  }
  toString = () => `reserve(${this.target} by ${this.requester})`;
}

class Activate implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly target: string,
    readonly requester: string,
  ) {}
  check = () => true;
  async run(model: Model, real: Real): Promise<void> {
    const expected = modelActivate(model, this.target, this.requester);
    const result = await real.world.engine.activate({
      number: NUMBER,
      account: this.target,
      requester: this.requester,
    });
    await compare(model, real, expected, result);
  }
  toString = () => `activate(${this.target} by ${this.requester})`;
}

class Release implements fc.AsyncCommand<Model, Real> {
  constructor(readonly requester: string) {}
  check = () => true;
  async run(model: Model, real: Real): Promise<void> {
    const expected = modelRelease(model, this.requester);
    const result = await real.world.engine.release({ number: NUMBER, requester: this.requester });
    await compare(model, real, expected, result);
  }
  toString = () => `release(by ${this.requester})`;
}

const account = fc.constantFrom(...IDS);
const commands = fc.commands(
  [
    fc.tuple(account, account).map(([t, r]) => new Reserve(t, r)),
    fc.tuple(account, account).map(([t, r]) => new Activate(t, r)),
    account.map((r) => new Release(r)),
  ],
  { maxCommands: 25 },
);

/** The stores the model runs against, with how many command sequences each. */
const RUNS: readonly (readonly [WorldStore, number])[] = [
  ["memory", 200],
  ["sqlite", 100],
];

describe("reserve, activate and release against a reference model of the ownership rules", () => {
  for (const [store, numRuns] of RUNS) {
    it(`the engine's state, owner and reserve history always match the model on the ${store} store`, async () => {
      await fc.assert(
        fc.asyncProperty(commands, async (cmds) => {
          const world = await createWorldOn(store, {
            accounts: [
              { id: "root", master: true, reseller: true, allowAdditions: true },
              { id: "acme", parent: "root", reseller: true, allowAdditions: true },
              { id: "acme_sales", parent: "acme" },
              { id: "globex", parent: "root" },
            ],
            numbers: [{ number: NUMBER, state: "available", features: { local: {} } }],
          });
          const setup = (): { model: Model; real: Real } => ({
            model: { state: "available", owner: undefined, history: [] },
            real: { world },
          });
          try {
            await fc.asyncModelRun(setup, cmds);
          } finally {
            await world.close();
          }
        }),
        { numRuns },
      );
    });
  }
});
