import { it } from "vitest";
import type { ContractCase } from "../../src/testing/index.js";

/** Registers a shipped suite's cases with vitest; a skipped case shows its reason in its name. */
export function registerCases(cases: readonly ContractCase[]): void {
  for (const contractCase of cases) {
    if (contractCase.skip === undefined) it(contractCase.name, contractCase.run);
    else it.skip(`${contractCase.name} (skipped: ${contractCase.skip})`, contractCase.run);
  }
}
