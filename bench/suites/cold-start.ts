// B9: a fresh Node process imports the built package and builds an engine, against the same
// process importing only the four runtime dependencies' entry points.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { round, runProcess, type BenchCase, type Probe } from "../harness.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DIST = join(ROOT, "dist", "index.js");

/** The newest modification time of the files under `dir`. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** Builds dist/ when any source is newer than it. */
async function ensureBuilt(): Promise<void> {
  if (existsSync(DIST) && statSync(DIST).mtimeMs >= newest(join(ROOT, "src"))) return;
  process.stderr.write("B9: building dist/ (npm run build)\n");
  await runProcess("npm", ["run", "--silent", "build"]);
}

const PACKAGE = `
const started = performance.now();
const { createMemoryWorld } = await import(${JSON.stringify(pathToFileURL(DIST).href)});
await createMemoryWorld({ accounts: [{ id: "root", master: true, reseller: true }] });
console.log(performance.now() - started);
`;

const DEPENDENCIES = `
const started = performance.now();
await Promise.all(["xstate", "immer", "hono", "libphonenumber-js/min"].map((m) => import(m)));
console.log(performance.now() - started);
`;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

function coldStart(script: string): Probe {
  return async (ctx) => {
    await ensureBuilt();
    const runs: number[] = [];
    for (let i = 0; i < ctx.size(7, 3); i++) {
      const out = await runProcess(process.execPath, ["--input-type=module", "-e", script]);
      runs.push(Number(out.trim()));
    }
    return {
      value: round(median(runs), 1),
      detail: { runs: runs.length, fastest_ms: round(Math.min(...runs), 1) },
    };
  };
}

/** B9. */
export const cases: BenchCase[] = [
  {
    id: "B9",
    what: "cold start: import the built package and build an engine (createMemoryWorld)",
    unit: "ms",
    better: "lower",
    target: { value: 150 },
    baselineWhat: "importing xstate, immer, hono and libphonenumber-js/min alone",
    measure: coldStart(PACKAGE),
    baseline: coldStart(DEPENDENCIES),
  },
];
