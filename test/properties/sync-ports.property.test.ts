import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MemoryAccountDirectory } from "../../src/adapters/memory/memory-accounts.js";
import { MemoryNumberRepository } from "../../src/adapters/memory/memory-repository.js";
import { MemoryTokenStore } from "../../src/adapters/memory/memory-tokens.js";
import { createMemoryWorld, type MemoryWorld } from "../../src/compose/memory-world.js";
import { composeWorld, type World } from "../../src/compose/world.js";
import type { AccountDirectory } from "../../src/ports/accounts.js";
import type { PortRequestRepository } from "../../src/ports/port-requests.js";
import { STANDARD_TREE } from "../support/accounts.js";
import { NUMBERS, OFFERS, perform, story, type Story } from "../support/event-story.js";
import { wrapRepository } from "../support/repositories.js";

/** `call`'s answer on a later microtask: a port that always answers with a promise. */
const later = <T>(call: () => T | Promise<T>): Promise<T> => Promise.resolve().then(call);

/**
 * The story's world over the same in-memory stores, but with every port the engine reads
 * through (numbers, accounts, port requests) answering with a promise, as a durable store does.
 */
async function promisedWorld(s: Story): Promise<World> {
  const inner = new MemoryNumberRepository();
  const directory = new MemoryAccountDirectory(STANDARD_TREE);
  const accounts: AccountDirectory = { get: (id) => later(() => directory.get(id)) };
  const portRequests: PortRequestRepository = {
    getPortRequest: (id) => inner.portRequests.getPortRequest(id),
    findPortRequests: (query) => later(() => inner.portRequests.findPortRequests(query)),
  };
  return composeWorld(
    {
      accounts: STANDARD_TREE,
      numbers: s.numbers,
      inventory: OFFERS.map((n) => ({ number: n })),
      config: s.config,
    },
    {
      repository: wrapRepository(inner, {
        get: (number) => later(() => inner.get(number)),
        getMany: (numbers) => later(() => inner.getMany(numbers)),
        commit: (batch) => later(() => inner.commit(batch)),
      }),
      accounts,
      tokens: new MemoryTokenStore([]),
      portRequests,
      seedNumbers: true,
    },
  );
}

/** Every number's stored record and revision. */
async function stored(world: World): Promise<unknown[]> {
  return Promise.all(NUMBERS.map(async (n) => (await world.repository.get(n)) ?? null));
}

describe("ports that answer synchronously (property)", () => {
  it("give the same answers, records, revisions and events as ports that answer with promises", async () => {
    await fc.assert(
      fc.asyncProperty(story, async (s) => {
        const sync = await createMemoryWorld({
          accounts: STANDARD_TREE,
          numbers: s.numbers,
          inventory: OFFERS.map((n) => ({ number: n })),
          config: s.config,
        });
        const promised = await promisedWorld(s);
        for (const o of s.operations) {
          const answer = await perform(promised as MemoryWorld, o);
          expect(await perform(sync, o)).toEqual(answer);
        }
        expect(await stored(sync)).toEqual(await stored(promised));
        const events = async (world: World) =>
          (await world.engine.events.since(undefined, 1000)).events;
        expect(await events(sync)).toEqual(await events(promised));
      }),
      { numRuns: 150 },
    );
  });
});
