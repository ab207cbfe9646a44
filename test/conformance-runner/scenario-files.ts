import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { onTestFinished } from "vitest";

/** The accounts most test scenarios start from: a master, a reseller and its child. */
export const ACCOUNTS = [
  { id: "root", master: true, reseller: true },
  { id: "acme", parent: "root", reseller: true, allow_additions: true },
  { id: "acme_sales", parent: "acme" },
  { id: "other", parent: "root" },
];

/** A valid scenario object; fields override the defaults. */
export function aScenario(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: "a_scenario",
    given: { accounts: ACCOUNTS },
    steps: [{ inspect: "+13035550100", expect: null }],
    ...fields,
  };
}

/** Writes files (relative path -> JSON value, or raw text) into a temp folder removed after the test. */
export async function writeScenarioFiles(files: Record<string, unknown>): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), "conformance-runner-"));
  onTestFinished(() => rm(folder, { recursive: true, force: true }));
  for (const [path, content] of Object.entries(files)) {
    const target = join(folder, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, typeof content === "string" ? content : JSON.stringify(content));
  }
  return folder;
}
