import { describe, expect, it } from "vitest";
import { MemoryAccountDirectory } from "../../../src/adapters/memory/memory-accounts.js";
import { MemoryNumberRepository } from "../../../src/adapters/memory/memory-repository.js";
import { ManualClock } from "../../../src/adapters/memory/manual-clock.js";
import { NumberEngine } from "../../../src/engine/engine.js";
import type { NumberRepository } from "../../../src/ports/repository.js";
import { STANDARD_TREE } from "../../support/accounts.js";

const NUMBER = "+14155550100";

/** A repository whose reads fail, as a database that went away would. */
function unreachable(): NumberRepository {
  const inner = new MemoryNumberRepository();
  return Object.assign(Object.create(inner) as NumberRepository, {
    get: () => Promise.reject(new Error("connection refused")),
  });
}

const engineOver = (repository: NumberRepository): NumberEngine =>
  new NumberEngine({
    repository,
    accounts: new MemoryAccountDirectory(STANDARD_TREE),
    clock: new ManualClock(63_640_000_000),
    carriers: [],
  });

describe("a failing store is an error result, not an exception", () => {
  it("single operations answer database_error with the store's message", async () => {
    const engine = engineOver(unreachable());

    const results = await Promise.all([
      engine.get({ number: NUMBER, requester: "acme" }),
      engine.create({ number: NUMBER, account: "acme", requester: "acme" }),
      engine.reserve({ number: NUMBER, account: "acme", requester: "acme" }),
      engine.release({ number: NUMBER, requester: "acme" }),
      engine.identify({ number: NUMBER, requester: "acme" }),
    ]);

    for (const result of results) {
      expect(result).toEqual({
        ok: false,
        error: { reason: "database_error", cause: "connection refused" },
      });
    }
  });

  it("a bulk operation reports the store's failure per number", async () => {
    const engine = engineOver(unreachable());

    const result = await engine.updateMany({
      numbers: [NUMBER, "+14155550101"],
      requester: "acme",
      patch: { note: "x" },
    });

    expect(result.ok && [...result.value.failed.values()]).toEqual([
      { reason: "database_error", cause: "connection refused" },
      { reason: "database_error", cause: "connection refused" },
    ]);
  });
});
