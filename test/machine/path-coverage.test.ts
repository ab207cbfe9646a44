import { describe, expect, it } from "vitest";
import { createMemoryWorld } from "../../src/compose/memory-world.js";
import {
  drivePath,
  machinePaths,
  PATH_CONFIGS,
  PATH_WORLD_OPTIONS,
  worldConfig,
} from "../checks/machine-paths.js";

/** The longest path driven: every simple path of the model up to this many events. */
const MAX_LENGTH = 4;

describe("every machine path up to four events, driven through the engine on the memory store", () => {
  for (const config of PATH_CONFIGS) {
    it(`under ${JSON.stringify(config)}`, async () => {
      const paths = machinePaths(config, MAX_LENGTH);
      let calls = 0;
      for (const path of paths) {
        const world = await createMemoryWorld({
          ...PATH_WORLD_OPTIONS,
          config: worldConfig(config),
        });
        calls += await drivePath(
          { engine: world.engine, advance: (s) => world.clock.advance(s) },
          config,
          path.events,
        );
      }

      expect(paths.length).toBeGreaterThan(10);
      expect(new Set(paths.map((p) => p.end.state)).size).toBeGreaterThan(3);
      process.stdout.write(`paths ${paths.length}, engine calls ${calls}\n`);
    });
  }

  // port_in is only ever a new record's state: no machine event leads there from discovery.
  it("reaches every state the machine can reach from discovery, and each one twice or more", () => {
    const ends = PATH_CONFIGS.flatMap((config) => machinePaths(config, MAX_LENGTH)).map((path) =>
      path.end.removed ? "removed" : path.end.state,
    );
    const counts = new Map<string, number>();
    for (const end of ends) counts.set(end, (counts.get(end) ?? 0) + 1);

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
});
