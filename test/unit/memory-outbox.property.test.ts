import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  MEMORY_EVENT_CAPACITY,
  MemoryNumberRepository,
} from "../../src/adapters/memory/memory-repository.js";
import { createMemoryWorld } from "../../src/compose/memory-world.js";
import type { NumberEventDraft, StoredEvent } from "../../src/domain/events.js";
import { makeRecord } from "../../src/domain/record.js";

const T0 = 63_640_000_000;

/** One committed write of a fresh number, with one event stamped at `timestamp`. */
async function commitOne(repository: MemoryNumberRepository, i: number, timestamp: number) {
  const number = `+1415555${String(i).padStart(4, "0")}`;
  const record = makeRecord({ number, state: "available", now: T0 });
  const event: NumberEventDraft = {
    type: "number",
    number,
    operation: "create",
    from: null,
    to: "available",
    account_id: "root",
    owner_before: null,
    owner_after: null,
    timestamp,
    patches: [],
  };
  await repository.commit({ writes: [{ number, record, expected: null, events: [event] }] });
}

/** Every kept event, read from the start in pages of `limit`. */
async function readAll(repository: MemoryNumberRepository, limit: number): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await repository.eventsSince(cursor, limit);
    out.push(...page.events);
    if (page.events.length === 0) return out;
    cursor = page.cursor;
  }
}

describe("the in-memory outbox's capacity", () => {
  it("keeps the newest `eventCapacity` events in commit order; since goes on from the oldest kept", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 1, max: 50 }),
        async (capacity, commits, limit) => {
          const repository = new MemoryNumberRepository({ eventCapacity: capacity });
          for (let i = 0; i < commits; i++) await commitOne(repository, i, T0 + i);
          const kept = await readAll(repository, limit);
          const expected = Math.min(capacity, commits);
          expect(kept).toHaveLength(expected);
          // The newest ones, oldest first, one per commit.
          expect(kept.map((e) => e.event.timestamp)).toEqual(
            Array.from({ length: expected }, (_, k) => T0 + commits - expected + k),
          );
          // A cursor from before the kept window reads on from the oldest kept event,
          // and counts the events dropped between that cursor and it.
          const first = await repository.eventsSince("0", 1);
          expect(first.events[0]?.cursor).toBe(kept[0]?.cursor);
          expect(first.missed).toBe(expected === 0 ? 0 : commits - expected);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("pruning by age and dropping by capacity together keep exactly the newest, young events", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 2500 }),
        fc.integer({ min: 0, max: 2500 }),
        async (capacity, commits, cutoff) => {
          const repository = new MemoryNumberRepository({ eventCapacity: capacity });
          for (let i = 0; i < commits; i++) await commitOne(repository, i, T0 + i);
          const before = (await readAll(repository, 100)).length;
          const dropped = await repository.pruneEvents(T0 + cutoff);
          const kept = await readAll(repository, 100);
          expect(before - dropped).toBe(kept.length);
          const first = Math.max(commits - capacity, cutoff, 0);
          expect(kept.map((e) => e.event.timestamp)).toEqual(
            Array.from({ length: Math.max(0, commits - first) }, (_, k) => T0 + first + k),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it("keeps every event with an infinite capacity, and none when events are off", async () => {
    const all = new MemoryNumberRepository({ eventCapacity: Infinity });
    const none = new MemoryNumberRepository({ keepEvents: false });
    for (let i = 0; i < 1500; i++) {
      await commitOne(all, i, T0 + i);
      await commitOne(none, i, T0 + i);
    }
    expect(await readAll(all, 1000)).toHaveLength(1500);
    expect(await readAll(none, 1000)).toHaveLength(0);
  });

  it("keeps MEMORY_EVENT_CAPACITY events by default", async () => {
    const repository = new MemoryNumberRepository();
    for (let i = 0; i < MEMORY_EVENT_CAPACITY + 5; i++) await commitOne(repository, i, T0 + i);
    const kept = await readAll(repository, 10_000);
    expect(kept).toHaveLength(MEMORY_EVENT_CAPACITY);
    expect(kept[0]?.event.timestamp).toBe(T0 + 5);
  });

  it("refuses a negative capacity", () => {
    expect(() => new MemoryNumberRepository({ eventCapacity: -1 })).toThrow(RangeError);
  });

  it("createMemoryWorld bounds its outbox by default and takes another capacity", async () => {
    const world = await createMemoryWorld({
      accounts: [{ id: "root", master: true, reseller: true }],
    });
    const small = await createMemoryWorld({
      accounts: [{ id: "root", master: true, reseller: true }],
      eventCapacity: 2,
    });
    for (let i = 0; i < 5; i++) {
      for (const w of [world, small])
        expect(
          (
            await w.engine.create({
              number: `+1415555010${i}`,
              account: "root",
              requester: "root",
              createWithState: "available",
            })
          ).ok,
        ).toBe(true);
    }
    expect((await world.engine.events.since(undefined, 100)).events).toHaveLength(5);
    expect((await small.engine.events.since(undefined, 100)).events).toHaveLength(2);
  });
});
