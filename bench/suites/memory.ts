// B8: heap held per number by the memory repository, against a Map of plain records.
import { fileURLToPath } from "node:url";
import { round, runProcess, type BenchCase, type Probe } from "../harness.js";

const PROBE = fileURLToPath(new URL("../probes/memory-probe.ts", import.meta.url));

function held(mode: "repository" | "plain"): Probe {
  return async (ctx) => {
    const count = ctx.size(1_000_000, 100_000);
    const out = await runProcess(process.execPath, [
      "--expose-gc",
      "--max-old-space-size=8192",
      "--import",
      "tsx",
      PROBE,
      mode,
      String(count),
    ]);
    const { bytesPerNumber } = JSON.parse(out) as { bytesPerNumber: number };
    return { value: round(bytesPerNumber, 1), detail: { numbers: count } };
  };
}

/** B8. */
export const cases: BenchCase[] = [
  {
    id: "B8",
    what: "heap per number, 1M numbers in the memory repository (records + indexes)",
    unit: "bytes/number",
    better: "lower",
    target: { value: 600 },
    baselineWhat: "a Map of plain 5-field records",
    rounds: 1,
    measure: held("repository"),
    baseline: held("plain"),
  },
];
