import { describe, expect, it } from "vitest";
import type { WorldStore } from "../../src/compose/stores.js";
import { driveAllPaths, machinePaths, PATH_CONFIGS } from "../checks/machine-paths.js";

/** The longest path driven on the memory store: every simple path up to this many events. */
const MAX_LENGTH = 4;

/**
 * How long the paths driven on each store are: SQLite drives every path up to three events
 * here (a fresh database per path), and up to LONG_PATH_LENGTH in `npm run test:long`.
 */
const LENGTHS: readonly (readonly [WorldStore, number])[] = [
  ["memory", MAX_LENGTH],
  ["sqlite", 3],
];

for (const [store, length] of LENGTHS) {
  describe(`every machine path up to ${length} events, driven through the engine on the ${store} store`, () => {
    for (const config of PATH_CONFIGS) {
      it(`under ${JSON.stringify(config)}`, async () => {
        const driven = await driveAllPaths(store, config, length);

        expect(driven.paths).toBeGreaterThan(10);
        process.stdout.write(`${store}: paths ${driven.paths}, engine calls ${driven.calls}\n`);
      });
    }
  });
}

// port_in is only ever a new record's state: no machine event leads there from discovery.
describe("the paths driven", () => {
  it("reach every state the machine can reach from discovery, and each one twice or more", () => {
    const ends = PATH_CONFIGS.flatMap((config) => machinePaths(config, MAX_LENGTH));
    const counts = new Map<string, number>();
    for (const { end } of ends) {
      const reached = end.removed ? "removed" : end.state;
      counts.set(reached, (counts.get(reached) ?? 0) + 1);
    }

    expect([...counts.keys()].sort()).toEqual([
      "aging",
      "available",
      "deleted",
      "discovery",
      "in_service",
      "released",
      "removed",
      "reserved",
    ]);
    expect(Math.min(...counts.values())).toBeGreaterThan(1);
  });

  it("on SQLite include every state the memory paths end in", () => {
    const ends = (length: number): string[] =>
      [
        ...new Set(
          PATH_CONFIGS.flatMap((c) => machinePaths(c, length)).map(({ end }) =>
            end.removed ? "removed" : end.state,
          ),
        ),
      ].sort();

    expect(ends(3)).toEqual(ends(MAX_LENGTH));
  });
});
