import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { InputFileError } from "../simulation/input-error.js";
import { replay } from "../simulation/replay.js";
import type { CommandIo } from "./simulate.js";

/** The usage text of `replay`. */
export const REPLAY_USAGE = `usage: number-lifecycle replay TRACE.jsonl

Rebuilds the world a trace was recorded in (its seed, settings and profile), sends every
recorded request again and checks each answer and event against the trace.

Exit codes: 0 every step reproduced, 1 a step diverged (its step, expected and actual are
printed), 2 bad arguments or a malformed trace (file, line and field are printed).
`;

/** `number-lifecycle replay FILE`: see REPLAY_USAGE. */
export async function replayCli(args: readonly string[], io: CommandIo): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    io.out(REPLAY_USAGE);
    return 0;
  }
  const [file, ...extra] = args;
  if (file === undefined || extra.length > 0 || file.startsWith("-")) {
    io.err(`replay: expected one trace file\n${REPLAY_USAGE}`);
    return 2;
  }
  try {
    const stream = createReadStream(file, "utf8");
    const opened = new Promise<void>((resolve, reject) => {
      stream.once("ready", () => resolve());
      stream.once("error", reject);
    });
    await opened;
    const result = await replay(createInterface({ input: stream, crlfDelay: Infinity }), { file });
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
    if (error instanceof InputFileError) {
      io.err(`replay: ${error.message}\n`);
      return 2;
    }
    if (error instanceof Error && "code" in error && error.code === "ENOENT") {
      io.err(`replay: cannot read ${file}: no such file\n`);
      return 2;
    }
    throw error;
  }
}
