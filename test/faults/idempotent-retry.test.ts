import { describe, expect, it } from "vitest";
import { checkKeyedRetries } from "../checks/keyed-retry.js";
import { faultyMemoryWorld, faultySqliteWorld } from "../support/faulty-stores.js";

describe("retrying a keyed request after a store fault applies it exactly once", () => {
  it("on memory, whichever port call failed", async () => {
    expect(await checkKeyedRetries(faultyMemoryWorld)).toBeGreaterThan(4);
  });

  it("on SQLite, whichever statement failed (COMMIT included)", async () => {
    expect(await checkKeyedRetries(faultySqliteWorld)).toBeGreaterThan(10);
  });
});
