import fc from "fast-check";
import { expect } from "vitest";
import type { NumberRecord } from "../../src/domain/record.js";
import type { NumberState } from "../../src/domain/states.js";
import {
  RevisionConflictError,
  type NumberRepository,
  type PageRequest,
  type StoredNumber,
} from "../../src/ports/repository.js";
import { aNumber } from "../contracts/a-number.js";
import { deleteRecord, putRecord } from "../../src/testing/repository-fixtures.js";

/** The reference model: a plain map from number to stored record. */
interface Model {
  readonly stored: Map<string, StoredNumber>;
}

type Command = fc.AsyncCommand<Model, NumberRepository>;

const NUMBERS = ["+14155550100", "+14155550101", "+14155550200", "+14165550100", "+12125550100"];
const OWNERS = ["acme", "acme-sub", "beta"];
const STATES: NumberState[] = ["available", "reserved", "in_service"];
const PREFIXES = ["+1", "+1415", "+14155550", "+1212", "+44"];

const sorted = (records: Iterable<NumberRecord>): NumberRecord[] =>
  [...records].sort((a, b) => (a.number < b.number ? -1 : 1));

/** The model's answer to a listing: matching records in number order, paged. */
const paged = (model: Model, keep: (r: NumberRecord) => boolean, page: PageRequest) =>
  sorted([...model.stored.values()].map((s) => s.record).filter(keep))
    .filter((r) => page.startKey === undefined || r.number >= page.startKey)
    .slice(0, page.limit ?? Number.POSITIVE_INFINITY);

const conflictOf = (call: () => Promise<unknown>): Promise<unknown> =>
  call().then(
    () => "no conflict",
    (thrown: unknown) => thrown instanceof RevisionConflictError && thrown.number,
  );

const record = fc
  .record({
    number: fc.constantFrom(...NUMBERS),
    state: fc.constantFrom(...STATES),
    owner: fc.option(fc.constantFrom(...OWNERS), { nil: undefined }),
    note: fc.string({ maxLength: 4 }),
  })
  .map(({ number, state, owner, note }) =>
    aNumber({ number, state, assignedTo: owner, public: { note } }),
  );

const page: fc.Arbitrary<PageRequest> = fc.record(
  {
    startKey: fc.constantFrom(...NUMBERS, ...PREFIXES, "+14155550150"),
    limit: fc.integer({ min: 1, max: 4 }),
  },
  { requiredKeys: [] },
);

const putRight = record.map((written): Command => ({
  check: () => true,
  run: async (model, real) => {
    const before = model.stored.get(written.number);
    const revision = await putRecord(real, written, before?.revision ?? null);
    if (before !== undefined) expect(revision).toBeGreaterThan(before.revision);
    model.stored.set(written.number, { record: written, revision });
    expect(await real.get(written.number)).toEqual({ record: written, revision });
  },
  toString: () => `putRight(${written.number}, ${written.state}, ${written.assignedTo})`,
}));

const putWrong = fc
  .tuple(record, fc.constantFrom(-1, 1, null))
  .map(([written, shift]): Command => ({
    check: () => true,
    run: async (model, real) => {
      const before = model.stored.get(written.number);
      const wrong =
        before === undefined ? (shift ?? 0) + 2 : shift === null ? null : before.revision + shift;
      expect(await conflictOf(() => putRecord(real, written, wrong))).toBe(written.number);
      expect(await real.get(written.number)).toEqual(before);
    },
    toString: () => `putWrong(${written.number}, ${shift})`,
  }));

const deleteRight = fc.constantFrom(...NUMBERS).map((number): Command => ({
  check: (model) => model.stored.has(number),
  run: async (model, real) => {
    await deleteRecord(real, number, model.stored.get(number)?.revision ?? -1);
    model.stored.delete(number);
    expect(await real.get(number)).toBeUndefined();
  },
  toString: () => `deleteRight(${number})`,
}));

const deleteWrong = fc
  .tuple(fc.constantFrom(...NUMBERS), fc.constantFrom(-1, 1))
  .map(([number, shift]): Command => ({
    check: () => true,
    run: async (model, real) => {
      const before = model.stored.get(number);
      const wrong = (before?.revision ?? 0) + shift;
      expect(await conflictOf(() => deleteRecord(real, number, wrong))).toBe(number);
      expect(await real.get(number)).toEqual(before);
    },
    toString: () => `deleteWrong(${number}, ${shift})`,
  }));

const listOwner = fc.tuple(fc.constantFrom(...OWNERS), page).map(([owner, request]): Command => ({
  check: () => true,
  run: async (model, real) => {
    const want = paged(model, (r) => r.assignedTo === owner, request);
    expect(await real.listByOwner(owner, request)).toEqual(want);
  },
  toString: () => `listByOwner(${owner}, ${JSON.stringify(request)})`,
}));

const scan = fc
  .tuple(fc.constantFrom(...PREFIXES), fc.constantFrom(...STATES), page)
  .map(([prefix, state, request]): Command => ({
    check: () => true,
    run: async (model, real) => {
      const keep = (r: NumberRecord) => r.state === state && r.number.startsWith(prefix);
      expect(await real.scanPrefix(prefix, state, request)).toEqual(paged(model, keep, request));
    },
    toString: () => `scanPrefix(${prefix}, ${state}, ${JSON.stringify(request)})`,
  }));

const listState = fc.tuple(fc.constantFrom(...STATES), page).map(([state, request]): Command => ({
  check: () => true,
  run: async (model, real) => {
    const want = paged(model, (r) => r.state === state, request);
    expect(await real.listByState(state, request)).toEqual(want);
  },
  toString: () => `listByState(${state}, ${JSON.stringify(request)})`,
}));

/**
 * Checks that a repository answers every generated sequence of right and wrong writes, deletes
 * and listings like a plain map; `make` gives a fresh, empty repository per run.
 */
export async function checkAgainstModel(
  make: () => NumberRepository | Promise<NumberRepository>,
  numRuns: number,
): Promise<void> {
  const commands = fc.commands(
    [putRight, putWrong, deleteRight, deleteWrong, listOwner, scan, listState],
    { maxCommands: 60, size: "medium" },
  );
  await fc.assert(
    fc.asyncProperty(commands, async (sequence) => {
      const real = await make();
      await fc.asyncModelRun(() => ({ model: { stored: new Map() }, real }), sequence);
    }),
    { numRuns },
  );
}
