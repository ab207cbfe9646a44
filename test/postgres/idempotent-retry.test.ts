import { describe, expect, it } from "vitest";
import { checkKeyedRetries } from "../checks/keyed-retry.js";
import { faultyPostgresWorlds } from "../support/faulty-stores.js";
import { testDatabase } from "../support/postgres.js";

const database = testDatabase();

describe("retrying a keyed request after a store fault applies it exactly once", () => {
  it("on PostgreSQL, whichever query failed (BEGIN and COMMIT included)", async () => {
    const runs = await checkKeyedRetries(faultyPostgresWorlds(database.pool, database.freshSchema));

    expect(runs).toBeGreaterThan(4);
  });
});
