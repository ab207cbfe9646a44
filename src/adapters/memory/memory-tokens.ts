import type { TokenStore } from "../../ports/tokens.js";

/** A token store from a fixed map of token -> account id. */
export class MemoryTokenStore implements TokenStore {
  readonly #tokens: ReadonlyMap<string, string>;

  /** Builds the store from `[token, account]` pairs. */
  constructor(tokens: Iterable<readonly [string, string]>) {
    this.#tokens = new Map(tokens);
  }

  /** The account of a token. */
  accountFor(token: string): Promise<string | undefined> {
    return Promise.resolve(this.#tokens.get(token));
  }
}
