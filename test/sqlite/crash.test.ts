import Database from "better-sqlite3";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createSqliteWorld } from "../../src/compose/sqlite-world.js";
import { toDocument } from "../../src/domain/record.js";
import { killHard, startChild } from "../support/child.js";
import {
  IMPORT_ACCOUNTS,
  IMPORT_BATCH,
  IMPORT_TOTAL,
  importBatches,
} from "../support/crash/import-plan.js";
import { tempFolder } from "../support/sqlite.js";

const IMPORT = fileURLToPath(new URL("../support/crash/bulk-import.ts", import.meta.url));

/** Each number's document without its id and clock fields: all imported records must agree on it. */
const shape = (doc: Record<string, unknown>): string =>
  JSON.stringify({ ...doc, number: undefined, created: undefined, modified: undefined });

describe("a bulk import killed midway (SIGKILL) on SQLite", () => {
  const folder = tempFolder("numbers-crash-");

  it("leaves every number wholly present or absent, the file intact, and a re-run completes it", async () => {
    const path = join(folder, "import.db");
    const child = startChild(IMPORT, [path]);
    const answered = Math.floor(Math.random() * 20) + 20;
    await child.waitFor((line) => line.startsWith(`batch ${answered} `));
    await killHard(child);
    const reported = child.lines.filter((line) => line.startsWith("batch ")).length;
    expect(reported).toBeLessThan(IMPORT_TOTAL / IMPORT_BATCH);

    const raw = new Database(path);
    expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
    raw.close();
    const world = await createSqliteWorld({ path, accounts: IMPORT_ACCOUNTS });
    expect(world.created).toBe(false);
    const batches = importBatches();
    const present = new Set<number>();
    const shapes = new Set<string>();
    for (const [i, numbers] of batches.entries()) {
      const stored = await world.repository.getMany(numbers);
      // One collection pass is one transaction: its numbers are all there or none is.
      expect([0, numbers.length], `batch ${i}`).toContain(stored.size);
      if (stored.size > 0) present.add(i);
      for (const { record } of stored.values()) shapes.add(shape(toDocument(record)));
    }
    expect(shapes.size).toBeLessThanOrEqual(1);
    for (let i = 0; i < reported; i++) expect(present.has(i), `answered batch ${i}`).toBe(true);
    expect(present.size).toBeLessThan(batches.length);
    world.close();

    const rerun = startChild(IMPORT, [path]);
    expect(await rerun.exited).toBe(0);
    const after = await createSqliteWorld({ path, accounts: IMPORT_ACCOUNTS });
    for (const numbers of batches) {
      const stored = await after.repository.getMany(numbers);
      expect(stored.size).toBe(numbers.length);
      for (const { record } of stored.values()) shapes.add(shape(toDocument(record)));
    }
    expect(shapes.size).toBe(1);
    after.close();
  }, 600_000);
});
