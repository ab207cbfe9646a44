import type { NumberEvent } from "../../src/domain/events.js";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createSqliteWorld } from "../../src/compose/sqlite-world.js";
import type { StoredEvent } from "../../src/domain/events.js";
import { killHard, startChild } from "../support/child.js";
import { OUTBOX_ACCOUNTS, OUTBOX_NUMBERS } from "../support/outbox/outbox-plan.js";
import { tempFolder } from "../support/sqlite.js";

const LOOP = fileURLToPath(new URL("../support/outbox/update-loop.ts", import.meta.url));

/** The step an update event wrote into the record's public fields. */
function stepOf(stored: StoredEvent): unknown {
  for (const patch of (stored.event as NumberEvent).patches) {
    if (patch.path[0] !== "public") continue;
    if (patch.path[1] === "step") return patch.value;
    if (patch.path.length === 1) return (patch.value as { step?: unknown } | null)?.step;
  }
  return undefined;
}

describe("the outbox after a SIGKILL while writing (SQLite)", () => {
  const folder = tempFolder("numbers-outbox-");

  it("holds every committed change exactly once, in commit order, and nothing uncommitted", async () => {
    const path = join(folder, "outbox.db");
    const child = startChild(LOOP, [path]);
    const last = 150 + Math.floor(Math.random() * 100);
    await child.waitFor((line) => line.endsWith(` ${last}`));
    await killHard(child);
    const answered = child.lines.filter((line) => line.startsWith("committed "));

    const world = await createSqliteWorld({ path, accounts: OUTBOX_ACCOUNTS });
    const read: StoredEvent[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await world.repository.eventsSince(cursor, 7);
      if (page.events.length === 0) break;
      read.push(...page.events);
      cursor = page.cursor;
    }
    const cursors = read.map((e) => Number(e.cursor));
    expect(cursors).toEqual([...cursors].sort((a, b) => a - b));
    expect(new Set(cursors).size).toBe(cursors.length);

    const steps = read.map(stepOf);
    // The loop's updates, in order, each once: step 0, 1, 2, ... with no gap and no repeat.
    expect(steps).toEqual(steps.map((_, i) => i));
    expect(steps.length).toBeGreaterThanOrEqual(answered.length);
    for (const number of OUTBOX_NUMBERS) {
      const stored = await world.repository.get(number);
      const mine = read.filter((e) => (e.event as NumberEvent).number === number);
      // Revision 1 is the seed; each committed update is one event with the next revision.
      expect(mine.map((e) => (e.event as NumberEvent).revision)).toEqual(mine.map((_, i) => i + 2));
      expect(stored?.revision).toBe(mine.length + 1);
      expect(stored?.record.public["step"]).toBe(
        mine.length === 0 ? undefined : stepOf(mine.at(-1)!),
      );
    }
    world.close();
  }, 300_000);
});
