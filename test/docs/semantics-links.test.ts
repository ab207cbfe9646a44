import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  headingAnchor,
  headingAnchors,
  isScenarioLink,
  markdownLinks,
  scenarioNames,
  staleScenarioLinks,
} from "./markdown-links.js";

const SEMANTICS = fileURLToPath(new URL("../../docs/semantics.md", import.meta.url));
const RESERVE_MATRIX = "../test/conformance/transitions/01_reserve_matrix.json";
const isExternal = (path: string): boolean => /^[a-z]+:/i.test(path);

describe("docs/semantics.md links (issue 4: the page cannot go stale)", () => {
  const markdown = readFileSync(SEMANTICS, "utf8");
  const links = markdownLinks(markdown);

  it("names, in every link into the corpus, a scenario of the linked file", () => {
    const problems = staleScenarioLinks(SEMANTICS, links);

    expect(problems).toEqual([]);
  });

  it("pins its rules with at least 100 scenario links", () => {
    const scenarioLinks = links.filter(isScenarioLink);

    expect(scenarioLinks.length).toBeGreaterThanOrEqual(100);
  });

  it("points every other relative link at a file that exists", () => {
    const relative = links.filter((l) => l.path !== "" && !isExternal(l.path));

    const missing = relative.filter((l) => !existsSync(resolve(dirname(SEMANTICS), l.path)));

    expect(missing).toEqual([]);
  });

  it("points every in-page anchor at a heading of the page", () => {
    const anchors = headingAnchors(markdown);

    const dangling = links.filter((l) => l.path === "" && !anchors.has(l.anchor ?? ""));

    expect(dangling).toEqual([]);
  });
});

describe("the link checker", () => {
  const doc = (text: string, path = RESERVE_MATRIX): string => `See [\`${text}\`](${path}).`;

  it("accepts the exact name of a scenario of the linked file", () => {
    const links = markdownLinks(doc("reserve_discovery_number"));

    expect(staleScenarioLinks(SEMANTICS, links)).toEqual([]);
  });

  it("reports a name that is not in the linked file, even when another file has it", () => {
    const links = markdownLinks(doc("activate_discovery_number"));

    expect(staleScenarioLinks(SEMANTICS, links)).toEqual([
      `${RESERVE_MATRIX}: no scenario named activate_discovery_number`,
    ]);
  });

  it("reports a scenario file that does not exist", () => {
    const links = markdownLinks(doc("x", "../test/conformance/gone/01_gone.json"));

    expect(staleScenarioLinks(SEMANTICS, links)).toEqual([
      "../test/conformance/gone/01_gone.json: no such file (link text x)",
    ]);
  });

  it("reports any link text that no scenario of the file carries", () => {
    const file = resolve(dirname(SEMANTICS), RESERVE_MATRIX);
    const names = scenarioNames(file);

    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9_]{1,40}$/).filter((n) => !names.has(n)),
        (name) => {
          expect(staleScenarioLinks(SEMANTICS, markdownLinks(doc(name)))).toHaveLength(1);
        },
      ),
    );
  });

  it("builds GitHub's heading anchors, dropping punctuation and code marks", () => {
    expect(headingAnchor("Hard delete (`DELETE …/{N}?hard=true`)")).toBe(
      "hard-delete-delete-nhardtrue",
    );
    expect(headingAnchor("Check, locality, prefix and fix")).toBe("check-locality-prefix-and-fix");
  });
});
