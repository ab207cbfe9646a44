import { MemoryNumberRepository } from "../../src/adapters/memory/memory-repository.js";
import { makeRecord, type NumberRecord } from "../../src/domain/record.js";
import { NUMBER_STATES } from "../../src/domain/states.js";
import {
  RevisionConflictError,
  type NumberRepository,
  type PageRequest,
} from "../../src/ports/repository.js";
import type { RepositoryCase, RepositoryFactory } from "../../src/testing/index.js";
import { NOW } from "./a-number.js";

/** A deliberately broken adapter and the contract cases that must catch it. */
export interface Mutant<S, K extends string> {
  readonly flaw: string;
  readonly breaks: readonly K[];
  readonly subject: S;
}

/** A memory repository with some methods replaced by broken ones. */
function broken(
  override: (inner: MemoryNumberRepository) => Partial<NumberRepository>,
): RepositoryFactory {
  return () => {
    const inner = new MemoryNumberRepository();
    const base: NumberRepository = {
      get: (number) => inner.get(number),
      getMany: (numbers) => inner.getMany(numbers),
      put: (record, expected) => inner.put(record, expected),
      delete: (number, expected) => inner.delete(number, expected),
      listByOwner: (owner, page) => inner.listByOwner(owner, page),
      scanPrefix: (prefix, state, page) => inner.scanPrefix(prefix, state, page),
      listByState: (state, page) => inner.listByState(state, page),
    };
    return { ...base, ...override(inner) };
  };
}

const everything = async (inner: NumberRepository): Promise<NumberRecord[]> =>
  (await Promise.all(NUMBER_STATES.map((state) => inner.listByState(state)))).flat();

const paged = (records: NumberRecord[], page: PageRequest = {}): NumberRecord[] =>
  records
    .filter((r) => page.startKey === undefined || r.number >= page.startKey)
    .sort((a, b) => (a.number < b.number ? -1 : 1))
    .slice(0, page.limit ?? records.length);

/** Repositories that each break the contract one way. */
export const BROKEN_REPOSITORIES: readonly Mutant<RepositoryFactory, RepositoryCase>[] = [
  {
    flaw: "ignores the expected revision on put",
    breaks: ["createTwice", "staleRevision", "absentRevision", "walk"],
    subject: broken((inner) => ({
      put: async (record) => inner.put(record, (await inner.get(record.number))?.revision ?? null),
    })),
  },
  {
    flaw: "answers a stub record for an absent number",
    breaks: ["absentReads"],
    subject: broken((inner) => ({
      get: async (number) =>
        (await inner.get(number)) ?? {
          record: makeRecord({ number, state: "available", now: NOW }),
          revision: 0,
        },
    })),
  },
  {
    flaw: "answers every stored record from getMany",
    breaks: ["getMany"],
    subject: broken((inner) => ({
      getMany: async () => inner.getMany((await everything(inner)).map((r) => r.number)),
    })),
  },
  {
    flaw: "answers the same revision from every put",
    breaks: ["create", "revisionsIncrease"],
    subject: broken((inner) => ({
      put: async (record, expected) => Math.min(await inner.put(record, expected), 1),
    })),
  },
  {
    flaw: "drops the features of the records it reads back",
    breaks: ["faithful", "create"],
    subject: broken((inner) => ({
      get: async (number) => {
        const stored = await inner.get(number);
        return stored && { ...stored, record: { ...stored.record, features: {} } };
      },
    })),
  },
  {
    flaw: "never deletes",
    breaks: ["deleteRight"],
    subject: broken((inner) => ({
      delete: async (number, expected) => {
        if ((await inner.get(number))?.revision !== expected)
          throw new RevisionConflictError(number);
      },
    })),
  },
  {
    flaw: "deletes whatever revision it is given",
    breaks: ["deleteWrong"],
    subject: broken((inner) => ({
      delete: async (number) => {
        const stored = await inner.get(number);
        if (stored === undefined) throw new RevisionConflictError(number);
        await inner.delete(number, stored.revision);
      },
    })),
  },
  {
    flaw: "returns listByOwner unsorted",
    breaks: ["listByOwner"],
    subject: broken((inner) => ({
      listByOwner: async (owner, page) => [...(await inner.listByOwner(owner, page))].reverse(),
    })),
  },
  {
    flaw: "keeps a number in the list of an owner it no longer has",
    breaks: ["ownerMove"],
    subject: broken((inner) => {
      const everOwned = new Map<string, Set<string>>();
      return {
        put: async (record, expected) => {
          const revision = await inner.put(record, expected);
          const owner = record.assignedTo;
          if (owner !== undefined)
            everOwned.set(owner, (everOwned.get(owner) ?? new Set()).add(record.number));
          return revision;
        },
        listByOwner: async (owner, page) => {
          const stored = await inner.getMany([...(everOwned.get(owner) ?? [])]);
          return paged(
            [...stored.values()].map((s) => s.record),
            page,
          );
        },
      };
    }),
  },
  {
    flaw: "scans a prefix in every state",
    breaks: ["scanPrefix"],
    subject: broken((inner) => ({
      scanPrefix: async (prefix, _state, page) =>
        paged(
          (await everything(inner)).filter((r) => r.number.startsWith(prefix)),
          page,
        ),
    })),
  },
  {
    flaw: "starts listByState after startKey instead of at it",
    breaks: ["listByState"],
    subject: broken((inner) => ({
      listByState: async (state, page) =>
        (await inner.listByState(state, page)).filter(
          (r) => page?.startKey === undefined || r.number > page.startKey,
        ),
    })),
  },
];
