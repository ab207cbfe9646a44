// The command line on PostgreSQL: `serve --store postgres://…` keeps everything across a
// restart and seeds the demo world once; the store commands work on it; an unreachable URL or
// a missing store is refused in one line, exit 1, with nothing written.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { redactUrl } from "../../src/adapters/postgres/connect.js";
import { runMain, runTool } from "../support/cli.js";
import { postgresUrl, testDatabase } from "../support/postgres.js";
import { checkRestart } from "../support/restart-check.js";

const db = testDatabase();
const FIXTURE = new URL("../fixtures/kazoo-numbers.jsonl", import.meta.url).pathname;
const COMPLETION = new URL("../conformance/port-requests/03_completion.json", import.meta.url)
  .pathname;

/** The store value of a new schema on the run's server. */
function freshStore(): string {
  const url = postgresUrl();
  return `${url}${url.includes("?") ? "&" : "?"}schema=${db.freshSchema()}`;
}

/** True when the schema exists on the server. */
async function schemaExists(store: string): Promise<boolean> {
  const schema = /schema=([^&]+)/.exec(store)?.[1] ?? "";
  const { rows } = await db.pool.query({
    text: "SELECT 1 FROM information_schema.schemata WHERE schema_name = $1",
    values: [schema],
  });
  return rows.length === 1;
}

describe("serve --store postgres://…", () => {
  it("keeps every number, owner, state and public field across a restart, and seeds the demo world only once", async () => {
    const store = freshStore();
    await checkRestart(store, redactUrl(store));
  }, 300_000);

  it("refuses an unreachable server in one line naming the URL without its password, exit 1", () => {
    const url = "postgres://app:s3cret@127.0.0.1:1/numbers";
    const run = runMain(["serve", "--port", "0", "--store", url]);
    expect(run.code).toBe(1);
    expect(run.out).toBe("");
    const lines = run.err.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("postgres://app:***@127.0.0.1:1/numbers");
    expect(lines[0]).toMatch(/ECONNREFUSED/);
    expect(run.err).not.toContain("s3cret");
  });
});

describe("import, export and sweep --store postgres://…", () => {
  it("imports a dump, exports it back identically through another store, and sweeps", async () => {
    const [a, b] = [freshStore(), freshStore()];
    const out = join(mkdtempSync(join(tmpdir(), "nl-pg-")), "dump.json");
    const imported = await runTool(["import", "--store", a, FIXTURE]);
    expect(imported.code).toBe(3);
    expect(imported.out).toContain("8 imported (8 created, 0 updated, 0 unchanged)");
    const exported = await runTool(["export", "--store", a, "--out", out]);
    expect(exported.code, exported.err).toBe(0);
    expect((await runTool(["import", "--store", b, out])).code).toBe(0);
    const again = await runTool(["export", "--store", b]);
    expect(again.code).toBe(0);
    expect(again.out).toBe(readFileSync(out, "utf8"));
    expect(JSON.parse(again.out)).toMatchObject({ total_rows: 8 });
    const sweep = await runTool(["sweep", "--store", a]);
    expect(sweep.code, sweep.err).toBe(0);
    expect(sweep.out).toContain(`(${redactUrl(a)})`);
  }, 120_000);

  it("refuses to sweep or export a schema that holds no store, and creates nothing", async () => {
    const store = freshStore();
    for (const command of ["sweep", "export"]) {
      const run = await runTool([command, "--store", store]);
      expect(run.code).toBe(1);
      expect(run.err).toMatch(/no store in schema/);
      expect(run.err.trimEnd().split("\n")).toHaveLength(1);
    }
    expect(await schemaExists(store)).toBe(false);
  });
});

describe("conformance --store postgres://…", () => {
  it("runs scenarios on the PostgreSQL server the URL names", async () => {
    const run = await runTool(["conformance", "--store", postgresUrl(), COMPLETION]);
    expect(run.code, run.out + run.err).toBe(0);
    expect(run.out).toMatch(/^ok /m);
    expect(run.out).not.toMatch(/FAIL/);
  }, 120_000);
});
