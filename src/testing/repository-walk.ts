import assert from "node:assert/strict";
import type { NumberRecord } from "../domain/record.js";
import type { NumberState } from "../domain/states.js";
import type { NumberRepository, StoredNumber } from "../ports/repository.js";
import type { CaseDefinition } from "./contract-case.js";
import {
  aRecord,
  assertConflict,
  byNumber,
  deleteRecord,
  putRecord,
} from "./repository-fixtures.js";
import type { RepositoryFactory } from "./repository-writes.js";
import { seededRandom, type SeededRandom } from "./seeded-random.js";

const POOL = ["+14155550100", "+14155550101", "+14155550200", "+14165550100", "+12125550100"];
const OWNERS = ["acme", "acme-sub", undefined] as const;
const STATES: readonly NumberState[] = ["available", "reserved", "in_service"];
const PREFIXES = ["+1415555", "+14155550", "+1", "+1212"];
const STEPS = 60;

/** Compares every read of the repository with the model's answers. */
async function agree(
  repository: NumberRepository,
  model: ReadonlyMap<string, StoredNumber>,
  step: string,
): Promise<void> {
  const records = [...model.values()].map((stored) => stored.record);
  for (const number of POOL) {
    assert.deepEqual(await repository.get(number), model.get(number), `${step}: get(${number})`);
  }
  for (const owner of ["acme", "acme-sub"]) {
    const want = byNumber(records.filter((r) => r.assignedTo === owner));
    assert.deepEqual(await repository.listByOwner(owner), want, `${step}: listByOwner(${owner})`);
  }
  for (const state of STATES) {
    const want = byNumber(records.filter((r) => r.state === state));
    assert.deepEqual(await repository.listByState(state), want, `${step}: listByState(${state})`);
    for (const prefix of PREFIXES) {
      const scanned = await repository.scanPrefix(prefix, state);
      const wanted = want.filter((r) => r.number.startsWith(prefix));
      assert.deepEqual(scanned, wanted, `${step}: scanPrefix(${prefix}, ${state})`);
    }
  }
}

/** A random record for one of the pool's numbers. */
function someRecord(random: SeededRandom, number: string): NumberRecord {
  const owner = random.pick(OWNERS);
  return aRecord(number, {
    state: random.pick(STATES),
    ...(owner === undefined ? {} : { assignedTo: owner }),
    public: { step: random.int(0, 1000) },
  });
}

/** The walk case: a seeded sequence of right and wrong writes and deletes against a plain map. */
export function repositoryWalkCase(make: RepositoryFactory, seed: number): CaseDefinition<"walk"> {
  return {
    id: "walk",
    name: "after each step of a seeded sequence of right and wrong writes and deletes, every read agrees with a plain map",
    run: async () => {
      const random = seededRandom(seed);
      const repository = await make();
      const model = new Map<string, StoredNumber>();
      for (let step = 0; step < STEPS; step++) {
        const number = random.pick(POOL);
        const current = model.get(number);
        const right = current?.revision ?? null;
        const wrong = random.pick(
          current === undefined ? [1, 7] : [null, current.revision + 1, current.revision - 1],
        );
        const action = random.pick(["put", "put", "wrongPut", "delete", "wrongDelete"] as const);
        const label = `step ${step}: ${action} ${number}`;
        if (action === "put") {
          const record = someRecord(random, number);
          const revision = await putRecord(repository, record, right);
          if (current !== undefined) assert.ok(revision > current.revision, `${label}: revision`);
          model.set(number, { record, revision });
        } else if (action === "wrongPut") {
          await assertConflict(
            () => putRecord(repository, someRecord(random, number), wrong),
            number,
            label,
          );
        } else if (action === "delete" && current !== undefined) {
          await deleteRecord(repository, number, current.revision);
          model.delete(number);
        } else {
          const stale = (current?.revision ?? 0) + random.pick([1, -1]);
          await assertConflict(() => deleteRecord(repository, number, stale), number, label);
        }
        await agree(repository, model, label);
      }
    },
  };
}
