// The benchmark suite: runs every case of bench/suites/*.ts, figure beside baseline, prints one
// table and writes bench/results.json.
//   npm run bench                 full run (< 5 min), writes bench/results.json
//   npm run bench -- --quick      smaller sizes, one round (< 30 s), writes bench/results-quick.json
//   npm run bench -- --check      exits 1 when a figure regressed > 2x against bench/results.json
//   npm run bench -- --only B1,B2 only these cases (merged into the results file)
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, freemem, loadavg, totalmem } from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import { join } from "node:path";
import {
  isBetter,
  meetsTarget,
  round,
  type BenchCase,
  type BenchContext,
  type CaseResult,
  type Sample,
} from "./harness.js";
import { regressions, type Results } from "./results.js";
import { formatFigure } from "./format.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes("--quick");
const check = args.includes("--check");
const onlyArg = args.find((a) => a.startsWith("--only"));
const only =
  onlyArg === undefined
    ? undefined
    : new Set(
        (onlyArg.includes("=") ? onlyArg.split("=")[1] : args[args.indexOf(onlyArg) + 1])
          ?.split(",")
          .map((s) => s.trim()),
      );

const ctx: BenchContext = { quick, size: (full, small) => (quick ? small : full) };
const committedPath = join(here, "results.json");
const outPath = join(here, quick ? "results-quick.json" : "results.json");

async function loadCases(): Promise<BenchCase[]> {
  const dir = join(here, "suites");
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .sort();
  const cases: BenchCase[] = [];
  for (const file of files) {
    const suite = (await import(pathToFileURL(join(dir, file)).href)) as { cases?: BenchCase[] };
    if (!Array.isArray(suite.cases)) throw new Error(`bench/suites/${file} exports no cases`);
    cases.push(...suite.cases);
  }
  const ids = new Set<string>();
  for (const c of cases) {
    if (ids.has(c.id)) throw new Error(`two bench cases share the id ${c.id}`);
    ids.add(c.id);
  }
  return cases;
}

const best = (c: BenchCase, samples: Sample[]): Sample =>
  samples.reduce((a, b) => (isBetter(c.better, b.value, a.value) ? b : a));

async function runCase(c: BenchCase): Promise<CaseResult> {
  const rounds = quick ? 1 : (c.rounds ?? 3);
  const measured: Sample[] = [];
  const baselines: Sample[] = [];
  for (let i = 0; i < rounds; i++) {
    baselines.push(await c.baseline(ctx));
    measured.push(await c.measure(ctx));
  }
  const m = best(c, measured);
  const b = best(c, baselines);
  const ratio = m.value / b.value;
  return {
    id: c.id,
    what: c.what,
    unit: c.unit,
    better: c.better,
    ...(c.target === undefined ? {} : { target: c.target }),
    baselineWhat: c.baselineWhat,
    value: m.value,
    baseline: b.value,
    ratio,
    met: meetsTarget(c.better, c.target, m.value, ratio),
    detail: {
      ...m.detail,
      ...Object.fromEntries(Object.entries(b.detail ?? {}).map(([k, v]) => [`baseline_${k}`, v])),
      rounds,
    },
  };
}

function printTable(results: readonly CaseResult[]): void {
  const rows = results.map((r) => [
    r.id,
    r.what.length > 52 ? `${r.what.slice(0, 51)}…` : r.what,
    `${formatFigure(r.value)} ${r.unit}`,
    `${formatFigure(r.baseline)} ${r.unit}`,
    `${r.ratio.toFixed(r.ratio >= 10 ? 1 : 3)}x`,
    r.target === undefined ? "" : r.met ? "met" : "MISSED",
  ]);
  const head = ["id", "what", "figure", "baseline", "ratio", "target"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  ");
  console.log(line(head));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row));
}

const all = await loadCases();
const selected = all.filter((c) => only === undefined || only.has(c.id));
const loadBefore = loadavg();
const started = Date.now();
const results: CaseResult[] = [];
for (const c of selected) {
  process.stderr.write(`running ${c.id} …`);
  const caseStarted = Date.now();
  results.push(await runCase(c));
  process.stderr.write(` ${((Date.now() - caseStarted) / 1000).toFixed(1)} s\n`);
}
console.log();
printTable(results);
console.log(
  `\n${selected.length} cases in ${((Date.now() - started) / 1000).toFixed(1)} s, load average ${loadBefore[0]?.toFixed(2)} → ${loadavg()[0]?.toFixed(2)} on ${cpus().length} cores`,
);

const committed = existsSync(committedPath)
  ? (JSON.parse(readFileSync(committedPath, "utf8")) as Results)
  : undefined;
if (check) {
  const worse = committed === undefined ? [] : regressions(committed, results);
  for (const line of worse) console.log(`REGRESSED ${line}`);
  if (worse.length > 0) process.exitCode = 1;
  else if (committed === undefined)
    console.log("check: no committed bench/results.json to compare with");
  else console.log("check: no figure regressed by more than 2x against bench/results.json");
}
if (!check) {
  const previous =
    existsSync(outPath) && only !== undefined
      ? (JSON.parse(readFileSync(outPath, "utf8")) as Results).cases
      : [];
  const merged = [...previous.filter((p) => !results.some((r) => r.id === p.id)), ...results].sort(
    (a, b) => all.findIndex((c) => c.id === a.id) - all.findIndex((c) => c.id === b.id),
  );
  const out: Results = {
    date: new Date().toISOString(),
    quick,
    machine: {
      cpu: cpus()[0]?.model ?? "unknown",
      cores: cpus().length,
      memoryGiB: round(totalmem() / 2 ** 30, 1),
      freeMemoryGiB: round(freemem() / 2 ** 30, 1),
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      loadAverage: { before: round(loadBefore[0] ?? 0, 2), after: round(loadavg()[0] ?? 0, 2) },
    },
    cases: merged,
  };
  writeFileSync(outPath, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`wrote ${outPath.slice(here.length - "bench/".length)}`);
}
