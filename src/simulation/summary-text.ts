import type { SimulationSummary } from "./simulate.js";

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

/**
 * The summary as plain text: numbers per state, transitions per edge (marking the edges the
 * profile cannot reach), errors by operation and name, and throughput.
 */
export function formatSummary(summary: SimulationSummary): string {
  const states = Object.entries(summary.states).map(([state, count]) => [state, n(count)]);
  const edges = summary.edges.map((edge) => [
    `${edge.from} -> ${edge.to}`,
    edge.events.join(","),
    n(edge.count),
    edge.reachable ? "" : "not reachable with this profile",
  ]);
  const errors = summary.errorTable.map((row) => [row.operation, row.reason, n(row.count)]);
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
    table([["edge", "events", "count"], ...edges]),
    `field updates ${n(summary.updates)}, purged deleted records ${n(summary.purged)}`,
    "",
    "errors",
    errors.length === 0 ? "none" : table([["operation", "error", "count"], ...errors]),
    "",
    `throughput: ${n(Math.round(summary.stepsPerSecond))} requests/s ` +
      `(${(summary.elapsedMs / 1000).toFixed(1)} s)`,
    "",
  ].join("\n");
}
