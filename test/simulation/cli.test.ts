import { existsSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { replayCli } from "../../src/cli/replay.js";
import { simulateCli } from "../../src/cli/simulate.js";

/** Runs a command in-process, capturing what it printed. */
async function run(
  command: typeof simulateCli,
  args: string[],
  isTTY = false,
): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await command(args, { out: (t) => (out += t), err: (t) => (err += t), isTTY });
  return { code, out, err };
}

const SIZE = ["--accounts", "6", "--numbers", "300", "--days", "4"];

describe("number-lifecycle simulate", () => {
  it("prints the summary and plain progress lines when stderr is not a terminal", async () => {
    const { code, out, err } = await run(simulateCli, ["--seed", "9", ...SIZE]);
    expect(code).toBe(0);
    expect(out).toMatch(/^simulation default: seed 9, 6 accounts, 300 numbers, 4 days\n/);
    expect(out).toContain("numbers per state");
    expect(out).toMatch(/available -> reserved +reserve +\d+/);
    expect(out).toContain("throughput:");
    expect(err.split("\n")).toContain(
      "day 4/4: " + /requests: ([\d,]+)/.exec(out)![1]!.replace(/,/g, "") + " requests",
    );
  });

  it("draws a progress bar on a terminal", async () => {
    const { err } = await run(simulateCli, SIZE, true);
    expect(err).toMatch(/\r\[#{30}\] day 4\/4, \d+ requests\n$/);
  });

  it("writes a trace that replay reproduces, and replay exits 1 at an edited answer", async () => {
    const folder = await mkdtemp(join(tmpdir(), "sim-cli-"));
    const trace = join(folder, "run.jsonl");
    expect((await run(simulateCli, [...SIZE, "--trace", trace])).code).toBe(0);
    const replayed = await run(replayCli, [trace]);
    expect(replayed).toMatchObject({ code: 0, err: "" });
    expect(replayed.out).toMatch(/^replay .*run\.jsonl: \d+ steps reproduced\n$/);
    const lines = (await readFile(trace, "utf8")).split("\n");
    const at = lines.findIndex((line, i) => i > 0 && line.includes('"ok":true,"state"'));
    lines[at] = lines[at]!.replace('"ok":true,"state"', '"ok":false,"state"');
    await writeFile(trace, lines.join("\n"));
    const diverged = await run(replayCli, [trace]);
    expect(diverged.code).toBe(1);
    expect(diverged.err).toContain(`step ${at} (line ${at + 1}) diverged in its answer`);
    expect(diverged.err).toMatch(/expected: \{"ok":false,/);
    expect(diverged.err).toMatch(/actual: +\{"ok":true,/);
  });

  it("exits 2 on a malformed profile, naming file, line and field, and writes nothing", async () => {
    const folder = await mkdtemp(join(tmpdir(), "sim-cli-"));
    const profile = join(folder, "p.json");
    await writeFile(profile, '{\n  "flows": {\n    "buy": "many"\n  }\n}\n');
    const trace = join(folder, "t.jsonl");
    const { code, out, err } = await run(simulateCli, [
      ...SIZE,
      "--profile",
      profile,
      "--trace",
      trace,
    ]);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toBe(`simulate: ${profile}:3: flows.buy: must be a number >= 0\n`);
    expect(existsSync(trace)).toBe(false);
  });

  it("exits 2 on bad arguments and a malformed trace", async () => {
    expect((await run(simulateCli, ["--days", "x"])).err).toBe(
      'simulate: --days: expected a whole number >= 0, got "x"\n',
    );
    expect((await run(simulateCli, ["--accounts", "1"])).code).toBe(2);
    expect((await run(simulateCli, ["--store", "sqlite:x.db"])).code).toBe(2);
    expect((await run(simulateCli, ["--bogus"])).code).toBe(2);
    const folder = await mkdtemp(join(tmpdir(), "sim-cli-"));
    const trace = join(folder, "bad.jsonl");
    await writeFile(trace, '{"format":"number-lifecycle-trace","version":2}\n');
    expect(await run(replayCli, [trace])).toEqual({
      code: 2,
      out: "",
      err: `replay: ${trace}:1: version: must be 1\n`,
    });
    expect((await run(replayCli, [join(folder, "missing.jsonl")])).code).toBe(2);
    expect((await run(replayCli, [])).code).toBe(2);
  });

  it("prints help with exit 0", async () => {
    expect((await run(simulateCli, ["--help"])).out).toMatch(/^usage: number-lifecycle simulate/);
    expect((await run(replayCli, ["--help"])).out).toMatch(/^usage: number-lifecycle replay/);
  });
});
