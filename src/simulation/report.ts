import { PORT_STATES } from "../domain/port-states.js";
import { NUMBER_STATES } from "../domain/states.js";
import { NEW } from "./edge-id.js";
import type { SimulationSummary } from "./simulate.js";

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The data the page's script draws from, as JSON safe inside a script element. */
function pageData(summary: SimulationSummary): string {
  const data = {
    nodes: [NEW, ...NUMBER_STATES],
    edges: summary.edges,
    portNodes: [NEW, ...PORT_STATES],
    portEdges: summary.portEdges,
    timeline: summary.timeline,
    states: NUMBER_STATES,
  };
  return JSON.stringify(data).replace(/</g, "\\u003c");
}

/* The page's script: draws the state diagram and the chart as SVG from the embedded data. */
const DRAW = String.raw`
const data = JSON.parse(document.getElementById("data").textContent);
const NS = "http://www.w3.org/2000/svg";
const el = (name, attrs, parent, text) => {
  const node = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  if (parent) parent.appendChild(node);
  return node;
};
const COLORS = ["#1f77b4","#ff7f0e","#2ca02c","#d62728","#9467bd","#8c564b","#e377c2","#7f7f7f","#bcbd22","#17becf","#444"];
const colorIn = (nodes) => (state) => COLORS[nodes.indexOf(state) % COLORS.length];
const colorOf = colorIn(data.nodes);

function drawDiagram(id, nodes, edgeList) {
  const svg = document.getElementById(id);
  const colorOf = colorIn(nodes);
  const W = 900, H = 640, cx = W / 2, cy = H / 2, R = 250;
  svg.setAttribute("viewBox", "0 0 " + W + " " + H);
  const defs = el("defs", {}, svg);
  const marker = el("marker", { id: id + "-arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerUnits: "userSpaceOnUse", markerWidth: 9, markerHeight: 9, orient: "auto-start-reverse" }, defs);
  el("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: "#555" }, marker);
  const pos = {};
  nodes.forEach((state, i) => {
    const a = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    pos[state] = { x: cx + R * Math.cos(a), y: cy + R * Math.sin(a) };
  });
  const max = Math.max(1, ...edgeList.map((e) => e.count));
  const edges = el("g", { class: "edges" }, svg);
  for (const edge of edgeList) {
    const a = pos[edge.from], b = pos[edge.to];
    const width = edge.count === 0 ? 1 : 1 + 5 * Math.log(1 + edge.count) / Math.log(1 + max);
    const style = { class: "edge", "data-edge": edge.id, "data-count": edge.count, fill: "none",
      stroke: edge.count > 0 ? colorOf(edge.from) : "#bbb", "stroke-width": width.toFixed(2),
      "stroke-dasharray": edge.reachable ? "" : "4 4", "marker-end": "url(#" + id + "-arrow)" };
    let d, lx, ly;
    if (edge.from === edge.to) {
      const ox = (a.x - cx) / R, oy = (a.y - cy) / R;
      const px = a.x + ox * 34, py = a.y + oy * 34;
      d = "M " + (a.x + oy * 14) + " " + (a.y - ox * 14) + " C " + (px + oy * 40) + " " + (py - ox * 40) + " " + (px - oy * 40) + " " + (py + ox * 40) + " " + (a.x - oy * 14) + " " + (a.y + ox * 14);
      lx = px + ox * 14; ly = py + oy * 14;
    } else {
      const dx = b.x - a.x, dy = b.y - a.y, len = Math.hypot(dx, dy);
      const ux = dx / len, uy = dy / len, sx = a.x + ux * 26, sy = a.y + uy * 26, ex = b.x - ux * 26, ey = b.y - uy * 26;
      const mx = (sx + ex) / 2 - uy * 40, my = (sy + ey) / 2 + ux * 40;
      d = "M " + sx + " " + sy + " Q " + mx + " " + my + " " + ex + " " + ey;
      lx = (sx + 2 * mx + ex) / 4; ly = (sy + 2 * my + ey) / 4;
    }
    const path = el("path", { ...style, d }, edges);
    el("title", {}, path, edge.from + " -> " + edge.to + " (" + edge.events.join(", ") + "): " + edge.count);
    el("text", { class: "edge-count", x: lx.toFixed(1), y: ly.toFixed(1), "text-anchor": "middle" }, edges, String(edge.count));
  }
  const drawn = el("g", { class: "nodes" }, svg);
  for (const state of nodes) {
    const g = el("g", { class: "node", "data-state": state }, drawn);
    el("circle", { cx: pos[state].x, cy: pos[state].y, r: 26, fill: "#fff", stroke: colorOf(state), "stroke-width": 2 }, g);
    el("text", { x: pos[state].x, y: pos[state].y + 4, "text-anchor": "middle" }, g, state);
  }
}

function drawChart() {
  const svg = document.getElementById("chart");
  const W = 900, H = 380, L = 60, T = 20, PW = 680, PH = 320;
  svg.setAttribute("viewBox", "0 0 " + W + " " + H);
  const days = data.timeline.map((p) => p.day);
  const lastDay = Math.max(1, ...days);
  const top = Math.max(1, ...data.timeline.flatMap((p) => data.states.map((s) => p.states[s])));
  const x = (day) => L + (PW * day) / lastDay, y = (v) => T + PH - (PH * v) / top;
  const axes = el("g", { class: "axes" }, svg);
  el("line", { x1: L, y1: T + PH, x2: L + PW, y2: T + PH, stroke: "#333" }, axes);
  el("line", { x1: L, y1: T, x2: L, y2: T + PH, stroke: "#333" }, axes);
  for (let i = 0; i <= 4; i++) {
    const v = Math.round((top * i) / 4);
    el("text", { x: L - 6, y: y(v) + 4, "text-anchor": "end" }, axes, v.toLocaleString("en-US"));
    el("text", { x: x((lastDay * i) / 4), y: T + PH + 16, "text-anchor": "middle" }, axes, "day " + Math.round((lastDay * i) / 4));
  }
  const shown = data.states.filter((s) => data.timeline.some((p) => p.states[s] > 0));
  shown.forEach((state, i) => {
    const points = data.timeline.map((p) => x(p.day).toFixed(1) + "," + y(p.states[state]).toFixed(1)).join(" ");
    el("polyline", { class: "series", "data-state": state, points, fill: "none", stroke: colorOf(state), "stroke-width": 2 }, svg);
    el("rect", { x: L + PW + 20, y: T + 18 * i, width: 12, height: 12, fill: colorOf(state) }, svg);
    el("text", { x: L + PW + 38, y: T + 18 * i + 11 }, svg, state);
  });
}

drawDiagram("diagram", data.nodes, data.edges);
drawDiagram("port-diagram", data.portNodes, data.portEdges);
drawChart();
document.body.setAttribute("data-drawn", "yes");
`;

