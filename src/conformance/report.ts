import type { RunReport, ScenarioOutcome } from "./run-scenarios.js";

/** The line of one scenario: `ok <file> <name>` or `FAIL <file> <name>: step N: <path>: expected <x>, got <y>`. */
export function outcomeLine(outcome: ScenarioOutcome): string {
  if (outcome.passed) return `ok ${outcome.file} ${outcome.name}`;
  const { step, mismatch } = outcome;
  const where = step === 0 ? "given" : `step ${step}`;
  return `FAIL ${outcome.file} ${outcome.name}: ${where}: ${mismatch.path}: expected ${mismatch.expected}, got ${mismatch.actual}`;
}

/** The last line of a run: `N passed, N failed`. */
export function summaryLine(report: RunReport): string {
  return `${report.passed} passed, ${report.failed} failed`;
}
