import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  PORT_REQUEST_DOC_PATH,
  renderPortRequestDoc,
} from "../../scripts/generate-port-request-doc.js";
import { derivePortTable } from "../../src/machine/port-request-table.js";
import { portRequestMachine } from "../../src/machine/port-request-machine.js";

describe("docs/port-request-lifecycle.md", () => {
  it("is what `npm run docs` generates from the machine (run it when this fails)", () => {
    expect(readFileSync(PORT_REQUEST_DOC_PATH, "utf8")).toBe(renderPortRequestDoc());
  });

  it("shows the §2.1 grid and the guarded arrows", () => {
    const doc = renderPortRequestDoc();

    expect(doc).toContain("| unconfirmed | ✓ | ✗ | ✗ | ✗ | ✗ | ✓ |");
    expect(doc).toContain("| completed | ✗ | ✗ | ✗ | ✗ | ✗ | ✗ |");
    expect(doc).toContain(
      "  submitted --> scheduled: actsAsPortAuthority + mayScheduleFromSubmitted + hasScheduleDate\n",
    );
    expect(doc).toContain("| pending | not `actsAsPortAuthority` | reject `not_allowed` |");
  });

  it("changes when the machine changes", () => {
    const table = derivePortTable(portRequestMachine.provide({}));
    const trimmed = new Map(table);
    trimmed.set("rejected", new Map());

    expect(renderPortRequestDoc(trimmed)).not.toBe(renderPortRequestDoc(table));
  });
});
