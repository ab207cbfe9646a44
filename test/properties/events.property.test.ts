import fc from "fast-check";
import { applyPatches, enablePatches, type Patch } from "immer";
import { describe, expect, it } from "vitest";
import type { MemoryWorld } from "../../src/compose/memory-world.js";
import { isNumberEvent, type NumberEvent } from "../../src/domain/events.js";
import type { JsonObject } from "../../src/domain/json.js";
import { toDocument } from "../../src/domain/record.js";
import { built, NUMBERS, perform, story } from "../support/event-story.js";

enablePatches();

/** The stored document of every number of the story, or null when it has no record. */
async function documents(world: MemoryWorld): Promise<Map<string, JsonObject | null>> {
  const out = new Map<string, JsonObject | null>();
  for (const n of NUMBERS) {
    const record = await world.engine.inspect(n);
    out.set(n, record === undefined ? null : toDocument(record));
  }
  return out;
}

/** Every event of the outbox from the start, read `pageSize` at a time. */
async function outbox(world: MemoryWorld, pageSize: number): Promise<NumberEvent[]> {
  const events: NumberEvent[] = [];
  for (let cursor: string | undefined; ;) {
    const page = await world.engine.events.since(cursor, pageSize);
    events.push(...page.events.map((e) => e.event).filter(isNumberEvent));
    if (page.events.length === 0) return events;
    cursor = page.cursor;
  }
}

const silent = (state: unknown): boolean => state === null || state === "discovery";

describe("events (property): the outbox is the history of committed changes", () => {
  it("holds one event per change, chaining per number, whose patches rebuild each stored record, and a subscriber sees the same", async () => {
    await fc.assert(
      fc.asyncProperty(story, async (s) => {
        const world = await built(s);
        const seen: NumberEvent[] = [];
        world.engine.events.subscribe((event) => {
          seen.push(event);
        });
        let before = await documents(world);
        let read = 0;
        for (const o of s.operations) {
          const revisions = new Map<string, number | undefined>();
          for (const n of NUMBERS) revisions.set(n, (await world.repository.get(n))?.revision);
          await perform(world, o);
          const after = await documents(world);
          const all = await outbox(world, s.pageSize);
          const fresh = all.slice(read);
          read = all.length;
          for (const n of NUMBERS) {
            const mine = fresh.filter((e) => e.number === n);
            const doc = (d: JsonObject | null | undefined): JsonObject | null => d ?? null;
            if (mine.length === 0) {
              // Only offers appear and vanish silently; anything else changed must have emitted.
              if (!(
                silent(before.get(n)?.["state"] ?? null) && silent(after.get(n)?.["state"] ?? null)
              ))
                expect(after.get(n), `${n} changed with no event`).toEqual(before.get(n));
              continue;
            }
            let rebuilt: JsonObject | null = doc(before.get(n));
            let state = rebuilt === null ? null : rebuilt["state"];
            let owner = rebuilt?.["assigned_to"] ?? null;
            for (const e of mine) {
              expect([e.from, e.owner_before]).toEqual([state, owner]);
              expect(e.timestamp).toBe(world.clock.now());
              rebuilt = applyPatches(rebuilt as JsonObject, e.patches as Patch[]);
              state = e.to;
              owner = e.owner_after;
              expect(rebuilt === null ? null : rebuilt["state"]).toBe(e.to);
              expect(rebuilt?.["assigned_to"] ?? null).toBe(e.owner_after);
            }
            expect(rebuilt).toEqual(doc(after.get(n)));
            const stored = await world.repository.get(n);
            if (stored !== undefined) expect(mine.at(-1)?.revision).toBe(stored.revision);
            expect(mine.at(-1)?.revision).not.toBe(revisions.get(n));
          }
          before = after;
        }
        await world.engine.events.settled();
        expect(seen).toEqual(await outbox(world, s.pageSize));
      }),
      { numRuns: 150 },
    );
  });

  it("gives the same answers and the same store when subscribers throw, reject or never settle", async () => {
    await fc.assert(
      fc.asyncProperty(story, async (s) => {
        const quiet = await built(s);
        const reported: unknown[] = [];
        const noisy = await built(s, (error) => reported.push(error));
        noisy.engine.events.subscribe(() => {
          throw new Error("thrown");
        });
        noisy.engine.events.subscribe(() => Promise.reject(new Error("rejected")));
        noisy.engine.events.subscribe(() => new Promise<void>(() => undefined));
        for (const o of s.operations) {
          expect(await perform(noisy, o)).toEqual(await perform(quiet, o));
        }
        expect(await documents(noisy)).toEqual(await documents(quiet));
        const events = await outbox(quiet, 100);
        expect(await outbox(noisy, 100)).toEqual(events);
        await new Promise((resolve) => setImmediate(resolve));
        expect(reported.length).toBe(events.length === 0 ? 0 : 2 * events.length);
      }),
      { numRuns: 100 },
    );
  });
});
