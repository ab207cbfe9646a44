import { closeSync, openSync, writeSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { InputFileError } from "../simulation/input-error.js";
import { DEFAULT_PROFILE, parseProfile, type SimulationProfile } from "../simulation/profile.js";
import { simulate, type DayProgress } from "../simulation/simulate.js";
import { formatSummary } from "../simulation/summary-text.js";
import { parseStoreSpec } from "./store-spec.js";

/** Where a command writes: its output, its errors, and whether errors go to a terminal. */
export interface CommandIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly isTTY: boolean;
}

/** The usage text of `simulate`. */
export const SIMULATE_USAGE = `usage: number-lifecycle simulate --seed S --accounts A --numbers N --days D
       [--profile FILE] [--store memory] [--trace out.jsonl] [--report out.html] [--json]

Runs a seeded simulation of number flows over simulated days and prints a summary: numbers
per state, transitions per edge of the lifecycle machine, errors by name, throughput.
The same seed, sizes and profile give the same run (and the same --trace, byte for byte).

  --seed S        any text; default 1
  --accounts A    accounts below the master (resellers and customers), at least 2; default 20
  --numbers N     numbers in the world (pool, upstream stock, numbers to port in); default 10000
  --days D        simulated days; default 30
  --profile FILE  the operation mix and world shape (JSON, docs/simulation.md); default built in
  --store memory  where the numbers live (only memory for now)
  --trace FILE    write every request, answer and event as JSONL (replay it with \`replay\`)
  --report FILE   write a self-contained HTML report (state diagram, chart, errors)
  --json          print the summary as JSON instead of text

Exit codes: 0 done, 1 failure, 2 bad arguments or a malformed profile (nothing written).
`;

/** A file written a buffer at a time, synchronously, so lines land in order. */
class FileSink {
  readonly #fd: number;
  #buffer: string[] = [];
  #size = 0;

  constructor(path: string) {
    this.#fd = openSync(path, "w");
  }

  write(text: string): void {
    this.#buffer.push(text);
    this.#size += text.length;
    if (this.#size > 1 << 20) this.flush();
  }

  flush(): void {
    if (this.#buffer.length > 0) writeSync(this.#fd, this.#buffer.join(""));
    this.#buffer = [];
    this.#size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.#fd);
  }
}

/** Progress after each day: a redrawn bar on a terminal, else a plain line every tenth of the run. */
function progress(io: CommandIo): (p: DayProgress) => void {
  const every = (days: number): number => Math.max(1, Math.round(days / 10));
  return ({ day, days, steps }) => {
    if (io.isTTY) {
      const width = 30;
      const done = Math.round((day / Math.max(days, 1)) * width);
      io.err(
        `\r[${"#".repeat(done)}${"-".repeat(width - done)}] day ${day}/${days}, ${steps} requests`,
      );
      if (day === days) io.err("\n");
    } else if (day % every(days) === 0 || day === days) {
      io.err(`day ${day}/${days}: ${steps} requests\n`);
    }
  };
}

function whole(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isInteger(value) || value < min)
    throw new UsageProblem(`--${name}: expected a whole number >= ${min}, got "${raw}"`);
  return value;
}

class UsageProblem extends Error {}

/** `number-lifecycle simulate`: see SIMULATE_USAGE. */
export async function simulateCli(args: readonly string[], io: CommandIo): Promise<number> {
  try {
    const { values } = parseArgs({
      args: [...args],
      options: {
        seed: { type: "string" },
        accounts: { type: "string" },
        numbers: { type: "string" },
        days: { type: "string" },
        profile: { type: "string" },
        store: { type: "string" },
        trace: { type: "string" },
        report: { type: "string" },
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    });
    if (values.help === true) {
      io.out(SIMULATE_USAGE);
      return 0;
    }
    const accounts = whole("accounts", values.accounts, 20, 2);
    const numbers = whole("numbers", values.numbers, 10_000, 0);
    const days = whole("days", values.days, 30, 0);
    const store = parseStoreSpec(values.store ?? "memory");
    if ("error" in store) throw new UsageProblem(`--store: ${store.error}`);
    if (store.kind !== "memory")
      throw new UsageProblem(`--store: only memory is supported by simulate for now`);
    const profile: SimulationProfile =
      values.profile === undefined
        ? DEFAULT_PROFILE
        : parseProfile(await readFile(values.profile, "utf8"), values.profile);
    const trace = values.trace === undefined ? undefined : new FileSink(values.trace);
    let summary;
    try {
      summary = await simulate({
        seed: values.seed ?? "1",
        accounts,
        numbers,
        days,
        profile,
        onDay: progress(io),
        ...(trace === undefined ? {} : { trace: (line: string) => trace.write(line) }),
      });
    } finally {
      trace?.close();
    }
    io.out(values.json === true ? `${JSON.stringify(summary, null, 2)}\n` : formatSummary(summary));
    return 0;
  } catch (error) {
    if (error instanceof InputFileError || error instanceof UsageProblem) {
      io.err(`simulate: ${error.message}\n`);
      return 2;
    }
    if (
      error instanceof TypeError &&
      "code" in error &&
      String(error.code).startsWith("ERR_PARSE_ARGS")
    ) {
      io.err(`simulate: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
