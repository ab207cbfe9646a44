// Renders the measured table of docs/performance.md from bench/results.json, between the
// `<!-- bench:table -->` and `<!-- /bench:table -->` markers; the prose around it is ours.
//   npm run bench:doc
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { CaseResult } from "./harness.js";
import type { Results } from "./results.js";
import { formatFigure } from "./format.js";

const results = JSON.parse(
  readFileSync(fileURLToPath(new URL("results.json", import.meta.url)), "utf8"),
) as Results;
const docPath = fileURLToPath(new URL("../docs/performance.md", import.meta.url));
const START = "<!-- bench:table -->";
const END = "<!-- /bench:table -->";

const cell = (text: string): string => text.replaceAll("|", "\\|");

function targetText(r: CaseResult): string {
  if (r.target === undefined) return "";
  const op = r.better === "higher" ? "≥" : "≤";
  const parts = [
    ...(r.target.value === undefined ? [] : [`${op} ${formatFigure(r.target.value)}`]),
    ...(r.target.ratio === undefined ? [] : [`ratio ${op} ${r.target.ratio}`]),
  ];
  return `${parts.join(", ")}: ${r.met ? "met" : "**missed**"}`;
}

const m = results.machine;
const lines = [
  START,
  "",
  `Measured ${results.date.slice(0, 16).replace("T", " ")} UTC${results.quick ? " (quick run)" : ""} on ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node} (${m.platform}); load average ${m.loadAverage.before} before and ${m.loadAverage.after} after the run.`,
  "",
  "| # | what | figure | baseline (same run) | ratio | target |",
  "| --- | --- | --- | --- | --- | --- |",
  ...results.cases.map(
    (r) =>
      `| ${r.id} | ${cell(r.what)} | ${formatFigure(r.value)} ${r.unit} | ${formatFigure(r.baseline)} ${r.unit}: ${cell(r.baselineWhat)} | ${r.ratio.toFixed(r.ratio >= 10 ? 1 : 3)}x | ${targetText(r)} |`,
  ),
  "",
  END,
];
const doc = readFileSync(docPath, "utf8");
const from = doc.indexOf(START);
const to = doc.indexOf(END);
if (from < 0 || to < from)
  throw new Error(`docs/performance.md lacks the ${START} … ${END} markers`);
writeFileSync(docPath, doc.slice(0, from) + lines.join("\n") + doc.slice(to + END.length));
console.log(`rendered ${results.cases.length} figures into docs/performance.md`);
