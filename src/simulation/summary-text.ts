import type { EdgeCount, SimulationSummary } from "./simulate.js";

const n = (value: number): string => value.toLocaleString("en-US");

function table(rows: readonly (readonly string[])[]): string {
  const widths =
    rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? "").length))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, i) =>
          /^[\d,]+$/.test(cell) || cell === "count"
            ? cell.padStart(widths[i] ?? 0)
            : cell.padEnd(widths[i] ?? 0),
        )
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

function edgeRows(edges: readonly EdgeCount<string>[]): string[][] {
  return edges.map((edge) => [
    `${edge.from} -> ${edge.to}`,
    edge.events.join(","),
    n(edge.count),
    edge.reachable ? "" : "not reachable with this profile",
  ]);
}

/** The port request part: requests per state, edges, clean-up and completions. */
function portSection(summary: SimulationSummary): string[] {
  const tally = summary.portTally;
  const swept = Object.entries(tally.sweptByState).map(([state, count]) => `${state} ${n(count)}`);
  return [
    "port requests per state",
    table(Object.entries(summary.portStates).map(([state, count]) => [state, n(count)])),
    "",
    "port request transitions per edge",
    table([["edge", "move", "count"], ...edgeRows(summary.portEdges)]),
    `completed by the port authority ${n(tally.completedByAuthority)}, ` +
      `by a first inbound call ${n(tally.completedByInboundCall)}`,
    `deleted by the clean-up ${swept.length === 0 ? "none" : swept.join(", ")}; ` +
      `through the API ${n(tally.deletedByApi)}; unconfirmed reminders ${n(tally.reminders)}`,
    "",
  ];
}

/** The error table, and what the simulator knows about the errors a run is expected to meet. */
function errorSection(summary: SimulationSummary): string[] {
  const rows = summary.errorTable.map((row) => [row.operation, row.reason, n(row.count)]);
  if (rows.length === 0) return ["errors", "none"];
  const notes = summary.errorTable.flatMap((row) =>
    row.note === undefined ? [] : [`  ${row.operation} ${row.reason}: ${row.note}`],
  );
  return ["errors", table([["operation", "error", "count"], ...rows]), ...notes];
}

/**
 * The summary as plain text: numbers per state, transitions per edge (marking the edges the
 * profile cannot reach), the same for port requests, errors by operation and name (with what
 * causes the expected ones), and throughput.
 */
export function formatSummary(summary: SimulationSummary): string {
  const states = Object.entries(summary.states).map(([state, count]) => [state, n(count)]);
  const requests = Object.entries(summary.requests).map(([op, count]) => `${op} ${n(count)}`);
  return [
    `simulation ${summary.profile}: seed ${summary.seed}, ${n(summary.accounts)} accounts, ` +
      `${n(summary.numbers)} numbers, ${n(summary.days)} days`,
    `requests: ${n(summary.steps)} (${requests.join(", ")})`,
    "",
    "numbers per state",
    table([...states, ["upstream stock", n(summary.upstream)]]),
    "",
    "transitions per edge",
    table([["edge", "events", "count"], ...edgeRows(summary.edges)]),
    `field updates ${n(summary.updates)}, purged deleted records ${n(summary.purged)}`,
    "",
    ...portSection(summary),
    ...errorSection(summary),
    "",
    `throughput: ${n(Math.round(summary.stepsPerSecond))} requests/s ` +
      `(${(summary.elapsedMs / 1000).toFixed(1)} s)`,
    "",
  ].join("\n");
}
