import { describe, expect, it } from "vitest";
import { InputFileError } from "../../src/simulation/input-error.js";
import { replay } from "../../src/simulation/replay.js";
import { SMALL, traced } from "./support.js";

/** A step line as a test edits it. */
interface Step {
  step: number;
  request: Record<string, unknown>;
  answer: Record<string, unknown>;
  events: Record<string, unknown>[];
}

const recorded = await traced(SMALL);

/** The trace with one step line changed by `edit`. */
function edited(lines: readonly string[], index: number, edit: (step: Step) => void): string[] {
  const copy = [...lines];
  const step = JSON.parse(copy[index]!) as Step;
  edit(step);
  copy[index] = `${JSON.stringify(step)}\n`;
  return copy;
}

/** The index of the first line whose step satisfies `test`. */
const lineWhere = (test: (step: Step) => boolean): number =>
  recorded.lines.findIndex((line, i) => i > 0 && test(JSON.parse(line) as Step));

describe("replay", () => {
  it("reproduces every answer and event of a recorded trace", async () => {
    const result = await replay(recorded.lines);
    expect(result).toEqual({ ok: true, steps: recorded.summary.steps });
  });

  it("fails at the step whose answer was edited, showing expected and actual", async () => {
    const at = lineWhere((s) => s.request.op === "activate" && s.answer.ok === true);
    const lines = edited(recorded.lines, at, (step) => (step.answer.owner = "someone-else"));
    const result = await replay(lines);
    expect(result).toMatchObject({ ok: false, step: at, line: at + 1, part: "answer" });
    if (result.ok) return;
    expect(result.expected).toContain('"owner":"someone-else"');
    expect(result.actual).not.toContain("someone-else");
  });

  it("fails at the step whose events were edited", async () => {
    const at = lineWhere((s) => s.events.length > 0);
    const lines = edited(recorded.lines, at, (step) => (step.events[0]!.to = "port_out"));
    expect(await replay(lines)).toMatchObject({ ok: false, step: at, part: "events" });
  });

  it("fails when a step's request was changed, at that step", async () => {
    const at = lineWhere((s) => s.request.op === "update");
    const lines = edited(recorded.lines, at, (step) => (step.request.number = "+14155550000"));
    expect(await replay(lines)).toMatchObject({ ok: false, step: at });
  });

  it("names the file, line and field of a malformed line", async () => {
    const at = lineWhere((s) => s.request.op === "reserve");
    const lines = edited(recorded.lines, at, (step) => (step.request.number = 42));
    const error = await replay(lines, { file: "run.jsonl" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputFileError);
    expect((error as Error).message).toBe(
      `run.jsonl:${at + 1}: request.number: is missing or of the wrong type`,
    );
  });

  it("names the line of text that is not JSON, and a bad header field", async () => {
    const broken = [...recorded.lines];
    broken[3] = "{not json\n";
    await expect(replay(broken, { file: "t.jsonl" })).rejects.toThrow(
      /^t\.jsonl:4: not valid JSON/,
    );
    const header = edited(recorded.lines, 0, (h) => {
      (h as unknown as { profile: { flows: { buy: number } } }).profile.flows.buy = -1;
    });
    await expect(replay(header, { file: "t.jsonl" })).rejects.toThrow(
      "t.jsonl:1: profile.flows.buy: must be a number >= 0",
    );
    await expect(replay([], { file: "t.jsonl" })).rejects.toThrow("t.jsonl:1: the trace is empty");
  });
});
