import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createWorldOn, type WorldStore } from "../../src/compose/stores.js";
import type { World } from "../../src/compose/world.js";
import type { Result } from "../../src/domain/errors.js";
import type { JsonValue } from "../../src/domain/json.js";
import { isNumberEvent, type NumberEvent } from "../../src/domain/events.js";
import type { BatchOutcome } from "../../src/engine/collections.js";
import { snapshot } from "../support/world.js";
import { count, report, SEED } from "./counts.js";

const SEQUENCES = count("LONG_SEQUENCES", 60);

const NUMBERS = ["+14155550100", "+14155550101", "+14155550102"];
const ACCOUNTS = ["root", "acme", "acme_sales", "globex", "plain"];
const DAY = 86_400;

/** What one command did: an answer and the events it committed. */
interface Step {
  readonly label: string;
  readonly results: readonly [string, Result<unknown>][];
}

type Command = (world: World) => Promise<Step>;

const one = async (
  label: string,
  number: string,
  run: Promise<Result<unknown>>,
): Promise<Step> => ({
  label,
  results: [[number, await run]],
});
const many = async (
  label: string,
  run: Promise<Result<BatchOutcome>>,
  numbers: readonly string[],
): Promise<Step> => {
  const result = await run;
  if (!result.ok) return { label, results: numbers.map((n) => [n, result]) };
  return {
    label,
    results: numbers.map((n) => {
      const failed = result.value.failed.get(n);
      return [
        n,
        failed === undefined ? { ok: true, value: undefined } : { ok: false, error: failed },
      ];
    }),
  };
};

const account = fc.constantFrom(...ACCOUNTS);
const number = fc.constantFrom(...NUMBERS);
const subset = fc.subarray(NUMBERS, { minLength: 1 });
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  fc.tuple(number, account, account).map(
    ([n, a, r]): Command =>
      (w) =>
        one(
          `reserve ${n} for ${a} by ${r}`,
          n,
          w.engine.reserve({ number: n, account: a, requester: r }),
        ),
  ),
  fc.tuple(number, account, account).map(
    ([n, a, r]): Command =>
      (w) =>
        one(
          `activate ${n} for ${a} by ${r}`,
          n,
          w.engine.activate({ number: n, account: a, requester: r }),
        ),
  ),
  fc.tuple(number, account, fc.boolean()).map(
    ([n, r, hard]): Command =>
      (w) =>
        one(
          `release ${n} by ${r} hard=${hard}`,
          n,
          w.engine.release({ number: n, requester: r, hard }),
        ),
  ),
  fc
    .tuple(
      number,
      account,
      account,
      fc.constantFrom(undefined, "available", "reserved", "in_service", "port_in", "aging"),
    )
    .map(
      ([n, a, r, state]): Command =>
        (w) =>
          one(
            `create ${n} for ${a} by ${r} in ${state}`,
            n,
            w.engine.create({ number: n, account: a, requester: r, createWithState: state }),
          ),
    ),
  fc.tuple(number, account, fc.jsonValue({ maxDepth: 2 })).map(
    ([n, r, v]): Command =>
      (w) =>
        one(
          `update ${n} by ${r}`,
          n,
          w.engine.update({ number: n, requester: r, patch: { note: v as JsonValue } }),
        ),
  ),
  fc.tuple(subset, account, account, fc.boolean()).map(
    ([ns, a, r, accept]): Command =>
      (w) =>
        many(
          `activateMany ${ns.join(",")} for ${a} by ${r}`,
          w.engine.activateMany({ numbers: ns, account: a, requester: r, acceptCharges: accept }),
          ns,
        ),
  ),
  fc.tuple(subset, account, account).map(
    ([ns, a, r]): Command =>
      (w) =>
        many(
          `createMany ${ns.join(",")} for ${a} by ${r}`,
          w.engine.createMany({ numbers: ns, account: a, requester: r }),
          ns,
        ),
  ),
  fc.tuple(subset, account, fc.boolean()).map(
    ([ns, r, hard]): Command =>
      (w) =>
        many(
          `releaseMany ${ns.join(",")} by ${r} hard=${hard}`,
          w.engine.releaseMany({ numbers: ns, requester: r, hard }),
          ns,
        ),
  ),
  fc.tuple(subset, account).map(
    ([ns, r]): Command =>
      (w) =>
        many(
          `updateMany ${ns.join(",")} by ${r}`,
          w.engine.updateMany({ numbers: ns, requester: r, patch: { bulk: true } }),
          ns,
        ),
  ),
  fc.constantFrom(60, 3_600, DAY, 40 * DAY).map((seconds): Command => async (w) => {
    w.clock.advance(seconds);
    await w.engine.sweep();
    return { label: `advance ${seconds}s and sweep`, results: [] };
  }),
);

