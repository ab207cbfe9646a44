import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createMemoryWorld } from "../../src/compose/memory-world.js";
import { createSqliteWorld } from "../../src/compose/sqlite-world.js";
import type { NumberEvent } from "../../src/domain/events.js";
import { SECONDS_PER_DAY } from "../../src/domain/time.js";
import { STANDARD_TREE } from "../support/accounts.js";
import {
  eventStory,
  readOutbox,
  STORY_NUMBERS,
  STORY_OPERATIONS,
  withoutRevisions,
} from "../support/event-outbox.js";
import { tempFolder } from "../support/sqlite.js";

const setup = { accounts: STANDARD_TREE, config: { event_retention_d: 1 } };

describe("engine.events over SQLite", () => {
  const folder = tempFolder("events-");

  it("reads back, through since, the memory store's events (patches included) and the subscriber's, each with its record's revision", async () => {
    const sqlite = await createSqliteWorld(setup);
    const memory = await createMemoryWorld(setup);
    const seen: NumberEvent[] = [];
    sqlite.engine.events.subscribe((event) => void seen.push(event));

    await eventStory(sqlite.engine, sqlite.clock);
    await eventStory(memory.engine, memory.clock);
    await sqlite.engine.events.settled();

    const stored = (await readOutbox(sqlite.engine, 3)).events;
    expect(stored.map((e) => e.operation)).toEqual(STORY_OPERATIONS);
    expect(withoutRevisions(stored)).toEqual(
      withoutRevisions((await readOutbox(memory.engine, 100)).events),
    );
    expect(JSON.parse(JSON.stringify(seen))).toEqual(JSON.parse(JSON.stringify(stored)));
    for (const number of STORY_NUMBERS) {
      const record = await sqlite.repository.get(number);
      const last = stored.filter((e) => e.number === number).at(-1);
      if (record !== undefined) expect(last?.revision).toBe(record.revision);
    }
    sqlite.close();
  });

  it("lets a reopened database resume from the saved cursor with no gap and no repeat, and prunes by retention", async () => {
    const path = join(folder, "events.db");
    const first = await createSqliteWorld({ ...setup, path });
    await first.engine.createMany({
      numbers: [STORY_NUMBERS[0], STORY_NUMBERS[1]],
      account: "acme",
      requester: "acme",
    });
    const saved = await readOutbox(first.engine, 1);
    first.close();

    const second = await createSqliteWorld({ ...setup, path });
    await second.engine.release({ number: STORY_NUMBERS[0], requester: "acme" });
    const resumed = await readOutbox(second.engine, 10, saved.cursor);
    second.clock.advance(SECONDS_PER_DAY + 1);
    const report = await second.engine.sweep();

    expect(saved.events.map((e) => e.operation)).toEqual(["create", "create"]);
    expect(resumed.events.map((e) => [e.operation, e.number])).toEqual([
      ["release", STORY_NUMBERS[0]],
    ]);
    expect(report.prunedEvents).toBe(3);
    expect((await readOutbox(second.engine, 10)).events).toEqual([]);
    second.close();
  });
});
