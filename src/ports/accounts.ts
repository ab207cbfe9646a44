import type { Account } from "../domain/accounts.js";
import type { Awaitable } from "./awaitable.js";

/** Where account facts come from: ancestry, flags, enabled. */
export interface AccountDirectory {
  /** Reads one account, or undefined when it does not exist. */
  get(id: string): Awaitable<Account | undefined>;
}
