// import-sqlite: Kazoo number documents read from a dump and written into SQLite, against the
// same import into the memory repository (the cost of parsing, mapping and planning alone).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MemoryAccountDirectory } from "../../src/adapters/memory/memory-accounts.js";
import { MemoryNumberRepository } from "../../src/adapters/memory/memory-repository.js";
import { openSqliteDatabase } from "../../src/adapters/sqlite/sqlite-database.js";
import { SqliteNumberRepository } from "../../src/adapters/sqlite/sqlite-repository.js";
import { readDump } from "../../src/cli/kazoo-dump.js";
import { importDocuments } from "../../src/engine/kazoo-import.js";
import type { NumberRepository } from "../../src/ports/repository.js";
import { round, type BenchCase, type Probe } from "../harness.js";
import { ACCOUNTS, nanp } from "../fixtures.js";

const STATES = ["available", "reserved", "in_service", "in_service", "aging"] as const;

/** A dump of `count` number documents, one per line, with owners, histories and public fields. */
function dump(count: number): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const state = STATES[i % STATES.length] ?? "available";
    const owned = state !== "available" && state !== "aging";
    lines.push(
      JSON.stringify({
        _id: nanp(i),
        _rev: `3-${i.toString(16)}`,
        pvt_type: "number",
        pvt_state: state,
        pvt_module_name: i % 7 === 0 ? "wnm_bandwidth" : "knm_local",
        pvt_features: i % 3 === 0 ? ["cnam"] : { local: {} },
        pvt_reserve_history: owned ? ["acme_sales", "acme"] : [],
        ...(owned ? { pvt_assigned_to: "acme_sales" } : {}),
        pvt_created: 63_600_000_000 + i,
        pvt_modified: 63_600_000_000 + i,
        ...(i % 2 === 0 ? { cnam: { display_name: `Line ${i}` } } : {}),
      }),
    );
  }
  return lines.join("\n");
}

/**
 * Imports a dump into a repository, timed from the text to the last committed chunk. The figure
 * is documents per wall-clock second; the details add documents per CPU second of this process
 * (better-sqlite3 runs on it), which a machine busy with other work changes much less.
 */
const importInto =
  (open: () => { repository: NumberRepository; close: () => void }): Probe =>
  async (ctx) => {
    const count = ctx.size(100_000, 10_000);
    const text = dump(count);
    const accounts = new MemoryAccountDirectory(ACCOUNTS);
    const { repository, close } = open();
    try {
      const cpu = process.cpuUsage();
      const started = performance.now();
      const report = await importDocuments(readDump(text), repository, accounts, { now: 0 });
      const seconds = (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      if (report.created !== count) throw new Error("import incomplete");
      const cpuSeconds = (used.user + used.system) / 1e6;
      return {
        value: count / seconds,
        detail: {
          docs: count,
          seconds: round(seconds, 3),
          docs_per_cpu_s: Math.round(count / cpuSeconds),
        },
      };
    } finally {
      close();
    }
  };

/** A SQLite database in a fresh folder, removed when closed. */
function sqlite(): { repository: NumberRepository; close: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "nl-bench-import-"));
  const database = openSqliteDatabase(join(dir, "numbers.db"));
  return {
    repository: new SqliteNumberRepository(database.db),
    close: () => {
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const cases: BenchCase[] = [
  {
    id: "import-sqlite",
    what: "Kazoo documents imported from a one-per-line dump into SQLite (100k)",
    unit: "docs/s",
    better: "higher",
    target: { value: 20_000 },
    baselineWhat: "the same import into the memory repository",
    measure: importInto(sqlite),
    baseline: importInto(() => ({ repository: new MemoryNumberRepository(), close: () => {} })),
    rounds: 2,
  },
];