/** Table rows of a count per state. */
const countRows = (counts: Readonly<Record<string, number>>): string =>
  Object.entries(counts)
    .map(([state, count]) => `<tr><td>${state}</td><td class="n">${count}</td></tr>`)
    .join("\n");

/**
 * The report of a run as one self-contained HTML page (no network): the state diagram drawn
 * from the machine's edges with each edge's count, a chart of numbers per state over the
 * simulated days, the port request diagram and states, and the error table. The page's own
 * script draws the figures as SVG.
 */
export function renderReport(summary: SimulationSummary): string {
  const rows = summary.errorTable
    .map(
      (row) =>
        `<tr><td>${escapeHtml(row.operation)}</td><td>${escapeHtml(row.reason)}</td><td class="n">${row.count}</td><td>${escapeHtml(row.note ?? "")}</td></tr>`,
    )
    .join("\n");
  const portStates = countRows(summary.portStates);
  const tally = summary.portTally;
  const swept = Object.values(tally.sweptByState).reduce((sum, count) => sum + count, 0);
  const states = countRows(summary.states);
  const title = `Simulation ${escapeHtml(summary.profile)}: seed ${escapeHtml(summary.seed)}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
<style>
body { font: 14px system-ui, sans-serif; margin: 2em; color: #222; }
svg { max-width: 100%; border: 1px solid #ddd; background: #fcfcfc; }
svg text { font-size: 11px; fill: #222; }
table { border-collapse: collapse; margin: 1em 0; }
td, th { border: 1px solid #ccc; padding: 3px 8px; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
</style>
</head>
<body>
<h1>${title}</h1>
<p>${summary.accounts} accounts, ${summary.numbers} numbers, ${summary.days} days:
${summary.steps} requests, ${summary.updates} field updates, ${summary.purged} purged records.</p>
<h2>State diagram</h2>
<p>Every edge of the lifecycle machine with the number of changes that took it; dashed edges
cannot be reached with this profile; thicker edges were taken more often.</p>
<svg id="diagram" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="state diagram"></svg>
<h2>Numbers per state over time</h2>
<svg id="chart" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="numbers per state per day"></svg>
<h2>Numbers per state at the end</h2>
<table><tr><th>state</th><th>numbers</th></tr>
${states}
</table>
<h2>Port requests</h2>
<p>Every edge of the port request machine with the number of moves that took it (dashed: not
reachable with this profile). Completed by the port authority: ${tally.completedByAuthority},
by a first inbound call: ${tally.completedByInboundCall}. Deleted by the clean-up: ${swept},
through the API: ${tally.deletedByApi}; reminders of unconfirmed requests: ${tally.reminders}.</p>
<svg id="port-diagram" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="port request state diagram"></svg>
<table id="port-states"><tr><th>port request state</th><th>requests</th></tr>
${portStates}
</table>
<h2>Errors</h2>
<table id="errors"><tr><th>operation</th><th>error</th><th>count</th><th>why</th></tr>
${rows === "" ? '<tr><td colspan="4">none</td></tr>' : rows}
</table>
<script type="application/json" id="data">${pageData(summary)}</script>
<script>${DRAW}</script>
</body>
</html>
`;
}
