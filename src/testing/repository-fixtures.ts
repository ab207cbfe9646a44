import assert from "node:assert/strict";
import { described, failureOf } from "./assertions.js";
import { makeRecord, type NumberRecord, type RecordInit } from "../domain/record.js";
import {
  RevisionConflictError,
  singleWrite,
  type NumberRepository,
  type PageRequest,
} from "../ports/repository.js";

const NOW = 63_640_000_000;

/** A record for the repository suite: `aRecord("+14155550100", { state: "reserved", assignedTo: "acme" })`. */
export function aRecord(
  number: string,
  init: Partial<Omit<RecordInit, "number">> = {},
): NumberRecord {
  return makeRecord({ state: "available", now: NOW, ...init, number });
}

/** A record with every optional field set and nested, non-ASCII JSON, to catch lossy storage. */
export function aRichRecord(number: string, owner: string): NumberRecord {
  return aRecord(number, {
    state: "in_service",
    assignedTo: owner,
    prevAssignedTo: "previous-owner",
    reserveHistory: [owner, "previous-owner"],
    usedBy: "callflow",
    features: { e911: { street_address: "1 Main St", postal_code: "94105" }, local: {} },
    carrier: "simulated",
    carrierData: { order: { id: 42, tags: ["a", null, true, 1.5] } },
    portedIn: true,
    public: { cnam: { display_name: "Café 東京" }, empty: {}, list: [] },
    created: NOW - 100,
    modified: NOW,
  });
}

/** Asserts the call fails with a RevisionConflictError naming `number`. */
export async function assertConflict(
  call: () => Promise<unknown>,
  number: string,
  what: string,
): Promise<void> {
  const thrown = await failureOf(call);
  assert.ok(
    thrown instanceof RevisionConflictError,
    `${what}: expected a RevisionConflictError, got ${described(thrown)}`,
  );
  assert.equal(thrown.number, number, `${what}: the conflict names another number`);
}

/** Asserts the stored record and revision of a number, or its absence (`undefined`). */
export async function assertStored(
  repository: NumberRepository,
  record: NumberRecord | undefined,
  revision: number | undefined,
  what: string,
  number = record?.number ?? "",
): Promise<void> {
  const stored = await repository.get(number);
  if (record === undefined) {
    assert.equal(stored, undefined, `${what}: ${number} should be absent`);
    return;
  }
  assert.ok(stored !== undefined, `${what}: ${number} should be stored`);
  assert.deepEqual(stored.record, record, `${what}: the record read differs from the one written`);
  if (revision !== undefined) assert.equal(stored.revision, revision, `${what}: revision`);
}

/** A listing under test: one of the repository's list methods with its other arguments bound. */
export type Listing = (page?: PageRequest) => Promise<readonly NumberRecord[]>;

/**
 * Asserts a listing against its full expected answer (in number order) for every start key
 * worth trying (none, each number, just before and just after each) and several limits.
 */
export async function assertPages(
  what: string,
  list: Listing,
  expected: readonly NumberRecord[],
  extraKeys: readonly string[] = [],
): Promise<void> {
  const numbers = expected.map((record) => record.number);
  const keys = [
    undefined,
    ...numbers,
    ...numbers.map((n) => n.slice(0, -1)),
    ...numbers.map((n) => `${n}0`),
    ...extraKeys,
  ];
  const limits = [undefined, 1, 2, expected.length + 1];
  for (const startKey of keys) {
    for (const limit of limits) {
      const page: PageRequest = {
        ...(startKey === undefined ? {} : { startKey }),
        ...(limit === undefined ? {} : { limit }),
      };
      const got = await (Object.keys(page).length === 0 ? list() : list(page));
      const want = expected
        .filter((record) => startKey === undefined || record.number >= startKey)
        .slice(0, limit ?? expected.length);
      const label = `${what} ${JSON.stringify(page)}`;
      assert.deepEqual(
        got.map((record) => record.number),
        want.map((record) => record.number),
        `${label}: numbers`,
      );
      assert.deepEqual(got, want, `${label}: records differ from those written`);
    }
  }
}

/** The records in number order. */
export function byNumber(records: readonly NumberRecord[]): NumberRecord[] {
  return [...records].sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
}

/** Stores one record through `commit`, conditionally on `expected`; returns its new revision. */
export async function putRecord(
  repository: NumberRepository,
  record: NumberRecord,
  expected: number | null,
): Promise<number> {
  const [revision] = await repository.commit(singleWrite(record, expected));
  return revision as number;
}

/** Deletes one number's record through `commit`, conditionally on `expected`. */
export async function deleteRecord(
  repository: NumberRepository,
  number: string,
  expected: number,
): Promise<void> {
  await repository.commit({ writes: [{ number, record: null, expected, events: [] }] });
}
