import { expect, it } from "vitest";
import type { ContractCase } from "../../src/testing/index.js";

/**
 * Registers a shipped suite's cases with vitest. A case the subject declares not applicable
 * still runs, and must fail on that subject: a declaration that no longer holds (the subject
 * grew the capability) fails the test instead of hiding a passing case.
 */
export function registerCases(cases: readonly ContractCase[]): void {
  for (const contractCase of cases) {
    if (contractCase.skip === undefined) it(contractCase.name, contractCase.run);
    else
      it(`${contractCase.name}: does not apply (${contractCase.skip})`, async () => {
        await expect(contractCase.run()).rejects.toThrow();
      });
  }
}
