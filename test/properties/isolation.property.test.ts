import fc from "fast-check";
import { describe, it } from "vitest";
import { checkIsolation, isolationScenario } from "../checks/isolation.js";

describe("an account outside a number's hierarchy (property d)", () => {
  it("can neither read nor change the number, except a pool number (states.md §11 note 2, D9)", async () => {
    await fc.assert(
      fc.asyncProperty(isolationScenario, (s) => checkIsolation(s)),
      {
        numRuns: 400,
      },
    );
  });
});
