import { isJsonObject } from "../domain/json.js";
import {
  FormatProblem,
  ScenarioFormatError,
  arrayAt,
  fieldsOf,
  optional,
  stringAt,
} from "./format-checks.js";
import type { Scenario } from "./scenario.js";
import { readGiven } from "./validate-given.js";
import { readStep } from "./validate-step.js";
import { checkCaptures } from "./validate-port.js";

function stepsOf(value: unknown, at: string): unknown[] {
  if (!Array.isArray(value)) throw new FormatProblem(`${at} steps`, "must be an array");
  return value;
}

function readScenario(value: unknown, where: string, file: string): Scenario {
  const f = fieldsOf(value, where, ["name", "description", "given", "steps"], ["name", "steps"]);
  const name = stringAt(f["name"], `${where}.name`);
  const at = `scenario "${name}"`;
  const given = Object.hasOwn(f, "given") ? readGiven(f["given"], `${at} given`) : {};
  const accounts = new Set((given.accounts ?? []).map((a) => a.id));
  const steps = stepsOf(f["steps"], at).map((step, i) =>
    readStep(step, `${at} step ${i + 1}`, accounts),
  );
  checkCaptures(steps, at);
  return { file, name, ...optional(f, "description", at, stringAt), given, steps };
}

/**
 * Checks a parsed scenario file (one scenario or `{"scenarios": [...]}`) strictly against the
 * format and returns its scenarios; throws a ScenarioFormatError naming the file and the problem.
 */
export function readScenarioFile(file: string, json: unknown): Scenario[] {
  try {
    const list =
      isJsonObject(json) && Object.hasOwn(json, "scenarios")
        ? arrayAt(fieldsOf(json, "", ["scenarios"])["scenarios"], "scenarios", (s, where) =>
            readScenario(s, where, file),
          )
        : [readScenario(json, "scenario", file)];
    const names = new Set<string>();
    for (const scenario of list) {
      if (names.has(scenario.name))
        throw new FormatProblem("", `duplicate scenario name "${scenario.name}"`);
      names.add(scenario.name);
    }
    return list;
  } catch (error) {
    if (error instanceof FormatProblem) throw new ScenarioFormatError(file, error.message);
    throw error;
  }
}
