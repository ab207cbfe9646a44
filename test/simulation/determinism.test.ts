import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MemoryNumberRepository } from "../../src/adapters/memory/memory-repository.js";
import { NUMBER_STATES } from "../../src/domain/states.js";
import { simulate } from "../../src/simulation/simulate.js";
import { SMALL, traced, unrevised, unrevisedSqliteTrace } from "./support.js";

describe("simulate: determinism", () => {
  it("writes the same trace, byte for byte, for the same seed, sizes and profile", async () => {
    const first = await traced(SMALL);
    const second = await traced(SMALL);
    expect(first.lines.length).toBeGreaterThan(100);
    expect(second.lines.join("")).toBe(first.lines.join(""));
    expect(second.summary.edges).toEqual(first.summary.edges);
  });

  it("writes a different run for another seed", async () => {
    const first = await traced(SMALL);
    const other = await traced({ ...SMALL, seed: "other" });
    expect(other.lines.join("")).not.toBe(first.lines.join(""));
  });

  it("starts the trace with the seed, the settings and the whole profile", async () => {
    const { lines } = await traced(SMALL);
    const header = JSON.parse(lines[0]!);
    expect(header).toMatchObject({
      format: "number-lifecycle-trace",
      version: 1,
      seed: "small",
      settings: { accounts: 8, numbers: 600, days: 6 },
      profile: { name: "default" },
    });
    const step = JSON.parse(lines[1]!);
    expect(Object.keys(step)).toEqual(["step", "at", "request", "answer", "events"]);
  });

  it("property: for any seed, the run is reproducible, the summary's states are the store's, and every event takes an edge of the machine", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 8 }),
        fc.integer({ min: 2, max: 6 }),
        async (seed, accounts) => {
          const repository = new MemoryNumberRepository();
          const options = { seed, accounts, numbers: 150, days: 3 };
          const lines: string[] = [];
          const summary = await simulate({ ...options, repository, trace: (l) => lines.push(l) });
          const again: string[] = [];
          await simulate({ ...options, trace: (l) => again.push(l) });
          expect(again.join("")).toBe(lines.join(""));
          expect(summary.offMachine).toEqual({});
          for (const state of NUMBER_STATES) {
            const stored = await repository.listByState(state, { limit: 10_000 });
            expect(summary.states[state], state).toBe(stored.length);
          }
        },
      ),
      { numRuns: 8 },
    );
  });
});

describe("simulate: the outbox", () => {
  it("stops the run when the outbox dropped events it had not read (the counts would be wrong)", async () => {
    const repository = new MemoryNumberRepository({ keepEvents: true, eventCapacity: 1 });
    await expect(simulate({ ...SMALL, repository })).rejects.toThrow(
      /the outbox lost \d+ unread events/,
    );
  });
});

describe("simulate: on SQLite", () => {
  it("writes the same trace on a SQLite store as on memory, but for the revisions each store assigns", async () => {
    const memory = await traced(SMALL);
    expect(await unrevisedSqliteTrace(SMALL)).toBe(unrevised(memory.lines));
  });
});
