import type Database from "better-sqlite3";
import type { Account } from "../../domain/accounts.js";
import type { AccountDirectory } from "../../ports/accounts.js";
import type { Awaitable } from "../../ports/awaitable.js";
import { MemoryAccountDirectory, type AccountSpec } from "../memory/memory-accounts.js";
import { SQLITE } from "../sql/dialect.js";
import { accountDoc, accountOf } from "../sql/rows.js";
import { ALL_ACCOUNTS, GET_ACCOUNT, PUT_ACCOUNT } from "../sql/statements.js";
import { refused } from "./settle.js";

/**
 * The account directory in the `accounts` table of a SQLite database, beside the numbers.
 * Accounts read are kept in memory until the database changes under another connection
 * (`PRAGMA data_version`) or this directory writes: every operation reads several accounts,
 * and they rarely change. The version is checked once per run of synchronous work (the first
 * read after the microtask queue last ran), not on every read: an engine operation reads its
 * accounts in one such run, and a change committed by another connection while it runs is
 * ordered after it either way.
 */
export class SqliteAccountDirectory implements AccountDirectory {
  readonly #db: Database.Database;
  readonly #get: Database.Statement<[string], string>;
  readonly #version: Database.Statement<[], number>;
  readonly #cache = new Map<string, Account | undefined>();
  #seen = -1;
  /** True from the first read of a synchronous run until the microtask queue runs. */
  #checked = false;
  readonly #recheck = (): void => {
    this.#checked = false;
  };

  /** Prepares the statements on a database opened by `openSqliteDatabase`. */
  constructor(db: Database.Database) {
    this.#db = db;
    this.#get = db.prepare<[string], string>(SQLITE.text(GET_ACCOUNT)).pluck();
    this.#version = db.prepare<[], number>("PRAGMA data_version").pluck();
  }

  /** Reads one account, synchronously (a driver failure is a rejected promise). */
  get(id: string): Awaitable<Account | undefined> {
    try {
      if (!this.#checked) {
        const version = this.#version.get() as number;
        if (version !== this.#seen) {
          this.#cache.clear();
          this.#seen = version;
        }
        this.#checked = true;
        queueMicrotask(this.#recheck);
      }
      if (this.#cache.has(id)) return this.#cache.get(id);
      const doc = this.#get.get(id);
      const account = doc === undefined ? undefined : accountOf(doc);
      this.#cache.set(id, account);
      return account;
    } catch (error) {
      return refused(error);
    }
  }

  /** Every account, in id order. */
  all(): Account[] {
    return this.#db.prepare<[], string>(SQLITE.text(ALL_ACCOUNTS)).pluck().all().map(accountOf);
  }

  /**
   * Writes accounts (replacing those with the same ids) in one transaction; the specs are
   * checked as one tree, as MemoryAccountDirectory checks them (every parent among them).
   */
  put(specs: readonly AccountSpec[]): void {
    const accounts = new MemoryAccountDirectory(specs).all();
    const put = this.#db.prepare(SQLITE.text(PUT_ACCOUNT));
    this.#db.transaction(() => {
      for (const account of accounts) put.run(account.id, accountDoc(account));
    })();
    this.#cache.clear();
  }
}
