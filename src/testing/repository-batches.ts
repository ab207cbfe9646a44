import assert from "node:assert/strict";
import type { NumberEventDraft } from "../domain/events.js";
import type { NumberRecord } from "../domain/record.js";
import { RevisionConflictError, type NumberWrite } from "../ports/repository.js";
import type { CaseDefinition } from "./contract-case.js";
import { described, failureOf } from "./assertions.js";
import { aRecord, assertStored, putRecord } from "./repository-fixtures.js";
import type { RepositoryFactory } from "./repository-writes.js";

/** The batch and outbox cases of the repository contract. */
export type RepositoryBatchCase = "batchAtomic" | "events" | "pruneEvents";

const A = "+14155550100";
const B = "+14155550101";
const C = "+12125550100";
const D = "+12125550101";
const T0 = 63_640_000_000;

/** An event draft for a write of `record` at `timestamp`. */
function anEvent(record: NumberRecord, timestamp: number): NumberEventDraft {
  return {
    type: "number",
    number: record.number,
    operation: "reserve",
    from: "available",
    to: record.state,
    account_id: "acme",
    owner_before: null,
    owner_after: record.assignedTo ?? null,
    timestamp,
    patches: [{ op: "replace", path: ["state"], value: record.state }],
  };
}

const create = (record: NumberRecord, events: NumberEventDraft[] = []): NumberWrite => ({
  number: record.number,
  record,
  expected: null,
  events,
});

