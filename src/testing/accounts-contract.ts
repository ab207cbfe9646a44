import assert from "node:assert/strict";
import type { AccountDirectory } from "../ports/accounts.js";
import { withSkips, type ContractCase, type SkipReasons } from "./contract-case.js";

/** An account directory set up for the contract. */
export interface AccountDirectoryFixture {
  readonly directory: AccountDirectory;
  /** Three account ids, each the parent of the next: a root, its child and its grandchild. */
  readonly chain: readonly [string, string, string];
  /** An id no account has. */
  readonly unknown: string;
}

/** Every case of the account directory contract, by key. */
export type AccountDirectoryCase = "unknown" | "identity" | "tree";

/** An account directory under the contract: a factory of fresh fixtures and the cases it skips. */
export interface AccountDirectorySubject {
  readonly make: () => Promise<AccountDirectoryFixture> | AccountDirectoryFixture;
  readonly skip?: SkipReasons<AccountDirectoryCase>;
}

/** The AccountDirectory contract: what authorization and reseller lookups rely on. */
export function accountDirectoryContract(subject: AccountDirectorySubject): ContractCase[] {
  const { make } = subject;
  return withSkips<AccountDirectoryCase>(
    [
      {
        id: "unknown",
        name: "get of an unknown id resolves undefined",
        run: async () => {
          const { directory, unknown } = await make();
          assert.equal(await directory.get(unknown), undefined);
        },
      },
      {
        id: "identity",
        name: "get answers the account with the id asked and boolean flags",
        run: async () => {
          const { directory, chain } = await make();
          for (const id of chain) {
            const account = await directory.get(id);
            assert.ok(account !== undefined, `${id} is not found`);
            assert.equal(account.id, id, "the account's id");
            for (const flag of [
              "superduperAdmin",
              "allowAdditions",
              "reseller",
              "enabled",
            ] as const)
              assert.equal(typeof account[flag], "boolean", `${id}.${flag}`);
          }
        },
      },
      {
        id: "tree",
        name: "an account's tree lists its ancestors root first, without itself",
        run: async () => {
          const { directory, chain } = await make();
          const [root, child, grandchild] = chain;
          const trees = await Promise.all(chain.map(async (id) => (await directory.get(id))?.tree));
          assert.deepEqual(trees[0], [], `${root} is a root`);
          assert.deepEqual(trees[1], [root], `${child}'s tree`);
          assert.deepEqual(trees[2], [root, child], `${grandchild}'s tree`);
        },
      },
    ],
    subject.skip,
  );
}
