import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MemoryAccountDirectory } from "../../src/adapters/memory/memory-accounts.js";
import { MemoryNumberRepository } from "../../src/adapters/memory/memory-repository.js";
import { ManualClock } from "../../src/adapters/memory/manual-clock.js";
import { LocalCarrier } from "../../src/adapters/carriers/local.js";
import type { Result } from "../../src/domain/errors.js";
import { makeRecord, type NumberRecord } from "../../src/domain/record.js";
import { NumberEngine } from "../../src/engine/engine.js";
import type { AccountDirectory } from "../../src/ports/accounts.js";
import type { CommitBatch, NumberRepository } from "../../src/ports/repository.js";
import { putRecord } from "../../src/testing/repository-fixtures.js";
import { STANDARD_TREE } from "../support/accounts.js";
import { wrapRepository } from "../support/repositories.js";
import type { Awaitable } from "../../src/ports/awaitable.js";

const NUMBER = "+14155550100";
const NOW = 63_640_000_000;

/** Wraps a port call so that it runs only when the scheduler picks it (reads see the store then). */
const later =
  <A extends unknown[], T>(s: fc.Scheduler, label: string, call: (...args: A) => Awaitable<T>) =>
  (...args: A): Promise<T> =>
    s.schedule(Promise.resolve(label)).then(() => call(...args));

/** A repository whose reads and writes happen in an order the scheduler decides. */
function scheduledRepository(s: fc.Scheduler, inner: NumberRepository): NumberRepository {
  return wrapRepository(inner, {
    get: later(s, "get", (n: string) => inner.get(n)),
    getMany: later(s, "getMany", (n: readonly string[]) => inner.getMany(n)),
    commit: later(s, "commit", (b: CommitBatch) => inner.commit(b)),
  });
}

function scheduledAccounts(s: fc.Scheduler, inner: AccountDirectory): AccountDirectory {
  return { get: later(s, "account", (id: string) => inner.get(id)) };
}

async function poolWith(): Promise<MemoryNumberRepository> {
  const repository = new MemoryNumberRepository();
  await putRecord(
    repository,
    makeRecord({ number: NUMBER, state: "available", now: NOW, features: { local: {} } }),
    null,
  );
  return repository;
}

function engineOver(s: fc.Scheduler, repository: NumberRepository): NumberEngine {
  return new NumberEngine({
    repository: scheduledRepository(s, repository),
    accounts: scheduledAccounts(s, new MemoryAccountDirectory(STANDARD_TREE)),
    clock: new ManualClock(NOW),
    carriers: [new LocalCarrier(repository)],
  });
}

/** Two unrelated accounts reserve the same pool number for themselves. */
const RIVALS = [
  { number: NUMBER, account: "acme_sales", requester: "acme_sales" },
  { number: NUMBER, account: "globex_ops", requester: "globex_ops" },
] as const;

/** Exactly one rival won, the other was refused, and the stored record is the winner's. */
async function expectOneWinner(
  results: readonly Result<NumberRecord>[],
  repository: NumberRepository,
): Promise<void> {
  const winners = results.flatMap((r, i) => (r.ok ? [RIVALS[i]?.account] : []));
  expect(winners).toHaveLength(1);
  const loser = results.find((r) => !r.ok);
  expect(loser?.ok === false && loser.error.reason).toBe("unauthorized");
  expect((await repository.get(NUMBER))?.record).toMatchObject({
    state: "reserved",
    assignedTo: winners[0],
    reserveHistory: [winners[0]],
  });
}

describe("concurrent reserves of one number (STYLE.md habit 5)", () => {
  it("through one engine: exactly one of two rival reserves wins and the record is the winner's", async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), async (s) => {
        const repository = await poolWith();
        const engine = engineOver(s, repository);

        const results = await s.waitFor(Promise.all(RIVALS.map((r) => engine.reserve(r))));

        await expectOneWinner(results, repository);
      }),
      { numRuns: 100 },
    );
  });

  it("through two engines sharing a repository: the loser re-decides and is refused, the record stays the winner's", async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), async (s) => {
        const repository = await poolWith();
        const engines = [engineOver(s, repository), engineOver(s, repository)];

        const results = await s.waitFor(Promise.all(RIVALS.map((r, i) => engines[i]!.reserve(r))));

        await expectOneWinner(results, repository);
      }),
      { numRuns: 100 },
    );
  });
});
