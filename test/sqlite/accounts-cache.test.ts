import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SqliteAccountDirectory } from "../../src/adapters/sqlite/sqlite-accounts.js";
import type { Account } from "../../src/domain/accounts.js";
import { sqliteOpener, tempFolder } from "../support/sqlite.js";

describe("SqliteAccountDirectory's cache", () => {
  const open = sqliteOpener();
  const folder = tempFolder();

  it("sees an account changed through another connection to the same file", async () => {
    const path = join(folder, "accounts.db");
    const mine = new SqliteAccountDirectory(open(path).db);
    const theirs = new SqliteAccountDirectory(open(path).db);
    theirs.put([
      { id: "root", master: true },
      { id: "acme", parent: "root" },
    ]);
    expect((await mine.get("acme"))?.enabled).toBe(true);
    expect(await mine.get("beta")).toBeUndefined();
    theirs.put([
      { id: "root", master: true },
      { id: "acme", parent: "root", enabled: false },
      { id: "beta", parent: "acme" },
    ]);
    expect((await mine.get("acme"))?.enabled).toBe(false);
    expect((await mine.get("beta"))?.tree).toEqual(["root", "acme"]);
  });

  it("checks the file once per synchronous run: another connection's change shows from the next run", async () => {
    const path = join(folder, "runs.db");
    const mine = new SqliteAccountDirectory(open(path).db);
    const theirs = new SqliteAccountDirectory(open(path).db);
    theirs.put([{ id: "root", master: true }]);
    await Promise.resolve();
    const before = mine.get("root");
    theirs.put([{ id: "root", master: true, reseller: true }]);
    const sameRun = mine.get("root");
    await Promise.resolve();
    const nextRun = mine.get("root");
    expect([before, sameRun, nextRun].map((account) => (account as Account).reseller)).toEqual([
      false,
      false,
      true,
    ]);
  });

  it("sees its own writes at once", async () => {
    const directory = new SqliteAccountDirectory(open().db);
    directory.put([{ id: "root" }]);
    expect((await directory.get("root"))?.reseller).toBe(false);
    directory.put([{ id: "root", reseller: true }]);
    expect((await directory.get("root"))?.reseller).toBe(true);
  });
});
