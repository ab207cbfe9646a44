// S1-S4: the SQLite store beside raw better-sqlite3 doing the same work in the same run.
import { join } from "node:path";
import { openSqliteDatabase } from "../../src/adapters/sqlite/sqlite-database.js";
import { SqliteNumberRepository } from "../../src/adapters/sqlite/sqlite-repository.js";
import { createSqliteWorld } from "../../src/compose/sqlite-world.js";
import { makeRecord, type NumberRecord } from "../../src/domain/record.js";
import type { NumberWrite } from "../../src/ports/repository.js";
import { latency, throughput, type BenchCase, type Probe } from "../harness.js";
import { ACCOUNTS, nanp, scratchFolder } from "../fixtures.js";

const NOW = 63_700_000_000;

/** A fresh folder for one probe's file (removed at exit). */
function scratchFile(name: string): string {
  return join(scratchFolder("numbers-bench-"), name);
}

const available = (i: number): NumberRecord =>
  makeRecord({ number: nanp(i), state: "available", now: NOW });

/** The columns and doc of a record as the adapter stores them, built before timing. */
function rawRow(record: NumberRecord): [string, string, string | null, string] {
  const { number, state, assignedTo, ...doc } = record;
  return [number, state, assignedTo ?? null, JSON.stringify(doc)];
}

/** S1: one batch of `count` creates with an event each through commit(). */
const bulkCommit = (ctx: Parameters<Probe>[0]) => {
  const count = ctx.size(100_000, 10_000);
  const database = openSqliteDatabase(scratchFile("bulk.db"));
  const repository = new SqliteNumberRepository(database.db);
  const writes: NumberWrite[] = Array.from({ length: count }, (_, i) => {
    const record = available(i);
    const event = {
      type: "number" as const,
      number: record.number,
      operation: "create" as const,
      from: null,
      to: record.state,
      account_id: "acme",
      owner_before: null,
      owner_after: null,
      timestamp: NOW,
      patches: [],
    };
    return { number: record.number, record, expected: null, events: [event] };
  });
  return {
    ops: count,
    run: async () => {
      await repository.commit({ writes });
      database.close();
    },
  };
};

/** S1 baseline: the same rows (number row + event row), already serialized, in one transaction. */
const bulkRaw = (ctx: Parameters<Probe>[0]) => {
  const count = ctx.size(100_000, 10_000);
  const database = openSqliteDatabase(scratchFile("raw.db"));
  const db = database.db;
  const rows = Array.from({ length: count }, (_, i) => rawRow(available(i)));
  const body = JSON.stringify({ type: "number", operation: "create", patches: [] });
  const insert = db.prepare(
    "INSERT INTO numbers (number, state, owner, revision, doc) VALUES (?, ?, ?, 1, ?)",
  );
  const event = db.prepare(
    "INSERT INTO events (number, revision, timestamp, body) VALUES (?, 1, ?, ?)",
  );
  const all = db.transaction(() => {
    for (const row of rows) {
      insert.run(...row);
      event.run(row[0], NOW, body);
    }
  });
  return {
    ops: count,
    run: () => {
      all.immediate();
      database.close();
    },
  };
};

/** S2: single reserves through the engine, one after another, each its own transaction. */
const engineReserves =
  (synchronous: "FULL" | "NORMAL"): Probe =>
  (ctx) =>
    throughput(async () => {
      const count = ctx.size(synchronous === "FULL" ? 2_000 : 20_000, 1_000);
      const world = await createSqliteWorld({
        path: scratchFile("reserve.db"),
        synchronous,
        accounts: ACCOUNTS,
        numbers: Array.from({ length: count }, (_, i) => ({ number: nanp(i), state: "available" })),
        now: NOW,
      });
      return {
        ops: count,
        run: async () => {
          for (let i = 0; i < count; i++) {
            const done = await world.engine.reserve({
              number: nanp(i),
              account: "acme_sales",
              requester: "acme_sales",
            });
            if (!done.ok) throw new Error(JSON.stringify(done.error));
          }
          world.close();
        },
      };
    })(ctx);

