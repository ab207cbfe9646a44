import { describe, expect, it } from "vitest";
import { runMain, runTool } from "../support/cli.js";
import { aScenario, writeScenarioFiles } from "./scenario-files.js";

/** Runs the conformance command in-process and captures what it printed. */
const run = (args: string[]) => runTool(["conformance", ...args]);

const failing = aScenario({
  name: "fails",
  steps: [{ inspect: "+13035550100", expect: { state: "reserved" } }],
});

describe("number-lifecycle conformance", () => {
  it("exits 0 and prints ok lines and the counts when every scenario passes", async () => {
    const folder = await writeScenarioFiles({ "a.json": aScenario({ name: "passes" }) });
    const { code, out } = await run([folder]);
    expect(code).toBe(0);
    expect(out).toBe(`ok ${folder}/a.json passes\n1 passed, 0 failed\n`);
  });

  it("exits 1 when a scenario fails, printing a FAIL line for it", async () => {
    const folder = await writeScenarioFiles({
      "a.json": aScenario({ name: "passes" }),
      "b.json": failing,
    });
    const { code, out } = await run([folder]);
    expect(code).toBe(1);
    expect(out.split("\n")).toEqual([
      `ok ${folder}/a.json passes`,
      `FAIL ${folder}/b.json fails: step 1: record: expected {"state":"reserved"}, got null`,
      "1 passed, 1 failed",
      "",
    ]);
  });

  it("exits 2 on a malformed file, naming it and the problem, and runs nothing", async () => {
    const folder = await writeScenarioFiles({
      "a.json": failing,
      "b.json": aScenario({ steps: [{ jump: 1 }] }),
    });
    const { code, out, err } = await run([folder]);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toBe(
      `${folder}/b.json: scenario "a_scenario" step 1: a step of no known kind (no method, advance, event, inspect, inspect_events, inspect_port_request)\n`,
    );
  });

  it("exits 2 for a path that does not exist", async () => {
    const { code, err } = await run(["no/such/folder"]);
    expect(code).toBe(2);
    expect(err).toBe("no/such/folder: no such file or folder\n");
  });

  it("exits 2 with a usage line when given no path", async () => {
    const { code, err } = await run([]);
    expect(code).toBe(2);
    expect(err).toBe(
      "number-lifecycle conformance: missing argument: usage number-lifecycle conformance [options] PATH... (see number-lifecycle conformance --help)\n",
    );
  });

  it("sets the process exit code through the main command", async () => {
    const folder = await writeScenarioFiles({ "b.json": failing });
    const child = runMain(["conformance", folder]);
    expect(child.code).toBe(1);
    expect(child.out).toContain("0 passed, 1 failed");
  });
});
