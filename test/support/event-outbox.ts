// A fixed story of operations and an outbox reader, shared by the stores' event tests.
import { expect } from "vitest";
import type { ManualClock } from "../../src/adapters/memory/manual-clock.js";
import { isNumberEvent, type NumberEvent } from "../../src/domain/events.js";
import type { NumberEngine } from "../../src/engine/engine.js";

/** The numbers the story touches. */
export const STORY_NUMBERS = ["+14155550100", "+14155550101", "+14155550102"] as const;

/** The operations the story's events name, in order. */
export const STORY_OPERATIONS = [
  "create",
  "create",
  "create",
  "reserve",
  "activate",
  "update",
  "release",
  "delete",
];

/** Creates, reserves, buys, updates, releases and hard-deletes numbers (standard account tree). */
export async function eventStory(engine: NumberEngine, clock: ManualClock): Promise<void> {
  const [a, b, c] = STORY_NUMBERS;
  const must = (result: { ok: boolean }): void => expect(result.ok).toBe(true);
  must(await engine.createMany({ numbers: [a, b, c], account: "acme", requester: "acme" }));
  must(await engine.reserve({ number: a, account: "acme_sales", requester: "acme" }));
  must(await engine.activate({ number: a, account: "acme_sales", requester: "acme_sales" }));
  clock.advance(60);
  must(
    await engine.update({ number: a, requester: "acme_sales", patch: { routing: { weight: 3 } } }),
  );
  must(await engine.release({ number: b, requester: "acme" }));
  must(await engine.release({ number: c, requester: "root", hard: true }));
}

/** Every event of an engine's outbox after `cursor`, read `size` at a time, and the cursor at the end. */
export async function readOutbox(
  engine: NumberEngine,
  size: number,
  cursor?: string,
): Promise<{ events: NumberEvent[]; cursor: string | undefined }> {
  const events: NumberEvent[] = [];
  for (;;) {
    const page = await engine.events.since(cursor, size);
    if (page.events.length === 0) return { events, cursor };
    events.push(...page.events.map((e) => e.event).filter(isNumberEvent));
    cursor = page.cursor;
  }
}

/** Events as their JSON, without the store-chosen revision (stores number revisions differently). */
export const withoutRevisions = (events: readonly NumberEvent[]): unknown[] =>
  events.map((e) => ({ ...(JSON.parse(JSON.stringify(e)) as object), revision: undefined }));
