import assert from "node:assert/strict";
import type { NumberRepository } from "../ports/repository.js";
import type { CaseDefinition } from "./contract-case.js";
import {
  aRecord,
  aRichRecord,
  assertConflict,
  assertStored,
  deleteRecord,
  putRecord,
} from "./repository-fixtures.js";

/** Makes a fresh, empty repository for each case. */
export type RepositoryFactory = () => NumberRepository | Promise<NumberRepository>;

/** The write-side cases of the repository contract. */
export type RepositoryWriteCase =
  | "absentReads"
  | "getMany"
  | "create"
  | "createTwice"
  | "staleRevision"
  | "absentRevision"
  | "revisionsIncrease"
  | "deleteRight"
  | "deleteWrong";

const A = "+14155550100";
const B = "+14155550101";
const C = "+12125550100";

/** Cases on get, getMany, put and delete and their revisions. */
export function repositoryWriteCases(
  make: RepositoryFactory,
): CaseDefinition<RepositoryWriteCase>[] {
  return [
    {
      id: "absentReads",
      name: "get and getMany of numbers never written find nothing",
      run: async () => {
        const repository = await make();
        assert.equal(await repository.get(A), undefined, "get of an absent number");
        const many = await repository.getMany([A, B]);
        assert.equal(many.size, 0, "getMany of absent numbers");
        assert.equal((await repository.getMany([])).size, 0, "getMany of no numbers");
      },
    },
    {
      id: "getMany",
      name: "getMany answers exactly the written numbers among those asked, each as written with its revision",
      run: async () => {
        const repository = await make();
        const a = aRichRecord(A, "acme");
        const c = aRecord(C, { state: "reserved", assignedTo: "beta" });
        const revisions = [
          await putRecord(repository, a, null),
          await putRecord(repository, c, null),
        ];
        await putRecord(repository, aRecord(B), null);
        const many = await repository.getMany([C, "+19995550100", A]);
        assert.deepEqual([...many.keys()].sort(), [C, A].sort(), "numbers found");
        assert.deepEqual(many.get(A), { record: a, revision: revisions[0] }, "the record of A");
        assert.deepEqual(many.get(C), { record: c, revision: revisions[1] }, "the record of C");
      },
    },
    {
      id: "create",
      name: "put with expected null creates a record that get returns as written with the returned revision",
      run: async () => {
        const repository = await make();
        for (const record of [aRichRecord(A, "acme"), aRecord(B), aRecord(C, { state: "aging" })]) {
          const revision = await putRecord(repository, record, null);
          assert.equal(typeof revision, "number", "put resolves with a numeric revision");
          await assertStored(repository, record, revision, `after creating ${record.number}`);
        }
      },
    },
    {
      id: "createTwice",
      name: "put with expected null on an existing record throws RevisionConflictError and keeps the first",
      run: async () => {
        const repository = await make();
        const first = aRecord(A, { assignedTo: "acme" });
        const revision = await putRecord(repository, first, null);
        const second = aRecord(A, { assignedTo: "beta", state: "reserved" });
        await assertConflict(() => putRecord(repository, second, null), A, "second create");
        await assertStored(repository, first, revision, "after the refused create");
        assert.deepEqual(await repository.listByOwner("beta"), [], "beta's list after the refusal");
      },
    },
    {
      id: "staleRevision",
      name: "put with a stale revision throws RevisionConflictError and changes nothing",
      run: async () => {
        const repository = await make();
        const first = aRecord(A, { assignedTo: "acme" });
        const stale = await putRecord(repository, first, null);
        const current = aRecord(A, { assignedTo: "acme", state: "reserved" });
        const revision = await putRecord(repository, current, stale);
        const late = aRecord(A, { assignedTo: "beta", state: "in_service" });
        await assertConflict(
          () => putRecord(repository, late, stale),
          A,
          "write with a stale revision",
        );
        await assertConflict(
          () => putRecord(repository, late, revision + 1),
          A,
          "write with a future one",
        );
        await assertStored(repository, current, revision, "after the refused writes");
        assert.deepEqual(await repository.listByOwner("beta"), [], "beta's list");
        assert.deepEqual(await repository.listByState("in_service"), [], "in_service list");
        assert.deepEqual(await repository.listByState("reserved"), [current], "reserved list");
      },
    },
    {
      id: "absentRevision",
      name: "put with a revision for a number that has no record throws RevisionConflictError and creates nothing",
      run: async () => {
        const repository = await make();
        const revision = await putRecord(repository, aRecord(B), null);
        await assertConflict(
          () => putRecord(repository, aRecord(A), revision),
          A,
          "write to absent A",
        );
        await assertStored(repository, undefined, undefined, "after the refused write", A);
      },
    },
    {
      id: "revisionsIncrease",
      name: "every successful put answers a revision greater than the one it replaced, and get reports it",
      run: async () => {
        const repository = await make();
        let revision = await putRecord(repository, aRecord(A), null);
        const states = ["reserved", "in_service", "aging", "available", "in_service"] as const;
        for (const state of states) {
          const record = aRecord(A, { state, assignedTo: "acme" });
          await putRecord(
            repository,
            aRecord(B, { state }),
            (await repository.get(B))?.revision ?? null,
          );
          const next = await putRecord(repository, record, revision);
          assert.ok(next > revision, `revision ${next} after ${revision} does not increase`);
          await assertStored(repository, record, next, `after moving to ${state}`);
          revision = next;
        }
      },
    },
    {
      id: "deleteRight",
      name: "delete with the current revision removes the record from get, getMany and every list",
      run: async () => {
        const repository = await make();
        const record = aRecord(A, { state: "reserved", assignedTo: "acme" });
        const kept = aRecord(B, { state: "reserved", assignedTo: "acme" });
        const first = await putRecord(repository, aRecord(A), null);
        const revision = await putRecord(repository, record, first);
        await putRecord(repository, kept, null);
        await deleteRecord(repository, A, revision);
        await assertStored(repository, undefined, undefined, "after delete", A);
        assert.equal((await repository.getMany([A])).size, 0, "getMany after delete");
        assert.deepEqual(await repository.listByOwner("acme"), [kept], "owner list after delete");
        assert.deepEqual(await repository.listByState("reserved"), [kept], "state list");
        assert.deepEqual(await repository.scanPrefix("+1415", "reserved"), [kept], "prefix scan");
        const again = await putRecord(repository, record, null);
        await assertStored(repository, record, again, "created again after delete");
      },
    },
    {
      id: "deleteWrong",
      name: "delete with another revision throws RevisionConflictError and keeps the record; so does deleting an absent number",
      run: async () => {
        const repository = await make();
        const record = aRecord(A, { state: "reserved", assignedTo: "acme" });
        const stale = await putRecord(repository, aRecord(A), null);
        const revision = await putRecord(repository, record, stale);
        await assertConflict(
          () => deleteRecord(repository, A, stale),
          A,
          "delete with a stale revision",
        );
        await assertConflict(
          () => deleteRecord(repository, A, revision + 1),
          A,
          "delete with a future one",
        );
        await assertStored(repository, record, revision, "after the refused deletes");
        assert.deepEqual(await repository.listByOwner("acme"), [record], "owner list");
        await assertConflict(
          () => deleteRecord(repository, B, revision),
          B,
          "delete of an absent number",
        );
      },
    },
  ];
}
