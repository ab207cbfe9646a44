import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { ScenarioFormatError } from "./format-checks.js";
import type { Scenario } from "./scenario.js";
import { readScenarioFile } from "./validate-scenario.js";

async function jsonFilesBelow(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...(await jsonFilesBelow(path)));
    else if (entry.name.endsWith(".json")) found.push(path);
  }
  return found;
}

/** The scenario files a list of paths names: files as given, folders as every `.json` below them, sorted. */
async function scenarioFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info === undefined) throw new ScenarioFormatError(path, "no such file or folder");
    if (info.isDirectory()) {
      files.push(...(await jsonFilesBelow(path)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    } else {
      files.push(path);
    }
  }
  return files;
}

/** Reads, parses and checks one scenario file; throws a ScenarioFormatError when it is not valid. */
async function loadScenarioFile(file: string): Promise<Scenario[]> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new ScenarioFormatError(file, `not JSON (${(error as Error).message})`);
  }
  return readScenarioFile(file, json);
}

/** Every scenario of the named files and folders, in order; all files are checked before any runs. */
export async function loadScenarios(paths: readonly string[]): Promise<Scenario[]> {
  const scenarios: Scenario[] = [];
  for (const file of await scenarioFiles(paths)) scenarios.push(...(await loadScenarioFile(file)));
  return scenarios;
}
