import assert from "node:assert/strict";
import type { NumberRecord } from "../domain/record.js";
import type { NumberState } from "../domain/states.js";
import type { NumberRepository } from "../ports/repository.js";
import type { CaseDefinition } from "./contract-case.js";
import { aRecord, aRichRecord, assertPages, byNumber, putRecord } from "./repository-fixtures.js";
import type { RepositoryFactory } from "./repository-writes.js";
import { seededRandom } from "./seeded-random.js";

/** The listing cases of the repository contract. */
export type RepositoryListCase =
  "listByOwner" | "ownerMove" | "scanPrefix" | "listByState" | "faithful";

/** Records spread over owners (one a prefix of another), prefixes and states. */
const SPREAD: readonly NumberRecord[] = [
  aRecord("+14155550100", { state: "reserved", assignedTo: "acme" }),
  aRecord("+14155550101", { state: "in_service", assignedTo: "acme" }),
  aRecord("+14155550199", { state: "available" }),
  aRecord("+14155551000", { state: "available" }),
  aRecord("+1415555200", { state: "available" }),
  aRecord("+14165550100", { state: "available" }),
  aRecord("+14155550150", { state: "in_service", assignedTo: "acme-sub" }),
  aRecord("+12125550100", { state: "in_service", assignedTo: "acme" }),
  aRecord("+12125550142", { state: "reserved", assignedTo: "beta" }),
  aRecord("+4420795550100", { state: "available" }),
  aRecord("+14155550177", { state: "aging", prevAssignedTo: "acme" }),
  aRichRecord("+14155550120", "acme"),
];

/** A fresh repository holding the records, written in a shuffled order. */
async function holding(
  make: RepositoryFactory,
  seed: number,
  records: readonly NumberRecord[] = SPREAD,
): Promise<NumberRepository> {
  const repository = await make();
  for (const record of seededRandom(seed).shuffle(records))
    await putRecord(repository, record, null);
  return repository;
}

const owned = (owner: string, records = SPREAD): NumberRecord[] =>
  byNumber(records.filter((record) => record.assignedTo === owner));

const inState = (state: NumberState, records = SPREAD, prefix = ""): NumberRecord[] =>
  byNumber(records.filter((r) => r.state === state && r.number.startsWith(prefix)));

/** Cases on listByOwner, scanPrefix and listByState, and on records read back as written. */
export function repositoryListCases(
  make: RepositoryFactory,
  seed: number,
): CaseDefinition<RepositoryListCase>[] {
  return [
    {
      id: "listByOwner",
      name: "listByOwner lists only the owner's numbers, in number order, from startKey inclusive, at most limit",
      run: async () => {
        const repository = await holding(make, seed);
        for (const owner of ["acme", "acme-sub", "beta", "nobody"]) {
          const list = (page?: Parameters<NumberRepository["listByOwner"]>[1]) =>
            repository.listByOwner(owner, page);
          await assertPages(`listByOwner(${owner})`, list, owned(owner), ["+1", "+2", "+9"]);
        }
      },
    },
    {
      id: "ownerMove",
      name: "changing a record's owner moves it between the owners' lists, and dropping the owner takes it off both",
      run: async () => {
        const repository = await holding(make, seed);
        const number = "+14155550101";
        const moved = aRecord(number, { state: "in_service", assignedTo: "beta" });
        const revision = await putRecord(
          repository,
          moved,
          (await repository.get(number))?.revision ?? null,
        );
        const after = SPREAD.map((record) => (record.number === number ? moved : record));
        assert.deepEqual(await repository.listByOwner("acme"), owned("acme", after), "old owner");
        assert.deepEqual(await repository.listByOwner("beta"), owned("beta", after), "new owner");
        const dropped = aRecord(number, { state: "available" });
        await putRecord(repository, dropped, revision);
        const last = SPREAD.map((record) => (record.number === number ? dropped : record));
        assert.deepEqual(await repository.listByOwner("beta"), owned("beta", last), "unowned");
        assert.deepEqual(await repository.listByOwner("acme"), owned("acme", last), "old owner");
      },
    },
    {
      id: "scanPrefix",
      name: "scanPrefix lists only numbers with the prefix in the state, in number order, from startKey inclusive, at most limit",
      run: async () => {
        const repository = await holding(make, seed);
        const scans: [string, NumberState][] = [
          ["+1415555", "available"],
          ["+14155550", "available"],
          ["+1415555", "in_service"],
          ["+1", "reserved"],
          ["+44", "available"],
          ["+1415555", "port_in"],
          ["+1999", "available"],
        ];
        for (const [prefix, state] of scans) {
          const list = (page?: Parameters<NumberRepository["scanPrefix"]>[2]) =>
            repository.scanPrefix(prefix, state, page);
          const extra = ["+1", `${prefix}9`, "+9"];
          await assertPages(
            `scanPrefix(${prefix}, ${state})`,
            list,
            inState(state, SPREAD, prefix),
            extra,
          );
        }
      },
    },
    {
      id: "listByState",
      name: "listByState lists only numbers in the state, in number order, from startKey inclusive, at most limit, and follows state changes",
      run: async () => {
        const repository = await holding(make, seed);
        for (const state of ["available", "in_service", "reserved", "aging", "deleted"] as const) {
          const list = (page?: Parameters<NumberRepository["listByState"]>[1]) =>
            repository.listByState(state, page);
          await assertPages(`listByState(${state})`, list, inState(state), ["+1", "+9"]);
        }
        const number = "+14155550199";
        const moved = aRecord(number, { state: "reserved", assignedTo: "beta" });
        await putRecord(repository, moved, (await repository.get(number))?.revision ?? null);
        const after = SPREAD.map((record) => (record.number === number ? moved : record));
        assert.deepEqual(await repository.listByState("available"), inState("available", after));
        assert.deepEqual(await repository.listByState("reserved"), inState("reserved", after));
      },
    },
    {
      id: "faithful",
      name: "records come back from get, getMany and every list equal to those written",
      run: async () => {
        const rich = [aRichRecord("+14155550120", "acme"), aRichRecord("+14155550121", "acme")];
        const repository = await holding(make, seed, rich);
        for (const record of rich) {
          assert.deepEqual((await repository.get(record.number))?.record, record, "get");
        }
        const many = await repository.getMany(rich.map((record) => record.number));
        assert.deepEqual(byNumber([...many.values()].map((s) => s.record)), rich, "getMany");
        assert.deepEqual(await repository.listByOwner("acme"), rich, "listByOwner");
        assert.deepEqual(await repository.listByState("in_service"), rich, "listByState");
        assert.deepEqual(await repository.scanPrefix("+1415", "in_service"), rich, "scanPrefix");
      },
    },
  ];
}
