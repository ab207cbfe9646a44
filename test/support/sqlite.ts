import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import {
  openSqliteDatabase,
  type SqliteDatabase,
  type SqliteOptions,
} from "../../src/adapters/sqlite/sqlite-database.js";

/**
 * An opener of fresh SQLite databases (in memory, or at a path given), each closed when the
 * file's tests end. Call it while collecting tests, then open from inside them.
 */
export function sqliteOpener(): (path?: string, options?: SqliteOptions) => SqliteDatabase {
  const opened: SqliteDatabase[] = [];
  afterAll(() => {
    for (const database of opened) database.close();
  });
  return (path = ":memory:", options = {}) => {
    const database = openSqliteDatabase(path, options);
    opened.push(database);
    return database;
  };
}

/** A temporary folder removed when the file's tests end. */
export function tempFolder(prefix = "numbers-"): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}
