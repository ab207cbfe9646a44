import type Database from "better-sqlite3";
import type { TokenStore } from "../../ports/tokens.js";
import { SQLITE } from "../sql/dialect.js";
import { GET_TOKEN, PUT_TOKEN } from "../sql/statements.js";
import { settle } from "./settle.js";

/** API tokens in the `tokens` table of a SQLite database, beside the accounts. */
export class SqliteTokenStore implements TokenStore {
  readonly #db: Database.Database;
  readonly #get: Database.Statement<[string], string>;

  /** Prepares the statements on a database opened by `openSqliteDatabase`. */
  constructor(db: Database.Database) {
    this.#db = db;
    this.#get = db.prepare<[string], string>(SQLITE.text(GET_TOKEN)).pluck();
  }

  /** The account of a token. */
  accountFor(token: string): Promise<string | undefined> {
    return settle(() => this.#get.get(token));
  }

  /** Writes `[token, account]` pairs (a token given again moves to its new account). */
  put(tokens: Iterable<readonly [string, string]>): void {
    const put = this.#db.prepare(SQLITE.text(PUT_TOKEN));
    this.#db.transaction(() => {
      for (const [token, account] of tokens) put.run(token, account);
    })();
  }
}
