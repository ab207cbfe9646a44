import assert from "node:assert/strict";
import type { TokenStore } from "../ports/tokens.js";
import { withSkips, type ContractCase, type SkipReasons } from "./contract-case.js";

/** A token store set up for the contract. */
export interface TokenStoreFixture {
  readonly store: TokenStore;
  /** At least two `[token, account]` pairs the store holds, for different accounts. */
  readonly known: readonly (readonly [string, string])[];
}

/** Every case of the token store contract, by key. */
export type TokenStoreCase = "unknown" | "known" | "exact";

/** A token store under the contract: a factory of fresh fixtures and the cases it skips. */
export interface TokenStoreSubject {
  readonly make: () => Promise<TokenStoreFixture> | TokenStoreFixture;
  readonly skip?: SkipReasons<TokenStoreCase>;
}

/** Spellings close to a token that must authenticate nothing. */
const nearMisses = (token: string): string[] => [
  token.toUpperCase() === token ? token.toLowerCase() : token.toUpperCase(),
  token.slice(0, -1),
  `${token} `,
  `${token}x`,
];

/** The TokenStore contract: what authentication relies on. */
export function tokenStoreContract(subject: TokenStoreSubject): ContractCase[] {
  const { make } = subject;
  return withSkips<TokenStoreCase>(
    [
      {
        id: "unknown",
        name: "a token the store does not hold authenticates nobody",
        run: async () => {
          const { store } = await make();
          for (const token of ["", "no-such-token", "__proto__", "constructor"])
            assert.equal(
              await store.accountFor(token),
              undefined,
              `token ${JSON.stringify(token)}`,
            );
        },
      },
      {
        id: "known",
        name: "each held token answers its own account",
        run: async () => {
          const { store, known } = await make();
          assert.ok(
            new Set(known.map(([, account]) => account)).size >= 2,
            "fixture: two accounts",
          );
          for (const [token, account] of known)
            assert.equal(await store.accountFor(token), account, `token ${token}`);
        },
      },
      {
        id: "exact",
        name: "only the exact token matches: another case, a prefix or an extension authenticates nobody",
        run: async () => {
          const { store, known } = await make();
          const held = new Set(known.map(([token]) => token));
          for (const [token] of known)
            for (const miss of nearMisses(token).filter((t) => t !== token && !held.has(t)))
              assert.equal(
                await store.accountFor(miss),
                undefined,
                `near miss ${miss} of ${token}`,
              );
        },
      },
    ],
    subject.skip,
  );
}
