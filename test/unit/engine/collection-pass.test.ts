import { describe, expect, it } from "vitest";
import { LocalCarrier } from "../../../src/adapters/carriers/local.js";
import { MemoryAccountDirectory } from "../../../src/adapters/memory/memory-accounts.js";
import { ManualClock } from "../../../src/adapters/memory/manual-clock.js";
import { MemoryNumberRepository } from "../../../src/adapters/memory/memory-repository.js";
import { makeRecord } from "../../../src/domain/record.js";
import { NumberEngine } from "../../../src/engine/engine.js";
import type { Account } from "../../../src/domain/accounts.js";
import type { AccountDirectory } from "../../../src/ports/accounts.js";
import type { CommitBatch, NumberRepository } from "../../../src/ports/repository.js";
import { putRecord } from "../../../src/testing/repository-fixtures.js";
import { STANDARD_TREE } from "../../support/accounts.js";
import { wrapRepository } from "../../support/repositories.js";

const NOW = 63_640_000_000;
const NUMBERS = ["+14155550100", "+14155550101", "+14155550102"];

/** A memory repository that records each commit's numbers and may act just before one. */
function spiedRepository(beforeCommit?: (batch: CommitBatch) => Promise<void>) {
  const inner = new MemoryNumberRepository();
  const commits: string[][] = [];
  const repository = wrapRepository(inner, {
    commit: async (batch) => {
      commits.push(batch.writes.map((w) => w.number));
      await beforeCommit?.(batch);
      return inner.commit(batch);
    },
  });
  return { inner, repository, commits };
}

async function engineOver(
  repository: NumberRepository,
  inner: MemoryNumberRepository,
  accounts: AccountDirectory = new MemoryAccountDirectory(STANDARD_TREE),
) {
  for (const number of NUMBERS) {
    await putRecord(inner, makeRecord({ number, state: "available", now: NOW }), null);
  }
  return new NumberEngine({
    repository,
    accounts,
    clock: new ManualClock(NOW),
    carriers: [new LocalCarrier(inner)],
  });
}

describe("a collection pass commits its numbers together (collections.md §2)", () => {
  it("writes every number of a collection activate in one commit, in request order", async () => {
    const { inner, repository, commits } = spiedRepository();
    const engine = await engineOver(repository, inner);

    const result = await engine.activateMany({
      numbers: [...NUMBERS].reverse(),
      account: "acme_sales",
      requester: "acme",
    });

    expect(result.ok && [...result.value.succeeded.keys()]).toEqual([...NUMBERS].reverse());
    expect(commits).toEqual([[...NUMBERS].reverse()]);
    for (const number of NUMBERS)
      expect((await inner.get(number))?.record.state).toBe("in_service");
  });

  it("decides a number again on its own when another writer changed it before the pass committed", async () => {
    const [first, raced, last] = NUMBERS as [string, string, string];
    let raceRun = false;
    const { inner, repository, commits } = spiedRepository(async (batch) => {
      if (raceRun || batch.writes.length < 2) return;
      raceRun = true;
      const stored = await inner.get(raced);
      const taken = makeRecord({
        number: raced,
        state: "in_service",
        now: NOW,
        assignedTo: "globex_ops",
      });
      await putRecord(inner, taken, stored?.revision ?? null);
    });
    const engine = await engineOver(repository, inner);

    const result = await engine.activateMany({
      numbers: NUMBERS,
      account: "acme_sales",
      requester: "acme",
    });

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect([...result.value.succeeded.keys()]).toEqual([first, last]);
    expect(result.value.failed.get(raced)).toEqual({ reason: "unauthorized" });
    expect(commits).toEqual([NUMBERS, [first, last]]);
    expect((await inner.get(raced))?.record.assignedTo).toBe("globex_ops");
    expect((await inner.get(first))?.record.assignedTo).toBe("acme_sales");
  });

  it("fails exactly the numbers that had something to write when the store refuses the commit", async () => {
    const { inner, repository } = spiedRepository((batch) =>
      batch.writes.length > 1 ? Promise.reject(new Error("disk full")) : Promise.resolve(),
    );
    const engine = await engineOver(repository, inner);
    const before = await Promise.all(NUMBERS.map(async (n) => inner.get(n)));

    const result = await engine.activateMany({
      numbers: [...NUMBERS, "+15555"],
      account: "acme_sales",
      requester: "acme",
      acceptCharges: true,
    });

    expect(
      result.ok && Object.fromEntries([...result.value.failed].map(([n, e]) => [n, e.reason])),
    ).toEqual({
      "+14155550100": "database_error",
      "+14155550101": "database_error",
      "+14155550102": "database_error",
      "+15555": "not_reconcilable",
    });
    expect(await Promise.all(NUMBERS.map(async (n) => inner.get(n)))).toEqual(before);
  });

  it("reads each account once for the whole request, not once per number and pass", async () => {
    const { inner, repository } = spiedRepository();
    const reads: string[] = [];
    const directory = new MemoryAccountDirectory(STANDARD_TREE);
    const accounts: AccountDirectory = {
      get: (id) => {
        reads.push(id);
        return directory.get(id);
      },
    };
    const engine = await engineOver(repository, inner, accounts);

    const result = await engine.activateMany({
      numbers: NUMBERS,
      account: "acme_sales",
      requester: "acme",
    });

    expect(result.ok && result.value.succeeded.size).toBe(NUMBERS.length);
    expect(reads.toSorted()).toEqual(["acme", "acme_sales", "root"]);
  });

  it("keeps no half-read accounts: a number whose account read failed fails alone, the next reads again", async () => {
    const { inner, repository } = spiedRepository();
    const directory = new MemoryAccountDirectory(STANDARD_TREE);
    let rootReads = 0;
    const accounts: AccountDirectory = {
      get: (id): Promise<Account | undefined> => {
        // The first read of the root (an ancestor of both accounts) fails.
        if (id === "root" && ++rootReads === 1) return Promise.reject(new Error("directory down"));
        return Promise.resolve(directory.get(id));
      },
    };
    const engine = await engineOver(repository, inner, accounts);

    const result = await engine.activateMany({
      numbers: NUMBERS,
      account: "acme_sales",
      requester: "acme",
      acceptCharges: true,
    });

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.failed.get(NUMBERS[0] as string)).toEqual({
      reason: "database_error",
      cause: "directory down",
    });
    expect([...result.value.succeeded.keys()]).toEqual(NUMBERS.slice(1));
    expect(rootReads).toBe(2);
    for (const number of NUMBERS.slice(1))
      expect((await inner.get(number))?.record.assignedTo).toBe("acme_sales");
  });
});
