import { existsSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runTool } from "../support/cli.js";

const SIZE = ["--accounts", "6", "--numbers", "300", "--days", "4"];
const folder = () => mkdtemp(join(tmpdir(), "sim-cli-"));

describe("number-lifecycle simulate and replay", () => {
  it("prints the summary, and plain progress lines when stderr is not a terminal", async () => {
    const { code, out, err } = await runTool(["simulate", "--seed", "9", ...SIZE]);
    expect(code).toBe(0);
    expect(out).toMatch(/^simulation default: seed 9, 6 accounts, 300 numbers, 4 days\n/);
    expect(out).toContain("numbers per state");
    expect(out).toMatch(/available -> reserved +reserve +\d+/);
    expect(out).toContain("throughput:");
    const requests = /requests: ([\d,]+)/.exec(out)![1]!.replace(/,/g, "");
    expect(err.split("\n")).toContain(`day 4/4: ${requests} requests`);
  });

  it("draws a progress bar on a terminal", async () => {
    const { err } = await runTool(["simulate", ...SIZE], { isTTY: true });
    expect(err).toMatch(/\r\[#{30}\] day 4\/4, \d+ requests\n$/);
  });

  it("stops between journeys when interrupted, printing what it did, exit 130", async () => {
    const stop = new AbortController();
    stop.abort();
    const { code, out } = await runTool(["simulate", ...SIZE, "--json"], { signal: stop.signal });
    expect(code).toBe(130);
    expect(JSON.parse(out)).toMatchObject({ stopped: true, steps: 0 });
  });

  it("writes a trace that replay reproduces, and replay exits 1 at an edited answer", async () => {
    const trace = join(await folder(), "run.jsonl");
    expect((await runTool(["simulate", ...SIZE, "--trace", trace])).code).toBe(0);
    const replayed = await runTool(["replay", trace]);
    expect(replayed).toMatchObject({ code: 0, err: "" });
    expect(replayed.out).toMatch(/^replay .*run\.jsonl: \d+ steps reproduced\n$/);
    const lines = (await readFile(trace, "utf8")).split("\n");
    const at = lines.findIndex((line, i) => i > 0 && line.includes('"ok":true,"state"'));
    lines[at] = lines[at]!.replace('"ok":true,"state"', '"ok":false,"state"');
    await writeFile(trace, lines.join("\n"));
    const diverged = await runTool(["replay", trace]);
    expect(diverged.code).toBe(1);
    expect(diverged.err).toContain(`step ${at} (line ${at + 1}) diverged in its answer`);
    expect(diverged.err).toMatch(/expected: \{"ok":false,/);
    expect(diverged.err).toMatch(/actual: +\{"ok":true,/);
  });

  it("exits 2 on a malformed profile, naming file, line and field, and writes nothing", async () => {
    const dir = await folder();
    const profile = join(dir, "p.json");
    await writeFile(profile, '{\n  "flows": {\n    "buy": "many"\n  }\n}\n');
    const trace = join(dir, "t.jsonl");
    const report = join(dir, "r.html");
    const args = ["simulate", ...SIZE, "--profile", profile, "--trace", trace, "--report", report];
    expect(await runTool(args)).toEqual({
      code: 2,
      out: "",
      err: `number-lifecycle simulate: ${profile}:3: flows.buy: must be a number >= 0\n`,
    });
    expect(existsSync(trace) || existsSync(report)).toBe(false);
  });

  it("runs on a new SQLite database, and refuses one that already holds a store", async () => {
    const path = join(await folder(), "sim.db");
    const first = await runTool(["simulate", ...SIZE, "--store", `sqlite:${path}`, "--json"]);
    expect(first.code).toBe(0);
    const memory = await runTool(["simulate", ...SIZE, "--json"]);
    const { elapsedMs: _a, stepsPerSecond: _b, ...onSqlite } = JSON.parse(first.out);
    const { elapsedMs: _c, stepsPerSecond: _d, ...onMemory } = JSON.parse(memory.out);
    expect(onSqlite).toEqual(onMemory);
    const again = await runTool(["simulate", ...SIZE, "--store", `sqlite:${path}`]);
    expect(again.code).toBe(2);
    expect(again.err).toContain("already holds a store");
  });

  it("exits 2 on bad arguments and on a malformed trace", async () => {
    expect((await runTool(["simulate", "--days", "x"])).code).toBe(2);
    expect((await runTool(["simulate", "--accounts", "1"])).code).toBe(2);
    expect((await runTool(["simulate", "--store", "postgres://db/x"])).code).toBe(2);
    const trace = join(await folder(), "bad.jsonl");
    await writeFile(trace, '{"format":"number-lifecycle-trace","version":2}\n');
    expect(await runTool(["replay", trace])).toEqual({
      code: 2,
      out: "",
      err: `number-lifecycle replay: ${trace}:1: version: must be 1\n`,
    });
    expect((await runTool(["replay"])).code).toBe(2);
    expect((await runTool(["replay", join(trace, "..", "missing.jsonl")])).code).toBe(1);
  });
});
