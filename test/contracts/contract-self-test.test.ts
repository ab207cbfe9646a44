import { describe, expect, it } from "vitest";
import {
  accountDirectoryContract,
  carrierContract,
  e911Contract,
  phonebookContract,
  repositoryContract,
  tokenStoreContract,
  type ContractCase,
} from "../../src/testing/index.js";
import { MemoryNumberRepository } from "../../src/adapters/memory/memory-repository.js";
import { BROKEN_REPOSITORIES, type Mutant } from "./broken-repositories.js";
import {
  BROKEN_ACCOUNTS,
  BROKEN_CARRIERS,
  BROKEN_E911,
  BROKEN_PHONEBOOKS,
  BROKEN_TOKENS,
  carrierSubject,
} from "./broken-ports.js";
import {
  accountsFixture,
  e911Fixture,
  phonebookFixture,
  tokensFixture,
} from "./provider-fixtures.js";

/** The ids of the cases that fail (skipped cases are not run). */
async function failingCases(cases: readonly ContractCase[]): Promise<string[]> {
  const failed: string[] = [];
  for (const contractCase of cases) {
    if (contractCase.skip !== undefined) continue;
    await contractCase.run().catch(() => failed.push(contractCase.id));
  }
  return failed;
}

/** Proves a suite passes a healthy adapter, fails each broken one, and has no case that cannot fail. */
function selfTest<S, K extends string>(
  port: string,
  contract: (subject: S) => ContractCase[],
  healthy: S,
  mutants: readonly Mutant<S, K>[],
): void {
  describe(`the ${port} contract`, () => {
    it(`passes a healthy ${port}`, async () => {
      expect(await failingCases(contract(healthy))).toEqual([]);
    });

    for (const mutant of mutants) {
      it(`fails a ${port} that ${mutant.flaw}`, async () => {
        const failed = await failingCases(contract(mutant.subject));

        expect(mutant.breaks.filter((id) => !failed.includes(id))).toEqual([]);
      });
    }

    it("has no case that every broken adapter passes", () => {
      const caught = new Set(mutants.flatMap((mutant) => mutant.breaks));

      const ids = contract(healthy).map((contractCase) => contractCase.id);

      expect(ids.filter((id) => !caught.has(id as K))).toEqual([]);
    });
  });
}

selfTest(
  "repository",
  (make) => repositoryContract(make),
  () => new MemoryNumberRepository(),
  BROKEN_REPOSITORIES,
);
selfTest("carrier", carrierContract, carrierSubject(), BROKEN_CARRIERS);
selfTest("phonebook", phonebookContract, { make: () => phonebookFixture() }, BROKEN_PHONEBOOKS);
selfTest("E911 provider", e911Contract, { make: () => e911Fixture() }, BROKEN_E911);
selfTest(
  "account directory",
  accountDirectoryContract,
  { make: () => accountsFixture() },
  BROKEN_ACCOUNTS,
);
selfTest("token store", tokenStoreContract, { make: () => tokensFixture() }, BROKEN_TOKENS);