/** S2 baseline: read, compare-and-set update, one transaction each, with the same JSON work. */
const rawReserves =
  (synchronous: "FULL" | "NORMAL"): Probe =>
  (ctx) =>
    throughput(() => {
      const count = ctx.size(synchronous === "FULL" ? 2_000 : 20_000, 1_000);
      const database = openSqliteDatabase(scratchFile("raw-reserve.db"), { synchronous });
      const db = database.db;
      const insert = db.prepare(
        "INSERT INTO numbers (number, state, owner, revision, doc) VALUES (?, ?, ?, 1, ?)",
      );
      db.transaction(() => {
        for (let i = 0; i < count; i++) insert.run(...rawRow(available(i)));
      })();
      const read = db.prepare("SELECT revision, doc FROM numbers WHERE number = ?");
      const update = db.prepare(
        "UPDATE numbers SET state = ?, owner = ?, doc = ?, revision = revision + 1 WHERE number = ? AND revision = ?",
      );
      const reserve = db.transaction((number: string) => {
        const row = read.get(number) as { revision: number; doc: string };
        const doc = JSON.parse(row.doc) as { reserveHistory: string[]; modified: number };
        doc.reserveHistory = ["acme_sales", ...doc.reserveHistory];
        doc.modified = NOW + 1;
        const changed = update.run(
          "reserved",
          "acme_sales",
          JSON.stringify(doc),
          number,
          row.revision,
        );
        if (changed.changes !== 1) throw new Error("lost");
      });
      return {
        ops: count,
        run: () => {
          for (let i = 0; i < count; i++) reserve.immediate(nanp(i));
          database.close();
        },
      };
    })(ctx);

/** A SQLite world whose account acme_sales holds `count` numbers (written in one batch). */
async function bigAccount(count: number) {
  const path = scratchFile("page.db");
  const world = await createSqliteWorld({ path, accounts: ACCOUNTS, now: NOW });
  const repository = world.repository;
  const step = 100_000;
  for (let from = 0; from < count; from += step) {
    const writes: NumberWrite[] = [];
    for (let i = from; i < Math.min(count, from + step); i++) {
      const record = makeRecord({
        number: nanp(i),
        state: "in_service",
        assignedTo: "acme_sales",
        now: NOW,
      });
      writes.push({ number: record.number, record, expected: null, events: [] });
    }
    await repository.commit({ writes });
  }
  return world;
}

/** S1-S4. */
export const cases: BenchCase[] = [
  {
    id: "S1",
    what: "bulk create of 100k numbers (one commit of creates with their events), SQLite file",
    unit: "numbers/s",
    better: "higher",
    target: { ratio: 1 / 2.5 },
    baselineWhat: "raw better-sqlite3 inserts of the same rows, pre-serialized, in one transaction",
    rounds: 2,
    measure: throughput(bulkCommit),
    baseline: throughput(bulkRaw),
  },
  {
    id: "S2N",
    what: "single reserves through the engine, one at a time, SQLite WAL synchronous=NORMAL",
    unit: "reserves/s",
    better: "higher",
    target: { ratio: 0.5 },
    baselineWhat: "raw loop: read, JSON edit, compare-and-set update, one transaction each",
    measure: engineReserves("NORMAL"),
    baseline: rawReserves("NORMAL"),
  },
  {
    id: "S2F",
    what: "single reserves through the engine, one at a time, SQLite WAL synchronous=FULL",
    unit: "reserves/s",
    better: "higher",
    target: { ratio: 0.5 },
    baselineWhat: "raw loop: read, JSON edit, compare-and-set update, one transaction each",
    rounds: 1,
    measure: engineReserves("FULL"),
    baseline: rawReserves("FULL"),
  },
  {
    id: "S3",
    what: "a page of 50 of an account holding 1M numbers (engine.list), SQLite file",
    unit: "ms",
    better: "lower",
    target: { value: 3 },
    baselineWhat: "raw keyset SELECT of 51 rows on the owner index + JSON.parse each",
    rounds: 1,
    measure: latency(async (ctx) => {
      const count = ctx.size(1_000_000, 20_000);
      const world = await bigAccount(count);
      let i = 0;
      return () =>
        world.engine.list({
          account: "acme_sales",
          query: { page_size: "50", start_key: nanp((i++ * 7919) % count) },
        });
    }),
    baseline: latency(async (ctx) => {
      const count = ctx.size(1_000_000, 20_000);
      const world = await bigAccount(count);
      const page = world.database.db.prepare(
        "SELECT number, state, owner, doc FROM numbers WHERE owner = ? AND number >= ? ORDER BY number LIMIT 51",
      );
      let i = 0;
      return () =>
        (page.all("acme_sales", nanp((i++ * 7919) % count)) as { doc: string }[]).map(
          (row) => JSON.parse(row.doc) as unknown,
        );
    }),
  },
];
