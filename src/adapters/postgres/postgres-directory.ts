import type { Account } from "../../domain/accounts.js";
import type { AccountDirectory } from "../../ports/accounts.js";
import type { TokenStore } from "../../ports/tokens.js";
import { inTransaction, mapError, type PgPool, type PgResult } from "./driver.js";
import type { Tables } from "./schema.js";

/** Runs one statement, mapping a driver failure to a PostgresStoreError. */
async function run(pool: PgPool, text: string, values: unknown[]): Promise<PgResult> {
  try {
    return await pool.query({ text, values });
  } catch (error) {
    throw mapError(error, []);
  }
}

/** Upserts rows of (key, value) pairs into a two-column table, in one transaction. */
async function upsertPairs(
  pool: PgPool,
  table: string,
  [keyColumn, valueColumn]: readonly [string, string],
  pairs: readonly (readonly [string, string])[],
): Promise<void> {
  if (pairs.length === 0) return;
  try {
    await inTransaction(pool, (client) =>
      client.query({
        text: `INSERT INTO ${table} (${keyColumn}, ${valueColumn})
          SELECT * FROM unnest($1::text[], $2::text[])
          ON CONFLICT (${keyColumn}) DO UPDATE SET ${valueColumn} = EXCLUDED.${valueColumn}`,
        values: [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
      }),
    );
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
  readonly #table: string;
  readonly #cacheMs: number;
  readonly #cache = new Map<string, Cached>();

  /** The directory of the store whose tables are `tables`, keeping answers for `cacheMs` (0: never). */
  constructor(pool: PgPool, tables: Tables, cacheMs = 1000) {
    this.#pool = pool;
    this.#table = tables.accounts;
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
    const { rows } = await run(this.#pool, `SELECT account FROM ${this.#table} WHERE id = $1`, [
      id,
    ]);
    return rows[0] === undefined ? undefined : (JSON.parse(String(rows[0]["account"])) as Account);
  }

  /** Stores accounts (their tree already resolved), replacing those with the same id. */
  async save(accounts: readonly Account[]): Promise<void> {
    const pairs = accounts.map((a) => [a.id, JSON.stringify(a)] as const);
    await upsertPairs(this.#pool, this.#table, ["id", "account"], pairs);
    this.#cache.clear();
  }
}

/** The API tokens of a PostgreSQL store: token -> account id. */
export class PostgresTokenStore implements TokenStore {
  readonly #pool: PgPool;
  readonly #table: string;

  /** The token store of the store whose tables are `tables`. */
  constructor(pool: PgPool, tables: Tables) {
    this.#pool = pool;
    this.#table = tables.tokens;
  }

  /** The account of a token. */
  async accountFor(token: string): Promise<string | undefined> {
    const { rows } = await run(this.#pool, `SELECT account FROM ${this.#table} WHERE token = $1`, [
      token,
    ]);
    return rows[0] === undefined ? undefined : String(rows[0]["account"]);
  }

  /** Stores `[token, account]` pairs, replacing the account of a known token. */
  save(tokens: Iterable<readonly [string, string]>): Promise<void> {
    return upsertPairs(this.#pool, this.#table, ["token", "account"], [...tokens]);
  }
}
