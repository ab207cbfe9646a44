import { closeSync, openSync, writeSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { openSqliteDatabase, type SqliteDatabase } from "../adapters/sqlite/sqlite-database.js";
import { SqliteNumberRepository } from "../adapters/sqlite/sqlite-repository.js";
import { InputFileError } from "../simulation/input-error.js";
import { DEFAULT_PROFILE, parseProfile } from "../simulation/profile.js";
import { renderReport } from "../simulation/report.js";
import { simulate, type DayProgress } from "../simulation/simulate.js";
import { formatSummary } from "../simulation/summary-text.js";
import { UsageError, integerOption, type CliIo, type Command } from "./command.js";
import { parseStoreSpec } from "./store-spec.js";

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
function progress(io: CliIo): (p: DayProgress) => void {
  return ({ day, days, steps }) => {
    if (io.isTTY) {
      const width = 30;
      const done = Math.round((day / Math.max(days, 1)) * width);
      io.err(
        `\r[${"#".repeat(done)}${"-".repeat(width - done)}] day ${day}/${days}, ${steps} requests`,
      );
      if (day === days) io.err("\n");
    } else if (day % Math.max(1, Math.round(days / 10)) === 0 || day === days) {
      io.err(`day ${day}/${days}: ${steps} requests\n`);
    }
  };
}

/** Opens a SQLite store for a run: it must be new (a run starts from its own world). */
function openNewSqlite(path: string): SqliteDatabase {
  const database = openSqliteDatabase(path, { synchronous: "NORMAL" });
  if (!database.created) {
    database.close();
    throw new UsageError(`--store: ${path} already holds a store; simulate needs a new one`);
  }
  return database;
}

/** `number-lifecycle simulate`: a seeded simulation of number flows, with its summary. */
export const simulateCommand: Command = {
  name: "simulate",
  summary: "run a seeded simulation of number flows and print what happened",
  usage: "[options]",
  description: [
    "Runs searches, holds, purchases, updates, port-ins, releases, hard deletes and daily sweeps",
    "over simulated days (docs/simulation.md), then prints the numbers per state, the transitions",
    "per edge of the lifecycle machine, the errors by name and the throughput. The same seed,",
    "sizes and profile give the same run, and the same --trace file byte for byte.",
  ],
  options: {
    seed: { type: "string", valueName: "S", default: "1", description: "the seed (any text)" },
    accounts: {
      type: "string",
      valueName: "A",
      default: "20",
      description: "accounts below the master (resellers and customers), at least 2",
    },
    numbers: {
      type: "string",
      valueName: "N",
      default: "10000",
      description: "numbers in the world (pool, upstream stock, numbers to port in)",
    },
    days: { type: "string", valueName: "D", default: "30", description: "simulated days" },
    profile: {
      type: "string",
      valueName: "FILE",
      description: "the operation mix and world shape (JSON; default: the built-in profile)",
    },
    store: {
      type: "string",
      valueName: "STORE",
      default: "memory",
      description: "where the numbers live: memory, or sqlite:PATH (a new database)",
    },
    trace: {
      type: "string",
      valueName: "FILE",
      description: "write every request, answer and event as JSON Lines (see replay)",
    },
    report: {
      type: "string",
      valueName: "FILE",
      description: "write a self-contained HTML report: state diagram, chart, errors",
    },
    json: { type: "boolean", description: "print the summary as JSON instead of text" },
  },
  positionals: { min: 0, max: 0 },
  examples: [
    "number-lifecycle simulate --seed 7 --accounts 40 --numbers 20000 --days 60",
    "number-lifecycle simulate --profile docs/profiles/hold-abandon.json --trace run.jsonl --report run.html",
  ],
  exitCodes: {
    2: "bad arguments, or a malformed profile (file, line and field named; nothing written)",
  },
  async run(input) {
    const { options, flags, io } = input;
    const accounts = integerOption(input, "accounts", 2, 10_000_000);
    const numbers = integerOption(input, "numbers", 0, 100_000_000);
    const days = integerOption(input, "days", 0, 100_000);
    const store = parseStoreSpec(options["store"] ?? "memory");
    if ("error" in store) throw new UsageError(`--store: ${store.error}`);
    if (store.kind === "postgres")
      throw new UsageError("--store: simulate runs on memory or sqlite:PATH");
    let profile = DEFAULT_PROFILE;
    const file = options["profile"];
    try {
      if (file !== undefined) profile = parseProfile(await readFile(file, "utf8"), file);
    } catch (error) {
      if (!(error instanceof InputFileError)) throw error;
      io.err(`number-lifecycle simulate: ${error.message}\n`);
      return 2;
    }
    const database = store.kind === "sqlite" ? openNewSqlite(store.path) : undefined;
    const tracePath = options["trace"];
    const trace = tracePath === undefined ? undefined : new FileSink(tracePath);
    let summary;
    try {
      summary = await simulate({
        seed: options["seed"] ?? "1",
        accounts,
        numbers,
        days,
        profile,
        ...(database === undefined ? {} : { repository: new SqliteNumberRepository(database.db) }),
        signal: io.signal,
        onDay: progress(io),
        ...(trace === undefined ? {} : { trace: (line: string) => trace.write(line) }),
      });
    } finally {
      trace?.close();
      database?.close();
    }
    const report = options["report"];
    if (report !== undefined) await writeFile(report, renderReport(summary));
    io.out(flags.has("json") ? `${JSON.stringify(summary, null, 2)}\n` : formatSummary(summary));
    return summary.stopped ? 130 : 0;
  },
};
