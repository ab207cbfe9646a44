import assert from "node:assert/strict";
import type { KeptAnswer, KeyClaim } from "../domain/idempotency.js";
import { RevisionConflictError } from "../ports/repository.js";
import type { CaseDefinition } from "./contract-case.js";
import { described, failureOf } from "./assertions.js";
import { aRecord, assertStored, putRecord } from "./repository-fixtures.js";
import type { RepositoryFactory } from "./repository-writes.js";

/** The idempotency-key cases of the repository contract (extensions.md X2). */
export type RepositoryKeyCase = "keyClaims" | "keptAnswers" | "purgeKeys";

const T0 = 63_640_000_000;
const A = "+14155550100";

const aClaim = (overrides: Partial<KeyClaim> = {}): KeyClaim => ({
  account: "acme",
  key: "order-1",
  fingerprint: "f1",
  now: T0,
  leaseUntil: T0 + 300,
  ...overrides,
});

const anAnswer = (overrides: Partial<KeptAnswer> = {}): KeptAnswer => ({
  account: "acme",
  key: "order-1",
  fingerprint: "f1",
  status: 200,
  response: '{"body":{"data":{"id":"+14155550100"}},"headers":{}}',
  expires: T0 + 86_400,
  ...overrides,
});

/** Cases on claiming keys, keeping answers with writes, and forgetting them. */
export function repositoryKeyCases(make: RepositoryFactory): CaseDefinition<RepositoryKeyCase>[] {
  return [
    {
      id: "keyClaims",
      name: "a key is claimed once per account until its claim is released or its lease ends",
      run: async () => {
        const repository = await make();
        const first = await repository.claimKey(aClaim());
        assert.equal(first.kind, "claimed", "the first claim of a free key");
        assert.deepEqual(
          await repository.claimKey(aClaim({ fingerprint: "f2", now: T0 + 10 })),
          { kind: "in_flight", fingerprint: "f1" },
          "a second claim while the first runs",
        );
        const other = await repository.claimKey(aClaim({ account: "globex" }));
        assert.equal(other.kind, "claimed", "the same key of another account is its own");
        await repository.releaseKey("acme", "order-1", "not-the-token");
        assert.equal(
          (await repository.claimKey(aClaim({ now: T0 + 20 }))).kind,
          "in_flight",
          "a release with another token leaves the claim",
        );
        if (first.kind !== "claimed") return;
        await repository.releaseKey("acme", "order-1", first.token);
        const again = await repository.claimKey(aClaim({ now: T0 + 30, leaseUntil: T0 + 330 }));
        assert.equal(again.kind, "claimed", "a released key is free again");
        const late = await repository.claimKey(aClaim({ now: T0 + 330, leaseUntil: T0 + 630 }));
        assert.equal(late.kind, "claimed", "a claim whose lease ended is taken over");
      },
    },
    {
      id: "keptAnswers",
      name: "an answer committed with writes is kept until it expires, and a refused batch keeps none",
      run: async () => {
        const repository = await make();
        const revision = await putRecord(repository, aRecord(A), null);
        await repository.claimKey(aClaim());
        const stale = {
          writes: [
            {
              number: A,
              record: aRecord(A, { state: "reserved" }),
              expected: revision + 1,
              events: [],
            },
          ],
          answers: [anAnswer()],
        };
        const thrown = await failureOf(() => repository.commit(stale));
        assert.ok(thrown instanceof RevisionConflictError, `a stale write: ${described(thrown)}`);
        assert.equal(
          (await repository.claimKey(aClaim({ now: T0 + 1 }))).kind,
          "in_flight",
          "the refused batch kept no answer",
        );
        const reserved = aRecord(A, { state: "reserved", assignedTo: "acme" });
        const [next] = await repository.commit({
          writes: [{ number: A, record: reserved, expected: revision, events: [] }],
          answers: [anAnswer()],
        });
        await assertStored(repository, reserved, next, "the write committed with the answer");
        assert.deepEqual(
          await repository.claimKey(aClaim({ fingerprint: "f9", now: T0 + 86_399 })),
          { kind: "kept", answer: anAnswer() },
          "the kept answer, whatever the new fingerprint",
        );
        await repository.commit({ writes: [], answers: [anAnswer({ key: "order-2" })] });
        assert.equal(
          (await repository.claimKey(aClaim({ key: "order-2", now: T0 + 5 }))).kind,
          "kept",
          "an answer committed without writes is kept too",
        );
        assert.equal(
          (await repository.claimKey(aClaim({ now: T0 + 86_400, leaseUntil: T0 + 86_700 }))).kind,
          "claimed",
          "an expired answer is forgotten",
        );
      },
    },
    {
      id: "purgeKeys",
      name: "purgeKeys forgets exactly the expired answers and the claims whose lease ended",
      run: async () => {
        const repository = await make();
        await repository.commit({
          writes: [],
          answers: [
            anAnswer({ key: "old", expires: T0 + 10 }),
            anAnswer({ key: "new", expires: T0 + 100 }),
          ],
        });
        await repository.claimKey(aClaim({ key: "stuck", leaseUntil: T0 + 10 }));
        await repository.claimKey(aClaim({ key: "running", leaseUntil: T0 + 100 }));
        assert.equal(
          await repository.purgeKeys(T0 + 10),
          2,
          "one expired answer and one ended claim",
        );
        const at = (key: string) =>
          repository.claimKey(aClaim({ key, now: T0 + 11, leaseUntil: T0 + 11 }));
        assert.equal((await at("new")).kind, "kept", "the live answer stays");
        assert.equal((await at("running")).kind, "in_flight", "the live claim stays");
        assert.equal((await at("old")).kind, "claimed", "the purged answer is gone");
        assert.equal(await repository.purgeKeys(T0 + 10), 0, "purging again forgets nothing");
      },
    },
  ];
}
