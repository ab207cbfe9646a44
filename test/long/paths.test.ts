import { describe, expect, it } from "vitest";
import type { WorldStore } from "../../src/compose/stores.js";
import { driveAllPaths, PATH_CONFIGS } from "../checks/machine-paths.js";
import { count, report } from "./counts.js";

/** The longest path: small in `npm test` (test/machine drives up to four), six in test:long. */
const LENGTH = count("LONG_PATH_LENGTH", 2);
const STORES: readonly WorldStore[] = ["memory", "sqlite"];

describe(`every machine path up to ${LENGTH} events on memory and SQLite`, () => {
  for (const store of STORES) {
    it(`drives each path through the engine on the ${store} store`, async () => {
      let paths = 0;
      let calls = 0;
      for (const config of PATH_CONFIGS) {
        const driven = await driveAllPaths(store, config, LENGTH);
        paths += driven.paths;
        calls += driven.calls;
      }
      report(`paths-${store}`, { length: LENGTH, paths, engine_calls: calls, violations: 0 });

      expect(paths).toBeGreaterThan(PATH_CONFIGS.length);
    });
  }
});
