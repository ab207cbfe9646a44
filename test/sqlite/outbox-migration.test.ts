import Database from "better-sqlite3";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SqliteNumberRepository } from "../../src/adapters/sqlite/sqlite-repository.js";
import type { NumberEventDraft } from "../../src/domain/events.js";
import { makeRecord } from "../../src/domain/record.js";
import { sqliteOpener, tempFolder } from "../support/sqlite.js";

const NOW = 63_700_000_000;

/** A version-2 outbox (AUTOINCREMENT) holding `bodies`, its first `pruned` rows deleted. */
function versionTwoOutbox(path: string, bodies: readonly string[], pruned: number): void {
  const raw = new Database(path);
  raw.exec(`DROP TABLE events;
    CREATE TABLE events (seq INTEGER PRIMARY KEY AUTOINCREMENT, number TEXT NOT NULL,
      revision INTEGER NOT NULL, timestamp INTEGER NOT NULL, body TEXT NOT NULL);
    UPDATE schema_version SET version = 2;`);
  const insert = raw.prepare(
    "INSERT INTO events (number, revision, timestamp, body) VALUES (?, 1, ?, ?)",
  );
  for (const [i, body] of bodies.entries()) insert.run(`+1415555010${i}`, NOW + i, body);
  raw.prepare("DELETE FROM events WHERE seq <= ?").run(pruned);
  raw.close();
}

/** Commits one create with an event and answers the cursors the outbox now reads after `cursor`. */
async function appendAndRead(repository: SqliteNumberRepository, cursor: string | undefined) {
  const record = makeRecord({ number: "+14155550199", state: "available", now: NOW });
  // The store keeps a draft as it is given: only its timestamp has a column.
  const event = { type: "number", number: record.number, timestamp: NOW + 10 } as NumberEventDraft;
  await repository.commit({
    writes: [{ number: record.number, record, expected: null, events: [event] }],
  });
  return (await repository.eventsSince(cursor, 10)).events.map((e) => e.cursor);
}

describe("the outbox of a version-2 file, opened by this code", () => {
  const open = sqliteOpener();
  const folder = tempFolder();
  const body = (n: number) => JSON.stringify({ type: "number", number: `+1415555010${n}` });

  it("keeps its events and their cursors, and goes on after them", async () => {
    const path = join(folder, "kept.db");
    open(path).close();
    versionTwoOutbox(path, [body(0), body(1), body(2)], 1);
    const repository = new SqliteNumberRepository(open(path).db);

    expect((await repository.eventsSince(undefined, 10)).events.map((e) => e.cursor)).toEqual([
      "2",
      "3",
    ]);
    expect(await appendAndRead(repository, "3")).toEqual(["4"]);
  });

  it("never hands out a cursor again when its newest events were already pruned", async () => {
    const path = join(folder, "emptied.db");
    open(path).close();
    versionTwoOutbox(path, [body(0), body(1), body(2)], 3);
    const database = open(path);
    const repository = new SqliteNumberRepository(database.db);

    expect((await repository.eventsSince(undefined, 10)).events).toEqual([]);
    expect(await appendAndRead(repository, "3")).toEqual(["4"]);
    expect(database.db.prepare("SELECT version FROM schema_version").pluck().get()).toBe(3);
  });
});
