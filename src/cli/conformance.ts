import { ScenarioFormatError } from "../conformance/format-checks.js";
import { outcomeLine, summaryLine } from "../conformance/report.js";
import { runScenarios } from "../conformance/run-scenarios.js";
import { isWorldStore, WORLD_STORES } from "../compose/stores.js";
import { UsageError, type Command } from "./command.js";

/**
 * `number-lifecycle conformance PATH...`: runs the scenarios, prints one line each and a
 * summary; exit code 0 when all pass, 1 when one fails, 2 when a file is not valid.
 */
export const conformanceCommand: Command = {
  name: "conformance",
  summary: "run conformance scenarios (JSON files or folders of them) against the engine",
  usage: "[options] PATH...",
  description: [
    "Runs every scenario in the given files and folders (searched recursively for .json files)",
    "against a fresh engine each, printing one ok/FAIL line per scenario and a summary. With",
    "--store sqlite each scenario runs on a new in-memory SQLite database; with --store postgres",
    "(the server DATABASE_URL names) or a postgres:// URL, in a new schema dropped afterwards.",
  ],
  options: {
    store: {
      type: "string",
      valueName: "STORE",
      default: "memory",
      description: `the store each scenario's world keeps its numbers in: ${WORLD_STORES.join(", ")}`,
    },
  },
  positionals: { min: 1, max: Number.POSITIVE_INFINITY },
  examples: [
    "number-lifecycle conformance test/conformance",
    "number-lifecycle conformance --store sqlite test/conformance",
    "number-lifecycle conformance --store postgres://localhost/numbers test/conformance",
  ],
  exitCodes: {
    1: "a scenario failed",
    2: "a path does not exist or a file is not a valid scenario (also: wrong usage)",
  },
  async run({ positionals, io, options }) {
    const store = options["store"] ?? "memory";
    if (!isWorldStore(store))
      throw new UsageError(`--store: "${store}" is not one of ${WORLD_STORES.join(", ")}`);
    try {
      const report = await runScenarios(positionals, {
        store,
        onOutcome: (outcome) => io.out(`${outcomeLine(outcome)}\n`),
      });
      io.out(`${summaryLine(report)}\n`);
      return report.failed === 0 ? 0 : 1;
    } catch (error) {
      if (!(error instanceof ScenarioFormatError)) throw error;
      io.err(`${error.file}: ${error.problem}\n`);
      return 2;
    }
  },
};
