import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runTool } from "../support/cli.js";

const FIXTURE = new URL("../fixtures/kazoo-numbers.jsonl", import.meta.url).pathname;

/** A fresh folder and a SQLite store spec inside it. */
function scratch(): { dir: string; store: (name: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), "nl-cli-"));
  return { dir, store: (name) => `sqlite:${join(dir, name)}` };
}

describe("number-lifecycle import and export", () => {
  it("imports the fixture: the report on stdout, progress on stderr, exit 3 because documents were skipped", async () => {
    const { store } = scratch();

    const run = await runTool(["import", "--store", store("a.db"), FIXTURE]);

    expect(run.code).toBe(3);
    expect(run.out.split("\n").slice(0, 3)).toEqual([
      `import of ${FIXTURE} into ${store("a.db")}`,
      "read 22 documents: 8 imported (8 created, 0 updated, 0 unchanged), 13 skipped; design documents left out: 1",
      "by state: discovery 1, available 1, reserved 1, in_service 2, port_in 1, aging 1, deleted 1",
    ]);
    expect(run.out).toContain('skipped +14155550191: unknown state "sold"\n');
    expect(run.out).toContain("skipped line 10: not JSON\n");
    expect(run.out).toMatch(/accounts not in the store: acct_a, acct_b, acct_gone\n$/);
    expect(run.err).toBe("import: 22/22 documents (100%)\n");
  });

  it("changes nothing when run again", async () => {
    const { store } = scratch();
    await runTool(["import", "--store", store("a.db"), FIXTURE]);

    const again = await runTool(["import", "--store", store("a.db"), FIXTURE]);

    expect(again.out).toContain("8 imported (0 created, 0 updated, 8 unchanged), 13 skipped");
  });

  it("export → import → export gives the same file, and a clean dump imports with exit 0", async () => {
    const { dir, store } = scratch();
    const first = join(dir, "first.json");
    await runTool(["import", "--store", store("a.db"), FIXTURE]);

    const exported = await runTool(["export", "--store", store("a.db"), "--out", first]);
    const imported = await runTool(["import", "--store", store("b.db"), first]);
    const again = await runTool(["export", "--store", store("b.db")]);

    expect(exported).toMatchObject({ code: 0, out: "" });
    expect(exported.err).toBe(`exported 8 numbers from ${store("a.db")} to ${first}\n`);
    expect(imported.code).toBe(0);
    expect(again.code).toBe(0);
    expect(again.out).toBe(readFileSync(first, "utf8"));
    expect(JSON.parse(again.out)).toMatchObject({ total_rows: 8, offset: 0 });
  });

  it("reads progress as a bar on a terminal", async () => {
    const { store } = scratch();

    const run = await runTool(["import", "--store", store("a.db"), FIXTURE], { isTTY: true });

    expect(run.err).toMatch(/^\rimport \[#{30}\] 100% 22\/22 documents\n$/);
  });

  it("answers a missing file, a missing store and a bad chunk size in one line", async () => {
    const { dir, store } = scratch();

    const noFile = await runTool(["import", "--store", store("a.db"), join(dir, "none.json")]);
    const noStore = await runTool(["export", "--store", store("none.db")]);
    const badChunk = await runTool(["import", "--chunk-size", "0", FIXTURE]);

    expect(noFile).toEqual({
      code: 1,
      out: "",
      err: `number-lifecycle import: ${join(dir, "none.json")}: no such file or folder\n`,
    });
    expect(noStore).toEqual({
      code: 1,
      out: "",
      err: `number-lifecycle export: ${store("none.db")}: no such database (check --store or NUMBERS_STORE)\n`,
    });
    expect(existsSync(join(dir, "none.db"))).toBe(false);
    expect(badChunk.code).toBe(2);
  });

  it("reports every line of a file that is not JSON at all and imports nothing", async () => {
    const { dir, store } = scratch();
    const junk = join(dir, "junk.txt");
    writeFileSync(junk, "hello\nworld\n");

    const run = await runTool(["import", "--store", store("a.db"), junk]);

    expect(run.code).toBe(3);
    expect(run.out).toContain("read 2 documents: 0 imported");
    expect(run.out).toContain("skipped line 1: not JSON\nskipped line 2: not JSON\n");
  });
});

describe("number-lifecycle sweep", () => {
  it("runs the clean-up once against a store and prints what it did", async () => {
    const { dir, store } = scratch();
    const dump = join(dir, "old-offer.json");
    writeFileSync(
      dump,
      JSON.stringify({
        rows: [
          {
            id: "+14155550100",
            key: "+14155550100",
            value: {},
            doc: { _id: "+14155550100", pvt_state: "discovery", pvt_modified: 63_000_000_000 },
          },
        ],
      }),
    );
    await runTool(["import", "--store", store("a.db"), dump]);

    const run = await runTool(["sweep", "--store", store("a.db")]);
    const after = await runTool(["export", "--store", store("a.db")]);

    expect(run.code).toBe(0);
    expect(run.out).toMatch(
      new RegExp(
        `^sweep in \\d+ ms: purged 1 \\(\\+14155550100\\), aged out 0, .* \\(${store("a.db")}\\)\\n$`,
      ),
    );
    expect(JSON.parse(after.out)).toMatchObject({ total_rows: 0 });
  });
});
