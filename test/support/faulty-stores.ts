/**
 * Worlds whose store calls go through a StoreFaults counter (test/checks/store-faults.ts):
 * memory at the port (each repository or account directory call), SQLite at the statement
 * (a wrapper around the better-sqlite3 Database: every statement run, every exec and pragma,
 * and each transaction's COMMIT), PostgreSQL at the query (a wrapper around the PgPool the
 * adapter is given: every query on the pool or on a connection, BEGIN and COMMIT included).
 */
import type Database from "better-sqlite3";
import type { PgClient, PgPool, PgQuery } from "../../src/adapters/postgres/driver.js";
import { SqliteAccountDirectory } from "../../src/adapters/sqlite/sqlite-accounts.js";
import { SqliteNumberRepository } from "../../src/adapters/sqlite/sqlite-repository.js";
import { SqliteTokenStore } from "../../src/adapters/sqlite/sqlite-tokens.js";
import { createMemoryWorld } from "../../src/compose/memory-world.js";
import { createPostgresWorld } from "../../src/compose/postgres-world.js";
import { createSqliteWorld } from "../../src/compose/sqlite-world.js";
import type { ClosableWorld } from "../../src/compose/stores.js";
import { composeWorld, type WorldSetup } from "../../src/compose/world.js";
import { InjectedStoreFault, type StoreFaults } from "../checks/store-faults.js";

/** An object whose named async methods go through `faults`, labelled `prefix.method`. */
function faultyPort<T extends object>(
  target: T,
  prefix: string,
  methods: readonly string[],
  faults: StoreFaults,
): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value: unknown = Reflect.get(object, property, receiver);
      if (typeof value !== "function" || !methods.includes(String(property))) return value;
      return (...args: unknown[]) =>
        faults.async(`${prefix}.${String(property)}`, () =>
          Promise.resolve((value as (...a: unknown[]) => Promise<unknown>).apply(object, args)),
        );
    },
  });
}

const REPOSITORY_CALLS = [
  "get",
  "getMany",
  "commit",
  "listByOwner",
  "scanPrefix",
  "listByState",
  "eventsSince",
  "pruneEvents",
  "claimKey",
  "releaseKey",
  "purgeKeys",
];

/** A memory world whose repository and account directory calls go through `faults`. */
export async function faultyMemoryWorld(
  setup: WorldSetup,
  faults: StoreFaults,
): Promise<ClosableWorld> {
  const seeded = await createMemoryWorld(setup);
  const world = await composeWorld(setup, {
    repository: faultyPort(seeded.repository, "repository", REPOSITORY_CALLS, faults),
    portRequests: seeded.repository.portRequests,
    accounts: faultyPort(seeded.accounts, "accounts", ["get"], faults),
    tokens: seeded.tokens,
    seedNumbers: false,
  });
  return { ...world, close: () => Promise.resolve() };
}

type AnyStatement = Database.Statement<unknown[], unknown>;
type Transaction = Database.Transaction<(...args: unknown[]) => unknown>;

/** A statement whose executions go through `faults`, labelled by their SQL's first words. */
function faultyStatement(statement: AnyStatement, faults: StoreFaults): AnyStatement {
  const label = statement.source.trim().split(/\s+/).slice(0, 3).join(" ");
  const proxy: AnyStatement = new Proxy(statement, {
    get(object, property) {
      const value: unknown = Reflect.get(object, property, object);
      if (typeof value !== "function") return value;
      const method = value as (...a: unknown[]) => unknown;
      if (["run", "get", "all", "iterate"].includes(String(property)))
        return (...args: unknown[]) => faults.sync(label, () => method.apply(object, args));
      // pluck(), raw(), bind() ... answer the statement itself: keep answering the wrapper.
      return (...args: unknown[]) => {
        const result = method.apply(object, args);
        return result === object ? proxy : result;
      };
    },
  });
  return proxy;
}

