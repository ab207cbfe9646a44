import type { WorldStore } from "../compose/stores.js";
import type { TransitionTable } from "../machine/transition-table.js";
import { loadScenarios } from "./load.js";
import type { Mismatch } from "./match.js";
import { runStep } from "./run-step.js";
import type { Scenario } from "./scenario.js";
import { buildWorld } from "./world.js";

/** What one scenario came to: passed, or the first step that did not (0 for its `given`). */
export type ScenarioOutcome =
  | { readonly file: string; readonly name: string; readonly passed: true }
  | {
      readonly file: string;
      readonly name: string;
      readonly passed: false;
      readonly step: number;
      readonly mismatch: Mismatch;
    };

/** Options of a run. */
export interface RunOptions {
  /** A transition table to build every engine with instead of the machine's. */
  readonly transitions?: TransitionTable;
  /** The store every scenario's world is built on, a fresh one each (default memory). */
  readonly store?: WorldStore;
  /** Called after each scenario, in order (the CLI prints as it goes). */
  readonly onOutcome?: (outcome: ScenarioOutcome) => void;
}

/** The outcomes of a run, in order, with the counts. */
export interface RunReport {
  readonly outcomes: readonly ScenarioOutcome[];
  readonly passed: number;
  readonly failed: number;
}

const thrown = (error: unknown): Mismatch => ({
  path: "threw",
  expected: "no exception",
  actual: error instanceof Error ? error.message : String(error),
});

/** Runs one scenario against a fresh world built from its `given`. */
async function runScenario(scenario: Scenario, options: RunOptions = {}): Promise<ScenarioOutcome> {
  const { file, name } = scenario;
  let world;
  try {
    world = await buildWorld(scenario.given, {
      ...(options.transitions === undefined ? {} : { transitions: options.transitions }),
      ...(options.store === undefined ? {} : { store: options.store }),
    });
  } catch (error) {
    return { file, name, passed: false, step: 0, mismatch: thrown(error) };
  }
  try {
    for (const [i, step] of scenario.steps.entries()) {
      let mismatch: Mismatch | undefined;
      try {
        mismatch = await runStep(step, world);
      } catch (error) {
        mismatch = thrown(error);
      }
      if (mismatch !== undefined) return { file, name, passed: false, step: i + 1, mismatch };
    }
    return { file, name, passed: true };
  } finally {
    await world.world.close();
  }
}

/**
 * Runs every scenario of the named files and folders, each in its own world. Every file is
 * checked first: a file not valid under the format throws a ScenarioFormatError and nothing runs.
 *
 * @example
 * const report = await runScenarios(["test/conformance"]);
 * if (report.failed > 0) console.log(report.outcomes.filter((o) => !o.passed));
 */
export async function runScenarios(
  paths: readonly string[],
  options: RunOptions = {},
): Promise<RunReport> {
  const scenarios = await loadScenarios(paths);
  const outcomes: ScenarioOutcome[] = [];
  for (const scenario of scenarios) {
    const outcome = await runScenario(scenario, options);
    options.onOutcome?.(outcome);
    outcomes.push(outcome);
  }
  const passed = outcomes.filter((o) => o.passed).length;
  return { outcomes, passed, failed: outcomes.length - passed };
}
