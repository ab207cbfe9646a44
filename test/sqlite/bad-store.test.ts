import Database from "better-sqlite3";
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openSqliteDatabase, StoreOpenError } from "../../src/adapters/sqlite/sqlite-database.js";
import { createSqliteWorld } from "../../src/compose/sqlite-world.js";
import { createApiHandler } from "../../src/http/handler.js";
import { REPO_ROOT } from "../support/cli.js";
import { tempFolder } from "../support/sqlite.js";
import { SCHEMA_VERSION } from "../../src/adapters/sql/schema.js";

/** Runs `serve` on a store in a child (as nobody when we are root, so file modes bind). */
function serveOn(
  store: string,
  asNobody = false,
): { code: number | null; out: string; err: string } {
  const root = process.getuid?.() === 0;
  const prefix =
    asNobody && root ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"] : [];
  const command = [
    ...prefix,
    process.execPath,
    "--import",
    "tsx",
    "src/cli/main.ts",
    "serve",
    "--port",
    "0",
    "--store",
    store,
  ];
  const child = spawnSync(command[0]!, command.slice(1), {
    cwd: REPO_ROOT,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: child.status, out: child.stdout, err: child.stderr };
}

/** Asserts opening fails with one line naming the problem and the path, leaving the folder's files as they were. */
function expectRefused(folder: string, path: string, problem: RegExp): void {
  const before = readdirSync(folder).map(
    (name) => [name, readFileSync(join(folder, name))] as const,
  );
  let thrown: unknown;
  try {
    openSqliteDatabase(path).close();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(StoreOpenError);
  const message = (thrown as Error).message;
  expect(message).toContain(`sqlite:${path}`);
  expect(message).toMatch(problem);
  expect(message).not.toContain("\n");
  const after = readdirSync(folder).map(
    (name) => [name, readFileSync(join(folder, name))] as const,
  );
  expect(after).toEqual(before);
}

describe("a store that cannot be used", () => {
  const folder = tempFolder("numbers-bad-");

  it("refuses a file that is not a database, and serve says so in one line with exit 1", () => {
    const dir = join(folder, "garbage");
    mkdirSync(dir);
    const path = join(dir, "numbers.db");
    writeFileSync(path, Buffer.alloc(8192, "not a database, just bytes. "));
    expectRefused(dir, path, /not a SQLite database or is corrupt/);
    const run = serveOn(`sqlite:${path}`);
    expect(run.code).toBe(1);
    expect(run.out).toBe("");
    expect(run.err).toBe(
      `number-lifecycle serve: cannot open store sqlite:${path}: the file is not a SQLite database or is corrupt\n`,
    );
  });

  it("refuses a SQLite database of another application", () => {
    const dir = join(folder, "foreign");
    mkdirSync(dir);
    const path = join(dir, "shop.db");
    const other = new Database(path);
    other.exec(
      "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('x')",
    );
    other.close();
    expectRefused(dir, path, /not a number-lifecycle database/);
  });

  it("refuses a database whose schema is newer than the code", () => {
    const dir = join(folder, "newer");
    mkdirSync(dir);
    const path = join(dir, "numbers.db");
    openSqliteDatabase(path).close();
    const raw = new Database(path);
    raw.exec("UPDATE schema_version SET version = 99");
    raw.pragma("journal_mode = DELETE");
    raw.close();
    expectRefused(
      dir,
      path,
      new RegExp(`schema version 99 is newer than this code's ${SCHEMA_VERSION}`),
    );
  });

  it("refuses a read-only path in one line with exit 1 and writes nothing", () => {
    const dir = join(folder, "readonly");
    mkdirSync(dir);
    chmodSync(folder, 0o755);
    const existing = join(dir, "numbers.db");
    openSqliteDatabase(existing).close();
    const raw = new Database(existing);
    raw.pragma("journal_mode = DELETE");
    raw.close();
    const bytes = readFileSync(existing);
    chmodSync(existing, 0o444);
    chmodSync(dir, 0o555);
    try {
      const fresh = serveOn(`sqlite:${join(dir, "new.db")}`, true);
      expect(fresh.code).toBe(1);
      expect(fresh.err).toMatch(
        /^number-lifecycle serve: cannot open store sqlite:\S+new\.db: cannot create or open the file[^\n]*\n$/,
      );
      expect(existsSync(join(dir, "new.db"))).toBe(false);
      const old = serveOn(`sqlite:${existing}`, true);
      expect(old.code).toBe(1);
      expect(old.err).toMatch(
        /^number-lifecycle serve: cannot open store sqlite:\S+numbers\.db: the database is read-only[^\n]*\n$/,
      );
      expect(readFileSync(existing)).toEqual(bytes);
      expect(readdirSync(dir)).toEqual(["numbers.db"]);
    } finally {
      chmodSync(dir, 0o755);
    }
  });
});

describe("a store that fails in the middle of an operation", () => {
  it("answers database_error and writes none of a collection's numbers", async () => {
    const world = await createSqliteWorld({
      accounts: [
        { id: "master", master: true, reseller: true },
        { id: "reseller", parent: "master", reseller: true, allowAdditions: true },
      ],
      tokens: [["token-reseller", "reseller"]],
    });
    world.database.db.exec(`CREATE TRIGGER disk_full BEFORE INSERT ON numbers
      WHEN NEW.number = '+12125550102' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`);
    const handler = createApiHandler({ engine: world.engine, tokens: world.tokens });
    const numbers = ["+12125550101", "+12125550102", "+12125550103"];
    const reply = await handler({
      method: "PUT",
      path: "/v2/accounts/reseller/phone_numbers/collection",
      headers: { "X-Auth-Token": "token-reseller" },
      body: JSON.stringify({ data: { numbers } }),
    });
    expect(JSON.stringify(reply.body)).toContain("database_error");
    expect((await world.repository.getMany(numbers)).size).toBe(0);
    const { events } = await world.repository.eventsSince(undefined, 100);
    expect(events).toEqual([]);
    const single = await world.engine.create({
      number: "+12125550102",
      account: "reseller",
      requester: "reseller",
    });
    expect(single.ok ? "created" : single.error.reason).toBe("database_error");
    world.close();
  });
});
