import { describe, expect, it } from "vitest";
import { LocalCarrier } from "../../src/adapters/carriers/local.js";
import { ManualClock } from "../../src/adapters/memory/manual-clock.js";
import { openPostgresStore } from "../../src/adapters/postgres/postgres-store.js";
import type { NumberEventDraft, StoredEvent } from "../../src/domain/events.js";
import { NumberEngine } from "../../src/engine/engine.js";
import { RevisionConflictError, type NumberRepository } from "../../src/ports/repository.js";
import { aNumber, NOW } from "../contracts/a-number.js";
import { STANDARD_TREE } from "../support/accounts.js";
import { testDatabase } from "../support/postgres.js";

const db = testDatabase();

const NUMBERS = Array.from({ length: 12 }, (_, i) => `+1415555${String(100 + i).padStart(4, "0")}`);

const draft = (number: string, writer: string): NumberEventDraft => ({
  type: "number",
  number,
  operation: "update",
  from: "available",
  to: "available",
  account_id: writer,
  owner_before: null,
  owner_after: null,
  timestamp: NOW,
  patches: [],
});

/** Reads the outbox from the start to its end, a few events at a time. */
async function readAll(repository: NumberRepository, cursor?: string): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  for (;;) {
    const page = await repository.eventsSince(cursor, 5);
    if (page.events.length === 0) return out;
    out.push(...page.events);
    cursor = page.cursor;
  }
}

describe("one outbox shared by several instances", () => {
  it("a consumer polling while two instances commit concurrently reads every event once, each number's in revision order", async () => {
    const schema = db.freshSchema();
    const instances = await Promise.all(
      [db.pool, db.otherPool()].map(
        async (pool) => (await openPostgresStore(pool, { schema })).repository,
      ),
    );
    const first = instances[0]!;
    for (const number of NUMBERS) {
      await first.commit({
        writes: [
          {
            number,
            record: aNumber({ number, state: "available" }),
            expected: null,
            events: [draft(number, "seed")],
          },
        ],
      });
    }
    let committed = NUMBERS.length;
    let writing = true;
    const writer = async (
      repository: NumberRepository,
      id: string,
      turns: number,
    ): Promise<void> => {
      for (let turn = 0; turn < turns; turn++) {
        const picked = [
          NUMBERS[(turn * 5 + id.length) % NUMBERS.length]!,
          NUMBERS[(turn * 7 + 3) % NUMBERS.length]!,
        ];
        const numbers = [...new Set(picked)];
        const read = await repository.getMany(numbers);
        const writes = numbers.map((number) => ({
          number,
          record: aNumber({ number, state: "available", public: { writer: id, turn } }),
          expected: read.get(number)?.revision ?? null,
          events: [draft(number, id), draft(number, id)],
        }));
        try {
          await repository.commit({ writes: turn % 2 === 0 ? writes.slice(0, 1) : writes });
          committed += (turn % 2 === 0 ? 1 : writes.length) * 2;
        } catch (error) {
          if (!(error instanceof RevisionConflictError)) throw error;
        }
      }
    };
    const seen: StoredEvent[] = [];
    const consumer = (async () => {
      let cursor: string | undefined;
      while (writing) {
        const page = await first.eventsSince(cursor, 3);
        seen.push(...page.events);
        cursor = page.cursor;
      }
      seen.push(...(await readAll(first, cursor)));
    })();
    await Promise.all(
      instances.flatMap((repository, i) =>
        Array.from({ length: 6 }, (_, w) => writer(repository, `i${i}w${w}`.repeat(w + 1), 20)),
      ),
    );
    writing = false;
    await consumer;
    const all = await readAll(first);
    expect(all).toHaveLength(committed);
    expect(seen.map((e) => e.cursor)).toEqual(all.map((e) => e.cursor));
    for (const number of NUMBERS) {
      const revisions = seen
        .map((e) => e.event)
        .filter((e) => e.type === "number" && e.number === number)
        .map((e) => (e as { revision: number }).revision);
      const pairs = revisions.slice(1).map((r, i) => r - revisions[i]!);
      expect(
        pairs.every((step) => step === 0 || step === 1),
        `${number}: ${revisions.join(",")}`,
      ).toBe(true);
      expect(revisions.at(-1)).toBe((await first.get(number))?.revision);
    }
  });

  it("two engines on one database, writing in turn, put their events in the outbox in the order they committed", async () => {
    const schema = db.freshSchema();
    const engines = await Promise.all(
      [db.pool, db.otherPool()].map(async (pool) => {
        const store = await openPostgresStore(pool, { schema });
        await store.accounts.put(STANDARD_TREE);
        return new NumberEngine({
          repository: store.repository,
          accounts: store.accounts,
          clock: new ManualClock(NOW),
          carriers: [new LocalCarrier(store.repository)],
          config: { carrier_modules: ["knm_local"] },
        });
      }),
    );
    const [a, b] = engines as [NumberEngine, NumberEngine];
    const steps: [NumberEngine, string, "create" | "activate" | "release", string][] = [];
    for (const [i, number] of NUMBERS.slice(0, 4).entries()) {
      const [one, other] = i % 2 === 0 ? [a, b] : [b, a];
      steps.push([one, number, "create", "acme"], [other, number, "activate", "acme"]);
    }
    steps.push([b, NUMBERS[0]!, "release", "acme"], [a, NUMBERS[1]!, "release", "acme"]);
    for (const [engine, number, operation, account] of steps) {
      const request = { number, account, requester: account };
      const result = await (operation === "release"
        ? engine.release(request)
        : engine[operation](request));
      expect(result.ok, `${operation} ${number}: ${JSON.stringify(result)}`).toBe(true);
    }
    const events = await readAll((await openPostgresStore(db.pool, { schema })).repository);
    expect(
      events.map(({ event: e }) => (e.type === "number" ? [e.number, e.operation] : [])),
    ).toEqual(steps.map(([, number, operation]) => [number, operation]));
    expect(new Set(events.map((e) => e.cursor)).size).toBe(events.length);
  });
});
