import { describe, it } from "vitest";
import { accountDirectoryContract, repositoryContract } from "../../src/testing/index.js";
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
        await accounts.save([
          {
            id: "root",
            tree: [],
            superduperAdmin: true,
            allowAdditions: true,
            reseller: true,
            enabled: true,
          },
          {
            id: "child",
            tree: ["root"],
            superduperAdmin: false,
            allowAdditions: false,
            reseller: true,
            enabled: true,
          },
          {
            id: "grandchild",
            tree: ["root", "child"],
            superduperAdmin: false,
            allowAdditions: false,
            reseller: false,
            enabled: false,
          },
        ]);
        return { directory: accounts, chain: ["root", "child", "grandchild"], unknown: "nobody" };
      },
    }),
  );
});

it("PostgresNumberRepository answers every sequence of right and wrong writes, deletes and listings like a plain map", () =>
  checkAgainstModel(async () => (await db.freshStore()).repository, 25));
