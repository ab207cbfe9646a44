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
import { wrapRepository } from "../support/repositories.js";

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
    return wrapRepository(inner, override(inner));
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
    flaw: "ignores the expected revision of a write",
    breaks: ["createTwice", "staleRevision", "absentRevision", "walk", "batchAtomic"],
    subject: broken((inner) => ({
      commit: async (batch) => {
        const writes = await Promise.all(
          batch.writes.map(async (w) => ({
            ...w,
            expected: (await inner.get(w.number))?.revision ?? null,
          })),
        );
        return inner.commit({ writes });
      },
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
    flaw: "answers the same revision from every write",
    breaks: ["create", "revisionsIncrease"],
    subject: broken((inner) => ({
      commit: async (batch) => (await inner.commit(batch)).map((r) => Math.min(r, 1)),
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
    flaw: "copies public fields by assignment, so a __proto__ key becomes a prototype",
    breaks: ["roundTrip"],
    subject: broken((inner) => ({
      commit: (batch) =>
        inner.commit({
          ...batch,
          writes: batch.writes.map((w) =>
            w.record === null
              ? w
              : { ...w, record: { ...w.record, public: Object.assign({}, w.record.public) } },
          ),
        }),
    })),
  },
  {
    flaw: "never deletes",
    breaks: ["deleteRight"],
    subject: broken((inner) => ({
      commit: async (batch) => {
        for (const w of batch.writes) {
          if ((await inner.get(w.number))?.revision !== (w.expected ?? undefined))
            throw new RevisionConflictError([w.number]);
        }
        const kept = batch.writes.filter((w) => w.record !== null);
        return kept.length === 0 ? [] : inner.commit({ writes: kept });
      },
    })),
  },
  {
    flaw: "deletes whatever revision it is given",
    breaks: ["deleteWrong"],
    subject: broken((inner) => ({
      commit: async (batch) => {
        const writes = await Promise.all(
          batch.writes.map(async (w) => {
            const stored = await inner.get(w.number);
            return w.record === null && stored !== undefined
              ? { ...w, expected: stored.revision }
              : w;
          }),
        );
        return inner.commit({ writes });
      },
    })),
  },
  {
    flaw: "applies the writes of a batch before its stale one",
    breaks: ["batchAtomic"],
    subject: broken((inner) => ({
      commit: async (batch) => {
        const revisions: number[] = [];
        for (const write of batch.writes)
          revisions.push(...(await inner.commit({ writes: [write] })));
        return revisions;
      },
    })),
  },
  {
    flaw: "drops the events a batch carries",
    breaks: ["events"],
    subject: broken((inner) => ({
      commit: (batch) => inner.commit({ writes: batch.writes.map((w) => ({ ...w, events: [] })) }),
    })),
  },
  {
    flaw: "reads the outbox from the start whatever the cursor",
    breaks: ["events"],
    subject: broken((inner) => ({
      eventsSince: (_cursor, limit) => inner.eventsSince(undefined, limit),
    })),
  },
  {
    flaw: "lets a second request claim a running key",
    breaks: ["keyClaims"],
    subject: broken((inner) => ({
      claimKey: async (claim) => {
        const found = await inner.claimKey(claim);
        return found.kind === "in_flight" ? { kind: "claimed", token: "again" } : found;
      },
    })),
  },
  {
    flaw: "keeps the answers of a refused batch",
    breaks: ["keptAnswers"],
    subject: broken((inner) => ({
      commit: async (batch) => {
        try {
          return await inner.commit(batch);
        } catch (thrown) {
          await inner.commit({ writes: [], answers: batch.answers ?? [] });
          throw thrown;
        }
      },
    })),
  },
  {
    flaw: "never forgets a key",
    breaks: ["purgeKeys"],
    subject: broken(() => ({ purgeKeys: () => Promise.resolve(0) })),
  },
  {
    flaw: "never prunes events",
    breaks: ["pruneEvents"],
    subject: broken(() => ({ pruneEvents: () => Promise.resolve(0) })),
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
        commit: async (batch) => {
          const revisions = await inner.commit(batch);
          for (const { record } of batch.writes) {
            const owner = record?.assignedTo;
            if (record && owner !== undefined)
              everOwned.set(owner, (everOwned.get(owner) ?? new Set()).add(record.number));
          }
          return revisions;
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
