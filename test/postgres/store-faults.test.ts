import { describe, expect, it } from "vitest";
import { report } from "../long/counts.js";
import { STORE_FAULT_ROWS } from "../checks/store-fault-rows.js";
import { checkStoreFaultMatrix } from "../checks/store-faults.js";
import { faultyPostgresWorlds } from "../support/faulty-stores.js";
import { testDatabase } from "../support/postgres.js";

const database = testDatabase();
const make = faultyPostgresWorlds(database.pool, database.freshSchema);

describe("store fault matrix on PostgreSQL: each query of each operation (BEGIN and COMMIT included) fails in turn", () => {
  for (const row of STORE_FAULT_ROWS) {
    it(row.name, async () => {
      const figures = await checkStoreFaultMatrix(make, row);
      report("store-faults-postgres", {
        row: row.name,
        calls: figures.calls,
        faults: figures.faults,
        sequence: `[${figures.sequence.join(" > ")}]`,
      });

      expect(figures.calls).toBeGreaterThan(0);
    });
  }
});
