import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LIFECYCLE_DOC_PATH, renderLifecycleDoc } from "../../scripts/generate-lifecycle-doc.js";
import { deriveTransitionTable } from "../../src/machine/transition-table.js";
import { lifecycleMachine } from "../../src/machine/lifecycle-machine.js";

describe("docs/lifecycle.md (STYLE.md habit 6)", () => {
  it("is what `npm run docs` generates from the machine (run it when this fails)", () => {
    expect(readFileSync(LIFECYCLE_DOC_PATH, "utf8")).toBe(renderLifecycleDoc());
  });

  it("draws one arrow per from/target pair, labelled with the events", () => {
    const doc = renderLifecycleDoc();

    expect(doc).toContain("stateDiagram-v2");
    expect(doc).toContain("  available --> reserved: reserve\n");
    expect(doc).toContain("  aging --> available: agingExpired\n");
    expect(doc.match(/^ {2}reserved --> reserved: /gm)).toHaveLength(1);
  });

  it("lists guards in order with their outcomes", () => {
    const doc = renderLifecycleDoc();

    expect(doc).toContain("| reserve | `targetIsOwner` | reject `no_change_required` |");
    expect(doc).toContain(
      "| reserve | otherwise | → `reserved`: pushHistory, move(reserved), hold, acquire, save |",
    );
    expect(doc).toContain(
      "| reserve | `isMdn` | reject `invalid_state_transition` (cause `from 'MDN' to reserved`) |",
    );
  });

  it("changes when the machine changes", () => {
    const changed = lifecycleMachine.provide({});
    const table = deriveTransitionTable(changed);
    const trimmed = new Map(table);
    trimmed.set("deleted", new Map());

    expect(renderLifecycleDoc(trimmed)).not.toBe(renderLifecycleDoc(table));
  });
});
