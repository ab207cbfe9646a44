import { join } from "node:path";
import { describe } from "vitest";
import { SqliteAccountDirectory } from "../../src/adapters/sqlite/sqlite-accounts.js";
import { SqliteNumberRepository } from "../../src/adapters/sqlite/sqlite-repository.js";
import { SqliteTokenStore } from "../../src/adapters/sqlite/sqlite-tokens.js";
import {
  accountDirectoryContract,
  portRequestContract,
  repositoryContract,
  tokenStoreContract,
} from "../../src/testing/index.js";
import { sqliteOpener, tempFolder } from "../support/sqlite.js";

const open = sqliteOpener();
import { KNOWN_TOKENS } from "./provider-fixtures.js";
import { registerCases } from "./register-cases.js";

describe("SqliteNumberRepository in memory", () => {
  registerCases(repositoryContract(() => new SqliteNumberRepository(open().db)));
});

describe("SqliteNumberRepository on a file in WAL mode", () => {
  const folder = tempFolder();
  let files = 0;
  registerCases(
    repositoryContract(
      () => {
        const database = open(join(folder, `contract-${files++}.db`), { synchronous: "NORMAL" });
        return new SqliteNumberRepository(database.db);
      },
      { seed: 7 },
    ),
  );
});

describe("SqliteAccountDirectory", () => {
  registerCases(
    accountDirectoryContract({
      make: () => {
        const directory = new SqliteAccountDirectory(open().db);
        directory.put([
          { id: "grandchild", parent: "child" },
          { id: "root", master: true, reseller: true },
          { id: "child", parent: "root", allowAdditions: true },
          { id: "sibling", parent: "root" },
        ]);
        return { directory, chain: ["root", "child", "grandchild"], unknown: "nobody" };
      },
    }),
  );
});

describe("SqliteTokenStore", () => {
  registerCases(
    tokenStoreContract({
      make: () => {
        const store = new SqliteTokenStore(open().db);
        store.put(KNOWN_TOKENS);
        return { store, known: KNOWN_TOKENS };
      },
    }),
  );
});

describe("SqliteNumberRepository's port requests", () => {
  registerCases(
    portRequestContract(() => {
      const repository = new SqliteNumberRepository(open().db);
      return { numbers: repository, requests: repository.portRequests };
    }),
  );
});