/**
 * Runs one command and checks what every operation must keep: a failed number is left byte for
 * byte as it was; every committed event names a number the command touched, from the state it
 * had to the state it has now, and no number changed without an event.
 */
async function runChecked(world: World, command: Command, cursor: string | undefined) {
  const before = await snapshot(world.repository);
  const states = new Map(
    await Promise.all(
      NUMBERS.map(async (n) => [n, (await world.engine.inspect(n))?.state ?? null] as const),
    ),
  );
  const step = await command(world);
  const after = await snapshot(world.repository);
  const page = await world.repository.eventsSince(cursor, 1_000);
  const events: NumberEvent[] = page.events.map((e) => e.event).filter(isNumberEvent);
  for (const [n, result] of step.results) {
    if (!result.ok) expect(after[n], `${step.label}: failed ${n} changed`).toBe(before[n]);
  }
  const changed = NUMBERS.filter((n) => after[n] !== before[n]);
  const evented = new Set(events.map((e) => e.number));
  for (const n of changed)
    expect(evented.has(n), `${step.label}: ${n} changed without an event`).toBe(true);
  const last = new Map(events.map((e) => [e.number, e]));
  for (const [n, event] of last) {
    const now = (await world.engine.inspect(n))?.state ?? null;
    expect(event.to, `${step.label}: the event of ${n} names another state`).toBe(now);
  }
  const first = new Map([...events].reverse().map((e) => [e.number, e]));
  for (const [n, event] of first)
    expect(event.from, `${step.label}: ${n} came from elsewhere`).toBe(states.get(n) ?? null);
  for (const record of await Promise.all(NUMBERS.map((n) => world.engine.inspect(n)))) {
    if (record !== undefined && ["reserved", "in_service", "port_in"].includes(record.state))
      expect(record.assignedTo, `${step.label}: a held number without an owner`).toBeDefined();
  }
  return page.cursor;
}

/** The stores every sequence runs on, each sequence on a fresh world. */
const STORES: readonly WorldStore[] = ["memory", "sqlite"];

describe("model-based command sequences over every operation", () => {
  for (const store of STORES) {
    it(`${SEQUENCES} sequences of creates, moves, updates, collections, sweeps and clock advances keep every invariant on the ${store} store`, async () => {
      let commands = 0;
      let violations = 1;
      const started = performance.now();
      try {
        await fc.assert(
          fc.asyncProperty(
            fc.array(commandArb, { minLength: 1, maxLength: 12 }),
            async (sequence) => {
              const world = await createWorldOn(store, {
                accounts: [
                  { id: "root", master: true, reseller: true, allowAdditions: true },
                  { id: "acme", parent: "root", reseller: true, allowAdditions: true },
                  { id: "acme_sales", parent: "acme" },
                  { id: "globex", parent: "root", reseller: true, allowAdditions: true },
                  { id: "plain", parent: "root" },
                ],
                numbers: [
                  { number: NUMBERS[0] as string, state: "available", features: { local: {} } },
                ],
                inventory: [{ number: NUMBERS[1] as string }],
                config: { reservation_hold_s: 3_600, should_age: true },
              });
              try {
                let cursor = (await world.repository.eventsSince(undefined, 1_000)).cursor;
                for (const command of sequence) {
                  cursor = await runChecked(world, command, cursor);
                  commands++;
                }
              } finally {
                await world.close();
              }
            },
          ),
          { numRuns: SEQUENCES, seed: SEED, endOnFailure: true },
        );
        violations = 0;
      } finally {
        report(`sequences-${store}`, {
          seed: SEED,
          sequences: SEQUENCES,
          commands,
          store,
          seconds: ((performance.now() - started) / 1000).toFixed(1),
          violations,
        });
      }
    });
  }
});