/** Cases on multi-write batches and on the events they carry. */
export function repositoryBatchCases(
  make: RepositoryFactory,
): CaseDefinition<RepositoryBatchCase>[] {
  return [
    {
      id: "batchAtomic",
      name: "a batch with one stale write writes nothing and its conflict names exactly the stale numbers",
      run: async () => {
        const repository = await make();
        const revision = await putRecord(repository, aRecord(B), null);
        const a = aRecord(A, { state: "reserved", assignedTo: "acme" });
        const b = aRecord(B, { state: "reserved", assignedTo: "acme" });
        const c = aRecord(C, { state: "reserved", assignedTo: "acme" });
        const stale = [create(a), { ...create(b), expected: revision + 7 }, create(c)];
        const thrown = await failureOf(() => repository.commit({ writes: stale }));
        assert.ok(
          thrown instanceof RevisionConflictError,
          `expected a RevisionConflictError, got ${described(thrown)}`,
        );
        assert.deepEqual([...thrown.numbers], [B], "the numbers the conflict names");
        await assertStored(repository, undefined, undefined, "A after the refused batch", A);
        await assertStored(repository, undefined, undefined, "C after the refused batch", C);
        assert.deepEqual(await repository.listByOwner("acme"), [], "acme's list");
        const [ra, rb, rc] = await repository.commit({
          writes: [create(a), { ...create(b), expected: revision }, create(c)],
        });
        await assertStored(repository, a, ra, "A after the good batch");
        await assertStored(repository, b, rb, "B after the good batch");
        await assertStored(repository, c, rc, "C after the good batch");
      },
    },
    {
      id: "events",
      name: "events of a batch are kept in commit order with their write's revision, and read on from a cursor without gap or repeat",
      run: async () => {
        const repository = await make();
        const empty = await repository.eventsSince(undefined, 10);
        assert.deepEqual(empty.events, [], "no events before any commit");
        const a = aRecord(A, { state: "reserved", assignedTo: "acme" });
        const b = aRecord(B, { state: "reserved", assignedTo: "acme" });
        const [ra, rb] = await repository.commit({
          writes: [
            create(a, [anEvent(a, T0), anEvent(a, T0 + 1)]),
            create(b, [anEvent(b, T0 + 2)]),
          ],
        });
        await putRecord(repository, aRecord(C), null);
        const c = aRecord(C, { state: "in_service", assignedTo: "beta" });
        const [rc] = await repository.commit({
          writes: [
            {
              ...create(c, [anEvent(c, T0 + 3)]),
              expected: (await repository.get(C))?.revision ?? null,
            },
          ],
        });
        const all = await repository.eventsSince(undefined, 100);
        assert.deepEqual(
          all.events.map((e) => e.event),
          [
            { ...anEvent(a, T0), revision: ra },
            { ...anEvent(a, T0 + 1), revision: ra },
            { ...anEvent(b, T0 + 2), revision: rb },
            { ...anEvent(c, T0 + 3), revision: rc },
          ],
          "every event, in commit order, stamped with its write's revision",
        );
        const cursors = all.events.map((e) => e.cursor);
        assert.equal(new Set(cursors).size, cursors.length, "cursors are distinct");
        assert.equal(all.cursor, cursors.at(-1), "the page's cursor is its last event's");
        const read: string[] = [];
        let cursor: string | undefined;
        // Bounded: a store that ignores the cursor would otherwise answer the same event forever.
        for (let i = 0; i <= cursors.length; i++) {
          const page = await repository.eventsSince(cursor, 1);
          if (page.events.length === 0) break;
          read.push(...page.events.map((e) => e.cursor));
          cursor = page.cursor;
        }
        assert.deepEqual(read, cursors, "reading one by one from cursors gives every event once");
        const after = await repository.eventsSince(cursors.at(-1), 10);
        assert.deepEqual(after.events, [], "nothing after the last cursor");
        assert.equal(after.cursor, cursors.at(-1), "an empty page keeps the cursor");
      },
    },
    {
      id: "pruneEvents",
      name: "pruneEvents drops exactly the events older than the limit; reading goes on after them and counts what a late cursor missed",
      run: async () => {
        const repository = await make();
        const records = [aRecord(A), aRecord(B), aRecord(C)];
        for (const [i, record] of records.entries()) {
          await repository.commit({ writes: [create(record, [anEvent(record, T0 + i * 10)])] });
        }
        assert.equal(await repository.pruneEvents(T0 + 10), 1, "one event older than T0+10");
        const kept = await repository.eventsSince(undefined, 10);
        assert.deepEqual(
          kept.events.map((e) => (e.event.type === "number" ? e.event.number : e.event.type)),
          [B, C],
          "the events left, oldest first",
        );
        assert.equal(await repository.pruneEvents(T0 + 10), 0, "pruning again drops nothing");
        assert.equal(kept.missed, 0, "reading from the start misses nothing");
        const fromB = await repository.eventsSince(kept.events[0]?.cursor, 10);
        assert.equal(fromB.missed, 0, "reading on from a kept event misses nothing");
        await repository.commit({ writes: [create(aRecord(D), [anEvent(aRecord(D), T0 + 30)])] });
        assert.equal(await repository.pruneEvents(T0 + 30), 2, "B's and C's events pruned");
        const late = await repository.eventsSince(kept.events[0]?.cursor, 10);
        assert.deepEqual(
          late.events.map((e) => (e.event.type === "number" ? e.event.number : e.event.type)),
          [D],
          "a cursor older than the oldest kept goes on from the oldest kept",
        );
        assert.equal(late.missed, 1, "and counts the pruned event it skipped (C's)");
        const newest = late.events.at(-1)?.cursor;
        assert.equal(await repository.pruneEvents(T0 + 1000), 1, "the newest event pruned too");
        assert.deepEqual((await repository.eventsSince(undefined, 10)).events, [], "none kept");
        const again = aRecord("+14155550199");
        await repository.commit({ writes: [create(again, [anEvent(again, T0 + 40)])] });
        const next = await repository.eventsSince(newest, 10);
        assert.deepEqual(
          next.events.map((e) => (e.event.type === "number" ? e.event.number : e.event.type)),
          [again.number],
          "an event after an emptied outbox comes after every cursor handed out before",
        );
        assert.equal(next.missed, 0, "and nothing was missed since the newest cursor");
        assert.equal(await repository.pruneEvents(T0 + 40), 0, "only the new event is left");
      },
    },
  ];
}
