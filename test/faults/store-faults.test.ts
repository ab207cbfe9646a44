import { describe, expect, it } from "vitest";
import { STORE_FAULT_ROWS } from "../checks/store-fault-rows.js";
import { checkStoreFaultMatrix, type FaultyWorldMaker } from "../checks/store-faults.js";
import { faultyMemoryWorld, faultySqliteWorld } from "../support/faulty-stores.js";
import { report } from "../long/counts.js";

const STORES: readonly (readonly [string, FaultyWorldMaker, string])[] = [
  ["memory", faultyMemoryWorld, "port call"],
  ["sqlite", faultySqliteWorld, "statement"],
];

for (const [store, make, unit] of STORES) {
  describe(`store fault matrix on ${store}: each ${unit} of each operation fails in turn`, () => {
    for (const row of STORE_FAULT_ROWS) {
      it(row.name, async () => {
        const figures = await checkStoreFaultMatrix(make, row);
        report(`store-faults-${store}`, {
          row: row.name,
          calls: figures.calls,
          faults: figures.faults,
          sequence: `[${figures.sequence.join(" > ")}]`,
        });

        expect(figures.calls).toBeGreaterThan(0);
      });
    }
  });
}
