import { describe, expect, it } from "vitest";
import { LocalCarrier } from "../../src/adapters/carriers/local.js";
import { ManualClock } from "../../src/adapters/memory/manual-clock.js";
import { MemoryAccountDirectory } from "../../src/adapters/memory/memory-accounts.js";
import { MemoryNumberRepository } from "../../src/adapters/memory/memory-repository.js";
import { openPostgresStore } from "../../src/adapters/postgres/postgres-store.js";
import type { NumberEvent } from "../../src/domain/events.js";
import { SECONDS_PER_DAY } from "../../src/domain/time.js";
import { NumberEngine } from "../../src/engine/engine.js";
import type { AccountDirectory } from "../../src/ports/accounts.js";
import type { NumberRepository } from "../../src/ports/repository.js";
import { NOW } from "../contracts/a-number.js";
import { STANDARD_TREE } from "../support/accounts.js";
import {
  eventStory,
  readOutbox,
  STORY_NUMBERS,
  STORY_OPERATIONS,
  withoutRevisions,
} from "../support/event-outbox.js";
import { testDatabase } from "../support/postgres.js";

const db = testDatabase();
const N = STORY_NUMBERS;

const engineOver = (repository: NumberRepository, accounts: AccountDirectory, clock: ManualClock) =>
  new NumberEngine({
    repository,
    accounts,
    clock,
    carriers: [new LocalCarrier(repository)],
    config: { carrier_modules: ["knm_local"], event_retention_d: 1 },
  });

describe("engine.events over PostgreSQL", () => {
  it("reads back, through since, the same events as the memory store, patches included, and the subscriber's", async () => {
    const accounts = new MemoryAccountDirectory(STANDARD_TREE);
    const store = await openPostgresStore(db.pool, { schema: db.freshSchema() });
    await store.accounts.put(STANDARD_TREE);
    const pgClock = new ManualClock(NOW);
    const onPg = engineOver(store.repository, store.accounts, pgClock);
    const memClock = new ManualClock(NOW);
    const inMemory = engineOver(new MemoryNumberRepository(), accounts, memClock);
    const seen: NumberEvent[] = [];
    onPg.events.subscribe((event) => void seen.push(event));

    await eventStory(onPg, pgClock);
    await eventStory(inMemory, memClock);
    await onPg.events.settled();

    const fromPg = (await readOutbox(onPg, 4)).events;
    const fromMemory = (await readOutbox(inMemory, 100)).events;
    expect(withoutRevisions(fromPg)).toEqual(withoutRevisions(fromMemory));
    expect(fromPg.map((e) => e.operation)).toEqual(STORY_OPERATIONS);
    expect(JSON.parse(JSON.stringify(seen))).toEqual(JSON.parse(JSON.stringify(fromPg)));
  });

  it("lets a restarted engine resume from its cursor with no gap and no repeat, and prunes by retention", async () => {
    const schema = db.freshSchema();
    const store = await openPostgresStore(db.pool, { schema });
    await store.accounts.put(STANDARD_TREE);
    const clock = new ManualClock(NOW);
    const first = engineOver(store.repository, store.accounts, clock);
    await first.createMany({ numbers: [N[0], N[1]], account: "acme", requester: "acme" });
    const before = await readOutbox(first, 1);

    const reopened = await openPostgresStore(db.otherPool(), { schema });
    const restarted = engineOver(reopened.repository, reopened.accounts, clock);
    await restarted.release({ number: N[0], requester: "acme" });
    const after = await readOutbox(restarted, 10, before.cursor);

    expect(before.events.map((e) => [e.operation, e.number])).toEqual([
      ["create", N[0]],
      ["create", N[1]],
    ]);
    expect(after.events.map((e) => [e.operation, e.number])).toEqual([["release", N[0]]]);
    clock.advance(SECONDS_PER_DAY + 1);
    expect((await restarted.sweep()).prunedEvents).toBe(3);
    expect((await readOutbox(restarted, 10)).events).toEqual([]);
  });
});
