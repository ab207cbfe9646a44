import { inTransaction, isRetryable, sqlState, toNumber, type PgPool } from "./driver.js";

/** The tables of one store, as qualified SQL names in its schema. */
export interface Tables {
  /** The quoted schema name. */
  readonly schema: string;
  readonly numbers: string;
  readonly events: string;
  readonly outboxHead: string;
  readonly keys: string;
  readonly accounts: string;
  readonly tokens: string;
  readonly version: string;
}

/** Quotes an SQL identifier. */
function quoted(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

/** The qualified table names of a store in `schema`. */
export function tablesIn(schema: string): Tables {
  const schemaName = quoted(schema);
  const table = (name: string): string => `${schemaName}.${quoted(name)}`;
  return {
    schema: schemaName,
    numbers: table("numbers"),
    events: table("number_events"),
    outboxHead: table("outbox_head"),
    keys: table("idempotency_keys"),
    accounts: table("accounts"),
    tokens: table("tokens"),
    version: table("schema_version"),
  };
}

/**
 * The migrations, in order: migration N (1-based) brings the schema from version N-1 to N.
 * Text columns compare byte-wise (COLLATE "C"), as the engine orders numbers.
 */
function migrations(t: Tables): readonly (readonly string[])[] {
  return [
    [
      `CREATE TABLE ${t.numbers} (
        number text COLLATE "C" NOT NULL PRIMARY KEY,
        revision bigint NOT NULL,
        state text COLLATE "C",
        owner text COLLATE "C",
        record text
      )`,
      `CREATE INDEX numbers_by_owner ON ${t.numbers} (owner, number)`,
      `CREATE INDEX numbers_by_state ON ${t.numbers} (state, number)`,
      `CREATE TABLE ${t.outboxHead} (id integer NOT NULL PRIMARY KEY, seq bigint NOT NULL)`,
      `INSERT INTO ${t.outboxHead} (id, seq) VALUES (1, 0)`,
      `CREATE TABLE ${t.events} (
        seq bigint NOT NULL PRIMARY KEY,
        number text COLLATE "C" NOT NULL,
        revision bigint NOT NULL,
        ts bigint NOT NULL,
        body text NOT NULL
      )`,
      `CREATE INDEX number_events_by_ts ON ${t.events} (ts)`,
      `CREATE TABLE ${t.keys} (
        account text COLLATE "C" NOT NULL,
        key text COLLATE "C" NOT NULL,
        token text NOT NULL,
        fingerprint text NOT NULL,
        lease_until bigint NOT NULL,
        status integer,
        response text,
        expires bigint,
        PRIMARY KEY (account, key)
      )`,
      `CREATE TABLE ${t.accounts} (id text COLLATE "C" NOT NULL PRIMARY KEY, account text NOT NULL)`,
      `CREATE TABLE ${t.tokens} (token text COLLATE "C" NOT NULL PRIMARY KEY, account text NOT NULL)`,
    ],
  ];
}

/** The schema version this code writes and reads. */
export const SCHEMA_VERSION = 1;

/** Thrown when the database holds a schema newer than this code knows. */
export class SchemaTooNewError extends Error {
  /** Names the versions found and known. */
  constructor(found: number) {
    super(`database schema version ${found} is newer than this code's ${SCHEMA_VERSION}`);
    this.name = "SchemaTooNewError";
  }
}

/** Runs a DDL statement that may race with another instance's identical one. */
async function createRacing(pool: PgPool, text: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await pool.query({ text });
      return;
    } catch (error) {
      // Two sessions creating the same object at once: one of them sees a duplicate.
      const racing = ["23505", "42P06", "42P07", "42710"].includes(sqlState(error) ?? "");
      if (!(racing || isRetryable(error)) || attempt >= 3) throw error;
    }
  }
}

/**
 * Brings the store in `tables` to the current schema version, idempotently: instances starting
 * together serialize on the version row and each migration runs once, in its own transaction.
 */
export async function migrate(pool: PgPool, tables: Tables): Promise<void> {
  await createRacing(pool, `CREATE SCHEMA IF NOT EXISTS ${tables.schema}`);
  await createRacing(
    pool,
    `CREATE TABLE IF NOT EXISTS ${tables.version} (id integer NOT NULL PRIMARY KEY, version integer NOT NULL)`,
  );
  await pool.query({
    text: `INSERT INTO ${tables.version} (id, version) VALUES (1, 0) ON CONFLICT (id) DO NOTHING`,
  });
  const steps = migrations(tables);
  await inTransaction(pool, async (client) => {
    const { rows } = await client.query({
      text: `SELECT version FROM ${tables.version} WHERE id = 1 FOR UPDATE`,
    });
    const found = toNumber(rows[0]?.["version"]);
    if (found > SCHEMA_VERSION) throw new SchemaTooNewError(found);
    for (const step of steps.slice(found)) {
      for (const text of step) await client.query({ text });
    }
    if (found < SCHEMA_VERSION)
      await client.query({
        text: `UPDATE ${tables.version} SET version = $1 WHERE id = 1`,
        values: [SCHEMA_VERSION],
      });
  });
}
