import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { outcomeLine } from "../../src/conformance/report.js";
import { runScenarios } from "../../src/conformance/run-scenarios.js";
import type { WorldStore } from "../../src/compose/stores.js";

const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CORPUS = fileURLToPath(new URL("../conformance", import.meta.url));
/** The shared examples live beside the clone (CI copies shared/ to ../shared); nothing is copied in. */
const EXAMPLES = resolve(REPO_ROOT, "../shared/conformance/examples");

/** The FAIL lines of a run, so a failure shows exactly what differed. */
async function failures(
  path: string,
  store: WorldStore,
): Promise<{ failed: string[]; total: number }> {
  const report = await runScenarios([path], { store });
  return {
    failed: report.outcomes.filter((o) => !o.passed).map(outcomeLine),
    total: report.outcomes.length,
  };
}

describe.each<WorldStore>(["memory", "sqlite"])("the conformance corpus on %s", (store) => {
  it("passes every scenario of the project's corpus (test/conformance)", async () => {
    const { failed, total } = await failures(CORPUS, store);
    expect(failed).toEqual([]);
    expect(total).toBeGreaterThan(0);
  }, 180_000);

  it.skipIf(!existsSync(EXAMPLES))(
    "passes every shared example scenario (skipped when ../shared/conformance/examples is not beside the clone)",
    async () => {
      const { failed, total } = await failures(EXAMPLES, store);
      expect(failed).toEqual([]);
      expect(total).toBeGreaterThan(0);
    },
  );
});
