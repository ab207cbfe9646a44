import { PortNumberConflictError } from "../../ports/port-requests.js";
import { RevisionConflictError } from "../../ports/repository.js";

/** A statement: its text, its parameters, and a name to prepare it once per connection. */
export interface PgQuery {
  readonly text: string;
  readonly values?: unknown[];
  /** Prepared once per connection under this name and reused (node-postgres `name`). */
  readonly name?: string;
}

/** What a statement answers: its rows and how many it touched. */
export interface PgResult {
  readonly rows: readonly Record<string, unknown>[];
  readonly rowCount: number | null;
}

/** Anything that runs a statement: a pool or one of its clients. */
export interface PgQueryable {
  query(query: PgQuery): Promise<PgResult>;
}

/** A connection taken from a pool, for one transaction. */
export interface PgClient extends PgQueryable {
  /** Gives the connection back; an error (or true) destroys it instead. */
  release(destroy?: Error | boolean): void;
}

/**
 * The driver as the PostgreSQL adapters use it: a node-postgres `Pool` fits, and so does any
 * pool with the same `query` and `connect` (the adapters never import a driver themselves).
 */
export interface PgPool extends PgQueryable {
  connect(): Promise<PgClient>;
}

/** A failure of the database that is not a lost race: answered as `database_error`. */
export class PostgresStoreError extends Error {
  /** The SQLSTATE of the failure, when the server gave one. */
  readonly code: string | undefined;

  /** Wraps a driver error, naming its SQLSTATE. */
  constructor(message: string, code: string | undefined, options?: { cause: unknown }) {
    super(message, options);
    this.name = "PostgresStoreError";
    this.code = code;
  }
}

/** The SQLSTATE of a driver error, if it has one. */
export function sqlState(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  const code = error.code;
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** SQLSTATEs of a transaction that lost a race and may simply run again. */
const RETRYABLE = new Set(["40001", "40P01"]);

/** True for a serialization failure or a deadlock: run the transaction again. */
export function isRetryable(error: unknown): boolean {
  return RETRYABLE.has(sqlState(error) ?? "");
}

/**
 * Maps a driver error to the engine's: a serialization failure, a deadlock or a unique violation
 * is a lost race on `keys` (numbers or port request ids: RevisionConflictError, decided again by
 * the engine); the engine's own conflicts pass through as they are; anything
 * else is a PostgresStoreError naming its SQLSTATE.
 */
export function mapError(error: unknown, keys: readonly string[]): Error {
  if (
    error instanceof RevisionConflictError ||
    error instanceof PortNumberConflictError ||
    error instanceof PostgresStoreError
  )
    return error;
  const code = sqlState(error);
  if (keys.length > 0 && (code === "23505" || RETRYABLE.has(code ?? "")))
    return new RevisionConflictError(keys);
  const message = error instanceof Error ? error.message : String(error);
  return new PostgresStoreError(
    `postgres${code === undefined ? "" : ` ${code}`}: ${message}`,
    code,
    { cause: error },
  );
}

/** How many times a transaction runs when it keeps failing with a serialization failure. */
const ATTEMPTS = 5;

/** Runs `work` again after a serialization failure or deadlock, a few times with a short backoff. */
export async function retrying<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isRetryable(error) || attempt >= ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
    }
  }
}

/** Runs `work` in one transaction on one connection: committed if it resolves, rolled back if not. */
export async function inTransaction<T>(
  pool: PgPool,
  work: (client: PgClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query({ text: "BEGIN" });
    try {
      const result = await work(client);
      await client.query({ text: "COMMIT" });
      return result;
    } catch (error) {
      await client.query({ text: "ROLLBACK" }).catch((rollback: unknown) => {
        broken = rollback instanceof Error ? rollback : new Error(String(rollback));
      });
      throw error;
    }
  } finally {
    client.release(broken ?? false);
  }
}

/** A revision or sequence as the driver answers it (bigint columns come back as text). */
export function toNumber(value: unknown): number {
  return typeof value === "number" ? value : Number(value);
}

/** What a transaction statement becomes inside a surrounding transaction: savepoint `name`'s. */
const NESTED: Readonly<Record<string, (name: string) => string>> = {
  BEGIN: (name) => `SAVEPOINT ${name}`,
  COMMIT: (name) => `RELEASE SAVEPOINT ${name}`,
  ROLLBACK: (name) => `ROLLBACK TO SAVEPOINT ${name}`,
};

/**
 * A pool whose statements all run on `client`, inside the transaction open there: a
 * transaction begun on it is a savepoint of that one. Adapters built on it do their work as a
 * part of the caller's transaction (seeding a store in the transaction that creates it).
 */
export function poolInTransaction(client: PgClient): PgPool {
  let depth = 0;
  const nested: PgClient = {
    query: (query) => {
      const word = NESTED[query.text];
      if (word === undefined) return client.query(query);
      if (query.text === "BEGIN") depth++;
      const text = word(`nl_nested_${depth}`);
      if (query.text !== "BEGIN") depth--;
      return client.query({ text });
    },
    release: () => undefined,
  };
  return { query: (query) => client.query(query), connect: () => Promise.resolve(nested) };
}
