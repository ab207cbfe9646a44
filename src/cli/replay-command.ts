import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { InputFileError } from "../simulation/input-error.js";
import { replay } from "../simulation/replay.js";
import type { Command } from "./command.js";

/** `number-lifecycle replay FILE`: re-runs a simulation trace and checks every answer and event. */
export const replayCommand: Command = {
  name: "replay",
  summary: "re-run a simulation trace and check every answer and event",
  usage: "[options] TRACE.jsonl",
  description: [
    "Rebuilds the world a trace was recorded in (its seed, settings and profile), sends every",
    "recorded request again at its recorded clock time, and compares each answer and each",
    "committed event with the trace. Stops at the first difference.",
  ],
  options: {},
  positionals: { min: 1, max: 1 },
  examples: ["number-lifecycle replay run.jsonl"],
  exitCodes: {
    1: "a step diverged: its step, line, expected and actual are printed",
    2: "a malformed trace (file, line and field named); also wrong usage",
  },
  async run({ positionals, io }) {
    const file = positionals[0] as string;
    const stream = createReadStream(file, "utf8");
    await new Promise<void>((resolve, reject) => {
      stream.once("ready", () => resolve());
      stream.once("error", reject);
    });
    try {
      const result = await replay(createInterface({ input: stream, crlfDelay: Infinity }), {
        file,
      });
      if (result.ok) {
        io.out(`replay ${file}: ${result.steps} steps reproduced\n`);
        return 0;
      }
      io.err(
        `replay ${file}: step ${result.step} (line ${result.line}) diverged in its ${result.part}\n` +
          `  expected: ${result.expected}\n  actual:   ${result.actual}\n`,
      );
      return 1;
    } catch (error) {
      if (!(error instanceof InputFileError)) throw error;
      io.err(`number-lifecycle replay: ${error.message}\n`);
      return 2;
    } finally {
      stream.destroy();
    }
  },
};
