import { describe, it } from "vitest";
import {
  accountDirectoryContract,
  portRequestContract,
  repositoryContract,
  tokenStoreContract,
} from "../../src/testing/index.js";
import { KNOWN_TOKENS } from "../contracts/provider-fixtures.js";
import { registerCases } from "../contracts/register-cases.js";
import { testDatabase } from "../support/postgres.js";
import { checkAgainstModel } from "../support/repository-model.js";

const db = testDatabase();

describe("PostgresNumberRepository", () => {
  registerCases(repositoryContract(async () => (await db.freshStore()).repository));
});

describe("PostgresNumberRepository under another seed", () => {
  registerCases(repositoryContract(async () => (await db.freshStore()).repository, { seed: 7 }));
});

describe("PostgresAccountDirectory", () => {
  registerCases(
    accountDirectoryContract({
      make: async () => {
        const { accounts } = await db.freshStore();
        await accounts.put([
          { id: "grandchild", parent: "child" },
          { id: "root", master: true, reseller: true },
          { id: "child", parent: "root", allowAdditions: true },
          { id: "sibling", parent: "root" },
        ]);
        return { directory: accounts, chain: ["root", "child", "grandchild"], unknown: "nobody" };
      },
    }),
  );
});

describe("PostgresTokenStore", () => {
  registerCases(
    tokenStoreContract({
      make: async () => {
        const { tokens } = await db.freshStore();
        await tokens.put(KNOWN_TOKENS);
        return { store: tokens, known: KNOWN_TOKENS };
      },
    }),
  );
});

describe("PostgresNumberRepository's port requests", () => {
  registerCases(
    portRequestContract(async () => {
      const { repository } = await db.freshStore();
      return { numbers: repository, requests: repository.portRequests };
    }),
  );
});

it("PostgresNumberRepository answers every sequence of right and wrong writes, deletes and listings like a plain map", () =>
  checkAgainstModel(async () => (await db.freshStore()).repository, 25));
