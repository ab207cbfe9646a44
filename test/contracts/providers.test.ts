import { describe } from "vitest";
import {
  accountDirectoryContract,
  e911Contract,
  phonebookContract,
  tokenStoreContract,
} from "../../src/testing/index.js";
import {
  accountsFixture,
  e911Fixture,
  phonebookFixture,
  tokensFixture,
} from "./provider-fixtures.js";
import { registerCases } from "./register-cases.js";

describe("MemoryPhonebook", () => {
  registerCases(phonebookContract({ make: () => phonebookFixture() }));
});

describe("SimulatedE911", () => {
  registerCases(e911Contract({ make: () => e911Fixture() }));
});

describe("MemoryAccountDirectory", () => {
  registerCases(accountDirectoryContract({ make: () => accountsFixture() }));
});

describe("MemoryTokenStore", () => {
  registerCases(tokenStoreContract({ make: () => tokensFixture() }));
});
