import { ScenarioFormatError } from "../conformance/format-checks.js";
import { outcomeLine, summaryLine } from "../conformance/report.js";
import { runScenarios } from "../conformance/run-scenarios.js";

/**
 * `number-lifecycle conformance PATH...`: runs the scenarios, prints one line each and a
 * summary; exit code 0 when all pass, 1 when one fails, 2 when a file is not valid.
 */
export async function conformance(args: readonly string[]): Promise<number> {
  if (args.length === 0) {
    process.stderr.write("usage: number-lifecycle conformance PATH...\n");
    return 2;
  }
  try {
    const report = await runScenarios(args, {
      onOutcome: (outcome) => process.stdout.write(`${outcomeLine(outcome)}\n`),
    });
    process.stdout.write(`${summaryLine(report)}\n`);
    return report.failed === 0 ? 0 : 1;
  } catch (error) {
    if (!(error instanceof ScenarioFormatError)) throw error;
    process.stderr.write(`${error.file}: ${error.problem}\n`);
    return 2;
  }
}