/**
 * A transaction function whose COMMIT counts as a store call: refused, it throws inside the
 * transaction (better-sqlite3 rolls back, as after a failed COMMIT); with its answer lost, it
 * throws once the transaction has committed.
 */
function faultyTransaction(
  db: Database.Database,
  fn: (...args: unknown[]) => unknown,
  faults: StoreFaults,
): Transaction {
  let lost = false;
  const inner = db.transaction((...args: unknown[]) => {
    const result = fn(...args);
    lost = faults.commitPoint("COMMIT");
    return result;
  });
  const variant =
    (run: (...args: unknown[]) => unknown) =>
    (...args: unknown[]): unknown => {
      lost = false;
      const result = run(...args);
      if (lost) {
        lost = false;
        throw new InjectedStoreFault("COMMIT", "lose");
      }
      return result;
    };
  return Object.assign(variant(inner), {
    default: variant((...args) => inner.default(...args)),
    deferred: variant((...args) => inner.deferred(...args)),
    immediate: variant((...args) => inner.immediate(...args)),
    exclusive: variant((...args) => inner.exclusive(...args)),
    database: db,
  });
}

/** A better-sqlite3 Database whose statements, execs, pragmas and commits go through `faults`. */
export function faultyDatabase(db: Database.Database, faults: StoreFaults): Database.Database {
  return new Proxy(db, {
    get(object, property) {
      const value: unknown = Reflect.get(object, property, object);
      if (typeof value !== "function") return value;
      const method = value as (...a: unknown[]) => unknown;
      switch (property) {
        case "prepare":
          return (...args: unknown[]) =>
            faultyStatement(method.apply(object, args) as AnyStatement, faults);
        case "exec":
        case "pragma":
          return (...args: unknown[]) =>
            faults.sync(`${String(property)} ${String(args[0])}`, () => method.apply(object, args));
        case "transaction":
          return (fn: (...args: unknown[]) => unknown) => faultyTransaction(object, fn, faults);
        default:
          return method.bind(object);
      }
    },
  });
}

/** A SQLite world (in memory) whose stores run on a faultyDatabase. */
export async function faultySqliteWorld(
  setup: WorldSetup,
  faults: StoreFaults,
): Promise<ClosableWorld> {
  const seeded = await createSqliteWorld({ ...setup, path: ":memory:" });
  const db = faultyDatabase(seeded.database.db, faults);
  const repository = new SqliteNumberRepository(db);
  const world = await composeWorld(setup, {
    repository,
    portRequests: repository.portRequests,
    accounts: new SqliteAccountDirectory(db),
    tokens: new SqliteTokenStore(db),
    seedNumbers: false,
  });
  return { ...world, close: () => Promise.resolve(seeded.close()) };
}

/** A pool whose queries, on the pool and on every connection it hands out, go through `faults`. */
export function faultyPool(pool: PgPool, faults: StoreFaults): PgPool {
  const label = (query: PgQuery): string => query.text.trim().split(/\s+/).slice(0, 3).join(" ");
  return {
    query: (query) => faults.async(label(query), () => pool.query(query)),
    connect: async (): Promise<PgClient> => {
      const client = await pool.connect();
      return {
        query: (query) => faults.async(label(query), () => client.query(query)),
        release: (destroy) => client.release(destroy),
      };
    },
  };
}

/**
 * A maker of PostgreSQL worlds on `pool`, each in a fresh schema from `schema()`, whose queries
 * go through `faults` once built (opening and seeding run fault-free: nothing is armed yet).
 */
export function faultyPostgresWorlds(
  pool: PgPool,
  schema: () => string,
): (setup: WorldSetup, faults: StoreFaults) => Promise<ClosableWorld> {
  return async (setup, faults) => {
    const world = await createPostgresWorld({
      ...setup,
      pool: faultyPool(pool, faults),
      schema: schema(),
    });
    return { ...world, close: () => Promise.resolve() };
  };
}
