// The long coverage run (issue 10, issue 14 item 7): 10,000 numbers for 90 days on the default
// profile must take every edge of the number machine and of the port request machine that the
// profile can reach. Run: npm run simulate:long
import { simulate, type EdgeCount } from "../src/simulation/simulate.js";
import { formatSummary } from "../src/simulation/summary-text.js";

const summary = await simulate({ seed: 1, accounts: 50, numbers: 10_000, days: 90 });
process.stdout.write(formatSummary(summary));
const machines: { name: string; edges: readonly EdgeCount<string>[] }[] = [
  { name: "number", edges: summary.edges },
  { name: "port request", edges: summary.portEdges },
];
for (const { name, edges } of machines) {
  const missing = edges.filter((edge) => edge.reachable && edge.count === 0);
  const wrong = edges.filter((edge) => !edge.reachable && edge.count > 0);
  if (missing.length > 0 || wrong.length > 0) {
    const ids = (list: typeof edges) => list.map((edge) => edge.id).join(", ") || "none";
    process.stderr.write(
      `${name} edges never taken: ${ids(missing)}; taken but deemed unreachable: ${ids(wrong)}\n`,
    );
    process.exitCode = 1;
  } else {
    const reachable = edges.filter((edge) => edge.reachable).length;
    process.stdout.write(`every reachable ${name} edge taken (${reachable})\n`);
  }
}
if (Object.keys(summary.offMachine).length > 0) {
  process.stderr.write(`edges off the machines: ${JSON.stringify(summary.offMachine)}\n`);
  process.exitCode = 1;
}
