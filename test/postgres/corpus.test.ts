import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { outcomeLine } from "../../src/conformance/report.js";
import { runScenarios } from "../../src/conformance/run-scenarios.js";
import { postgresUrl } from "../support/postgres.js";

const CORPUS = fileURLToPath(new URL("../conformance", import.meta.url));

/** Every fifth scenario file of the corpus (sorted), so each folder is sampled. */
function sample(): string[] {
  const files = readdirSync(CORPUS, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".json"))
    .sort();
  return files.filter((_, i) => i % 5 === 0).map((file) => join(CORPUS, file));
}

it("a sample of at least 100 corpus scenarios passes on PostgreSQL, each in a fresh schema", async () => {
  const url = postgresUrl();
  const report = await runScenarios(sample(), { store: url as `postgres://${string}` });
  expect(report.outcomes.filter((o) => !o.passed).map(outcomeLine)).toEqual([]);
  expect(report.outcomes.length).toBeGreaterThanOrEqual(100);
}, 600_000);
