// The long coverage run (issue 10): 10,000 numbers for 90 days on the default profile must take
// every edge of the machine the profile can reach. Run: npm run simulate:long
import { simulate } from "../src/simulation/simulate.js";
import { formatSummary } from "../src/simulation/summary-text.js";

const summary = await simulate({ seed: 1, accounts: 50, numbers: 10_000, days: 90 });
process.stdout.write(formatSummary(summary));
const missing = summary.edges.filter((edge) => edge.reachable && edge.count === 0);
if (missing.length > 0) {
  process.stderr.write(`edges never taken: ${missing.map((edge) => edge.id).join(", ")}\n`);
  process.exitCode = 1;
} else {
  process.stdout.write(
    `every reachable edge taken (${summary.edges.filter((e) => e.reachable).length})\n`,
  );
}
