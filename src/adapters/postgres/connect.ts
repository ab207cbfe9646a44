import type Pg from "pg";
import type { PgPool } from "./driver.js";
import {
  openPostgresStore,
  type PostgresStore,
  type PostgresStoreOptions,
} from "./postgres-store.js";

/** A store on a pool this package opened: close it to end the pool. */
export interface PostgresConnection extends PostgresStore {
  readonly pool: PgPool;
  /** Ends the pool's connections. */
  readonly close: () => Promise<void>;
}

/** Options of `connectPostgres`: the store's schema and the pool's size. */
export interface ConnectOptions extends PostgresStoreOptions {
  /** The most connections the pool opens (node-postgres' default is 10). */
  readonly maxConnections?: number;
}

/** A store that could not be opened: `location` is its URL without the password, `problem` why. */
export class PostgresConnectError extends Error {
  /** Names the URL (redacted) and the problem, on one line. */
  constructor(
    readonly location: string,
    readonly problem: string,
  ) {
    super(`cannot open PostgreSQL store ${location}: ${problem}`);
    this.name = "PostgresConnectError";
  }
}

/** The URL with its password (if any) replaced by `***`, safe for logs and errors. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password === "") return url;
    parsed.password = "***";
    return parsed.toString();
  } catch {
    return url.replace(/(password\s*=\s*)\S+/gi, "$1***").replace(/:[^:@/]*@/, ":***@");
  }
}

/** The password in a connection URL, or undefined. */
function passwordOf(url: string): string | undefined {
  try {
    const password = decodeURIComponent(new URL(url).password);
    return password === "" ? undefined : password;
  } catch {
    return undefined;
  }
}

/** A driver error in words: its message, or for a bare network error (e.g. an AggregateError of
 * refused addresses) the codes and addresses it names. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.message !== "") return error.message;
  const inner = error instanceof AggregateError ? (error.errors as unknown[]) : [error];
  const parts = inner.map((e) =>
    e instanceof Error
      ? e.message !== ""
        ? e.message
        : "code" in e
          ? String(e.code)
          : e.name
      : String(e),
  );
  return [...new Set(parts)].join("; ");
}

/**
 * Connects to the PostgreSQL at `url` with the `pg` package (an optional peer dependency),
 * migrates the store and returns its adapters. Any failure is one PostgresConnectError whose
 * message names the URL without its password.
 */
export async function connectPostgres(
  url: string,
  options: ConnectOptions = {},
): Promise<PostgresConnection> {
  const shown = redactUrl(url);
  const secret = passwordOf(url);
  const reason = (error: unknown): string => {
    const text = describe(error);
    return secret === undefined ? text : text.split(secret).join("***");
  };
  let driver: { default: typeof Pg };
  try {
    driver = await import("pg");
  } catch (error) {
    throw new PostgresConnectError(
      shown,
      `it needs the pg package (npm install pg): ${reason(error)}`,
    );
  }
  const pool = new driver.default.Pool({
    connectionString: url,
    ...(options.maxConnections === undefined ? {} : { max: options.maxConnections }),
  });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on("error", () => undefined);
  try {
    const store = await openPostgresStore(pool, options);
    return { ...store, pool, close: () => pool.end() };
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new PostgresConnectError(shown, reason(error));
  }
}
