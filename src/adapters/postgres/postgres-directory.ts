import type { Account } from "../../domain/accounts.js";
import { MemoryAccountDirectory, type AccountSpec } from "../memory/memory-accounts.js";
import type { AccountDirectory } from "../../ports/accounts.js";
import type { TokenStore } from "../../ports/tokens.js";
import { accountDoc, accountOf } from "../sql/rows.js";
import { inTransaction, mapError, type PgPool, type PgResult } from "./driver.js";
import { statementsFor } from "./statements.js";

/** Runs one statement, mapping a driver failure to a PostgresStoreError. */
async function run(pool: PgPool, text: string, values: unknown[]): Promise<PgResult> {
  try {
    return await pool.query({ text, values });
  } catch (error) {
    throw mapError(error, []);
  }
}

/** Runs one statement per row of parameters, all in one transaction. */
async function putAll(pool: PgPool, text: string, rows: readonly unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  try {
    await inTransaction(pool, async (client) => {
      for (const values of rows) await client.query({ text, values });
    });
  } catch (error) {
    throw mapError(error, []);
  }
}

/** A lookup kept for a while: the answer (or the read in flight) and when it goes stale. */
interface Cached {
  readonly account: Promise<Account | undefined>;
  readonly until: number;
}

/**
 * The account directory in a PostgreSQL store: one row per account, its facts as JSON. An
 * operation looks up several accounts (requester, target, owner and their trees), so answers
 * are kept for `cacheMs` (a change made by another instance shows after at most that long).
 */
export class PostgresAccountDirectory implements AccountDirectory {
  readonly #pool: PgPool;
  readonly #get: string;
  readonly #put: string;
  readonly #cacheMs: number;
  readonly #cache = new Map<string, Cached>();

  /** The directory of the store in `schema`, keeping answers for `cacheMs` (0: never). */
  constructor(pool: PgPool, schema: string, cacheMs = 1000) {
    this.#pool = pool;
    const sql = statementsFor(schema);
    this.#get = sql.getAccount;
    this.#put = sql.putAccount;
    this.#cacheMs = cacheMs;
  }

  /** Reads one account (from the cache while its answer is fresh). */
  get(id: string): Promise<Account | undefined> {
    const now = performance.now();
    const cached = this.#cache.get(id);
    if (cached !== undefined && cached.until > now) return cached.account;
    const account = this.#read(id);
    if (this.#cacheMs > 0) {
      if (this.#cache.size >= 10_000) this.#cache.clear();
      this.#cache.set(id, { account, until: now + this.#cacheMs });
      account.catch(() => this.#cache.delete(id));
    }
    return account;
  }

  async #read(id: string): Promise<Account | undefined> {
    const { rows } = await run(this.#pool, this.#get, [id]);
    return rows[0] === undefined ? undefined : accountOf(String(rows[0]["doc"]));
  }

  /**
   * Writes accounts (replacing those with the same ids) in one transaction; the specs are
   * checked as one tree, as MemoryAccountDirectory checks them (every parent among them).
   */
  async put(specs: readonly AccountSpec[]): Promise<void> {
    const accounts = new MemoryAccountDirectory(specs).all();
    await putAll(
      this.#pool,
      this.#put,
      accounts.map((a) => [a.id, accountDoc(a)]),
    );
    this.#cache.clear();
  }
}

/** The API tokens of a PostgreSQL store: token -> account id. */
export class PostgresTokenStore implements TokenStore {
  readonly #pool: PgPool;
  readonly #get: string;
  readonly #put: string;

  /** The token store of the store in `schema`. */
  constructor(pool: PgPool, schema: string) {
    this.#pool = pool;
    const sql = statementsFor(schema);
    this.#get = sql.getToken;
    this.#put = sql.putToken;
  }

  /** The account of a token. */
  async accountFor(token: string): Promise<string | undefined> {
    const { rows } = await run(this.#pool, this.#get, [token]);
    return rows[0] === undefined ? undefined : String(rows[0]["account"]);
  }

  /** Writes `[token, account]` pairs (a token given again moves to its new account). */
  put(tokens: Iterable<readonly [string, string]>): Promise<void> {
    return putAll(
      this.#pool,
      this.#put,
      [...tokens].map(([token, account]) => [token, account]),
    );
  }
}
