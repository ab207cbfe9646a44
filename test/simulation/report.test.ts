import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderReport } from "../../src/simulation/report.js";
import { simulate } from "../../src/simulation/simulate.js";

/** The DOM of a page after its scripts ran, from Debian's headless chromium. */
async function renderedDom(html: string): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), "sim-report-"));
  try {
    const page = join(folder, "report.html");
    await writeFile(page, html);
    const chromium = spawnSync(
      "chromium",
      [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        `--user-data-dir=${join(folder, "profile")}`,
        "--dump-dom",
        `file://${page}`,
      ],
      { encoding: "utf8", timeout: 90_000 },
    );
    if (chromium.error !== undefined) throw chromium.error;
    expect(chromium.status, chromium.stderr).toBe(0);
    return chromium.stdout;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;

/** The serialized svg element with this id. */
function svgOf(dom: string, id: string): string {
  const start = dom.indexOf(`<svg id="${id}"`);
  expect(start, id).toBeGreaterThanOrEqual(0);
  return dom.slice(start, dom.indexOf("</svg>", start));
}

describe("simulate: HTML report", () => {
  it("is one self-contained page whose script draws both state diagrams and the chart (headless chromium)", async () => {
    const summary = await simulate({ seed: 4, accounts: 8, numbers: 600, days: 12 });
    const html = renderReport(summary);
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(count(html, /<path /g)).toBe(0); // nothing is drawn until the script runs

    const dom = await renderedDom(html);
    expect(dom).toContain('data-drawn="yes"');
    const diagrams = [
      { svg: svgOf(dom, "diagram"), edges: summary.edges, nodes: 11 },
      { svg: svgOf(dom, "port-diagram"), edges: summary.portEdges, nodes: 8 },
    ];
    for (const { svg, edges, nodes } of diagrams) {
      expect(count(svg, /<g class="node" data-state="/g)).toBe(nodes);
      expect(count(svg, /<path class="edge" data-edge="/g)).toBe(edges.length);
      const taken = edges.filter((edge) => edge.count > 0);
      expect(taken.length).toBeGreaterThan(1);
      for (const edge of taken) {
        const id = edge.id.replace(">", "&gt;"); // the serialized DOM escapes > in attributes
        expect(svg).toContain(`data-edge="${id}" data-count="${edge.count}"`);
      }
    }
    expect(svgOf(dom, "port-diagram")).toContain('<g class="node" data-state="completed">');
    for (const [state, requests] of Object.entries(summary.portStates))
      expect(dom).toContain(`<tr><td>${state}</td><td class="n">${requests}</td></tr>`);
    const drawnStates = Object.keys(summary.states).filter((state) =>
      summary.timeline.some((point) => point.states[state as keyof typeof point.states] > 0),
    );
    expect(count(dom, /<polyline class="series" data-state="/g)).toBe(drawnStates.length);
    const points = /<polyline class="series" data-state="[a-z_]+" points="([^"]+)"/.exec(dom)![1]!;
    expect(points.split(" ")).toHaveLength(summary.timeline.length);
    for (const row of summary.errorTable)
      expect(dom).toContain(
        `<td>${row.operation}</td><td>${row.reason}</td><td class="n">${row.count}</td>`,
      );
    for (const row of summary.errorTable.filter((r) => r.note !== undefined))
      expect(dom).toContain(`<td class="n">${row.count}</td><td>${row.note!}</td>`);
  }, 120_000);
});
