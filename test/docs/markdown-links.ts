import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

/** One inline Markdown link: its text, its target path (no anchor) and its anchor. */
export interface MarkdownLink {
  readonly text: string;
  readonly path: string;
  readonly anchor: string | undefined;
}

const LINK = /\[([^\]]+)\]\(([^)\s]+)\)/g;

/** Every inline link of a Markdown text; backticks around the link text are dropped. */
export function markdownLinks(markdown: string): MarkdownLink[] {
  return [...markdown.matchAll(LINK)].map(([, text = "", target = ""]) => {
    const hash = target.indexOf("#");
    return {
      text: text.replace(/^`(.*)`$/, "$1"),
      path: hash === -1 ? target : target.slice(0, hash),
      anchor: hash === -1 ? undefined : target.slice(hash + 1),
    };
  });
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces turned into dashes. */
export function headingAnchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .trim()
    .replace(/\s/g, "-");
}

/** The anchors of every heading of a Markdown text. */
export function headingAnchors(markdown: string): Set<string> {
  return new Set(
    [...markdown.matchAll(/^#{1,6} +(.+)$/gm)].map(([, heading = ""]) => headingAnchor(heading)),
  );
}

/** True for a link into the conformance corpus (a scenario file). */
export const isScenarioLink = (link: MarkdownLink): boolean =>
  /(^|\/)test\/conformance\/.+\.json$/.test(link.path);

/** The scenario names of a conformance file: one scenario or `{ "scenarios": [...] }`. */
export function scenarioNames(file: string): Set<string> {
  const parsed = JSON.parse(readFileSync(file, "utf8")) as {
    name?: unknown;
    scenarios?: { name?: unknown }[];
  };
  const scenarios = Array.isArray(parsed.scenarios) ? parsed.scenarios : [parsed];
  return new Set(scenarios.flatMap((s) => (typeof s.name === "string" ? [s.name] : [])));
}

/**
 * What is wrong with the scenario links of a Markdown file: a file that does not exist, or a
 * link text that names no scenario of its file. Empty when every link is true.
 */
export function staleScenarioLinks(markdownFile: string, links: readonly MarkdownLink[]): string[] {
  const names = new Map<string, Set<string>>();
  const problems: string[] = [];
  for (const link of links.filter(isScenarioLink)) {
    const file = resolve(dirname(markdownFile), link.path);
    if (!existsSync(file)) {
      problems.push(`${link.path}: no such file (link text ${link.text})`);
      continue;
    }
    const inFile = names.get(file) ?? scenarioNames(file);
    names.set(file, inFile);
    if (!inFile.has(link.text)) problems.push(`${link.path}: no scenario named ${link.text}`);
  }
  return problems;
}
