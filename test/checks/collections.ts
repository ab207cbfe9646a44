/**
 * The collection check: a collection pass whose commit fails writes nothing and fails every
 * number that had something to write. Shared by the fault tests and the acceptance tests.
 */
import { expect } from "vitest";
import { LocalCarrier } from "../../src/adapters/carriers/local.js";
import { MemoryAccountDirectory } from "../../src/adapters/memory/memory-accounts.js";
import { ManualClock } from "../../src/adapters/memory/manual-clock.js";
import { MemoryNumberRepository } from "../../src/adapters/memory/memory-repository.js";
import { makeRecord } from "../../src/domain/record.js";
import { NumberEngine } from "../../src/engine/engine.js";
import type { CommitBatch } from "../../src/ports/repository.js";
import { putRecord } from "../../src/testing/repository-fixtures.js";
import { STANDARD_TREE } from "../support/accounts.js";
import { wrapRepository } from "../support/repositories.js";
import { snapshot } from "../support/world.js";

const NOW = 63_640_000_000;
/** The numbers the check activates together. */
export const COLLECTION = ["+14155550100", "+14155550101", "+14155550102"];

/** How a store under test commits a batch of several writes that it then reports as failed. */
export type FailingCommit = (inner: MemoryNumberRepository, batch: CommitBatch) => Promise<never>;

/** A store that refuses a batch of several writes as a whole, the way the port requires. */
export const refuseWhole: FailingCommit = () => Promise.reject(new Error("disk full"));

/**
 * Bulk-activates COLLECTION on a store whose commit of several writes goes through `failing`,
 * and checks the pass: every number fails with database_error and no record changed.
 */
export async function checkCollectionCommitAtomic(failing: FailingCommit): Promise<void> {
  const inner = new MemoryNumberRepository();
  for (const number of COLLECTION) {
    await putRecord(inner, makeRecord({ number, state: "available", now: NOW }), null);
  }
  const repository = wrapRepository(inner, {
    commit: (batch) => (batch.writes.length > 1 ? failing(inner, batch) : inner.commit(batch)),
  });
  const engine = new NumberEngine({
    repository,
    accounts: new MemoryAccountDirectory(STANDARD_TREE),
    clock: new ManualClock(NOW),
    carriers: [new LocalCarrier(inner)],
  });
  const before = await snapshot(inner);

  const result = await engine.activateMany({
    numbers: COLLECTION,
    account: "acme_sales",
    requester: "acme",
  });

  expect(result.ok && [...result.value.failed.keys()]).toEqual(COLLECTION);
  expect(result.ok && [...result.value.failed.values()][0]).toEqual({
    reason: "database_error",
    cause: "disk full",
  });
  expect(await snapshot(inner), "a failed collection commit wrote some numbers").toEqual(before);
}
