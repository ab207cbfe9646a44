import assert from "node:assert/strict";
import { makeRecord } from "../domain/record.js";
import { RevisionConflictError, type NumberWrite } from "../ports/repository.js";
import type { CaseDefinition } from "./contract-case.js";
import {
  A,
  B,
  NOW,
  aPortRequest,
  assertFails,
  commitRequests,
  moveTo,
  write,
  type PortRequestStoreFactory,
} from "./port-request-fixtures.js";

/** The cases of the contract on numbers taken by port requests (P5 with §7.1). */
export type NumberGuardCase = "numberGuards" | "unlessPorting";

const created = (number: string, owner?: string): NumberWrite => ({
  number,
  record: makeRecord({ number, state: "in_service", assignedTo: owner ?? "acme", now: NOW }),
  expected: null,
  events: [],
});

/**
 * A store's side of the race between a port request taking numbers and a create of the same
 * numbers: guards (`CommitBatch.guards`) hold the numbers a request's checks read, and a
 * create's `unlessPorting` write fails while a PORTING request holds its number.
 */
export function numberGuardCases(make: PortRequestStoreFactory): CaseDefinition<NumberGuardCase>[] {
  return [
    {
      id: "numberGuards",
      name: "a batch guarding numbers commits only if each is still at the revision read, and changes none of them",
      run: async () => {
        const store = await make();
        await store.numbers.commit({ writes: [created(A)] });
        const read = await store.numbers.get(A);
        const r1 = aPortRequest("r1", [A, B], { state: "submitted" });
        await assertFails(
          () =>
            store.numbers.commit({
              writes: [],
              portRequests: [write(r1, null)],
              guards: [
                { number: A, expected: read?.revision ?? null },
                { number: B, expected: 12345 },
              ],
            }),
          RevisionConflictError,
          "a guard on an absent number with a revision",
        );
        assert.equal(await store.requests.getPortRequest("r1"), undefined, "r1 not written");
        await assertFails(
          () =>
            store.numbers.commit({
              writes: [],
              portRequests: [write(r1, null)],
              guards: [{ number: A, expected: null }],
            }),
          RevisionConflictError,
          "a guard expecting no record where one exists",
        );
        await store.numbers.commit({
          writes: [],
          portRequests: [write(r1, null)],
          guards: [
            { number: A, expected: read?.revision ?? null },
            { number: B, expected: null },
          ],
        });
        assert.equal((await store.requests.getPortRequest("r1"))?.record.state, "submitted");
        const after = await store.numbers.get(A);
        assert.deepEqual(after?.record, read?.record, "a guarded record keeps its content");
        assert.ok((after?.revision ?? 0) > (read?.revision ?? 0), "and its revision moved on");
        assert.equal(await store.numbers.get(B), undefined, "a guarded absent number stays absent");
        await store.numbers.commit({ writes: [created(B)] });
        assert.equal((await store.numbers.get(B))?.record.state, "in_service", "B created later");
      },
    },
    {
      id: "unlessPorting",
      name: "a create marked unlessPorting fails while a submitted, pending or scheduled request holds the number, not a draft or rejected one",
      run: async () => {
        const store = await make();
        const r1 = aPortRequest("r1", [A]);
        await commitRequests(store, write(r1, null));
        const creates = (number: string): unknown =>
          store.numbers.commit({ writes: [{ ...created(number), unlessPorting: true }] });
        await moveTo(store, r1, "submitted");
        const refused = await assertFails(() => creates(A), RevisionConflictError, "submitted");
        assert.deepEqual(refused.numbers, [A], "the conflict names the number");
        assert.equal(await store.numbers.get(A), undefined, "nothing created");
        for (const state of ["pending", "scheduled"] as const) {
          await moveTo(store, r1, state);
          await assertFails(() => creates(A), RevisionConflictError, state);
        }
        await store.numbers.commit({ writes: [created(A, "other")] });
        assert.equal((await store.numbers.get(A))?.record.assignedTo, "other", "unmarked write");
        const r2 = aPortRequest("r2", [B], { state: "rejected" });
        await commitRequests(store, write(r2, null));
        await creates(B);
        assert.equal(
          (await store.numbers.get(B))?.record.state,
          "in_service",
          "rejected holds none",
        );
      },
    },
  ];
}
