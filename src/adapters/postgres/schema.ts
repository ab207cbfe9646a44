import { POSTGRES } from "../sql/dialect.js";
import {
  CREATE_VERSION_TABLE,
  READ_VERSION,
  migrationStatements,
  VERSION_TABLE,
} from "../sql/schema.js";
import {
  inTransaction,
  isRetryable,
  sqlState,
  toNumber,
  type PgClient,
  type PgPool,
} from "./driver.js";

/** The tables the shared SQL names, unqualified. */
const TABLES = [
  "numbers",
  "events",
  "outbox_head",
  "idempotency_keys",
  "accounts",
  "tokens",
  "port_requests",
  "port_request_numbers",
  VERSION_TABLE,
];
const TABLE_NAME = new RegExp(`\\b(${TABLES.join("|")})\\b(?!\\s*\\.)`, "g");

/** Quotes an SQL identifier. */
function quoted(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

/**
 * Turns shared SQL into SQL for the store in `schema`: every table name becomes
 * `"schema"."table"` (a name followed by a dot is a column's qualifier and stays as it is).
 */
export function inSchema(schema: string): (sql: string) => string {
  const prefix = `${quoted(schema)}.`;
  return (sql) => sql.replace(TABLE_NAME, (name) => prefix + name);
}

/** True when `schema` holds a store (a recorded schema version), however old. */
export async function hasStore(pool: PgPool, schema: string): Promise<boolean> {
  const table = `${quoted(schema)}.${VERSION_TABLE}`;
  const { rows } = await pool.query({
    text: "SELECT to_regclass($1) IS NOT NULL AS found",
    values: [table],
  });
  if (rows[0]?.["found"] !== true) return false;
  // The version table outlives a first start-up that failed: only its row says a store exists.
  const versions = await pool.query({ text: `SELECT 1 FROM ${table} LIMIT 1` });
  return versions.rows.length > 0;
}

/** SQLSTATEs of DDL that lost a race with another instance's identical DDL. */
const DUPLICATE = ["23505", "42P06", "42P07", "42710"];

/** Runs `work` again (a few times) when it lost a DDL race or a serialization race. */
async function racing(work: () => Promise<unknown>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await work();
      return;
    } catch (error) {
      const lost = DUPLICATE.includes(sqlState(error) ?? "") || isRetryable(error);
      if (!lost || attempt >= 4) throw error;
    }
  }
}

/**
 * Brings the store in `schema` to the current schema version, idempotently. Instances starting
 * together serialize on the version row, and on a new database the loser of the race to create
 * the tables rolls back (a duplicate table) and finds them created when it tries again.
 * Throws SchemaTooNewError when newer code migrated the database. True when this call created
 * the tables (the database was new); `onCreate` then ran on the creating transaction.
 */
export async function migrate(
  pool: PgPool,
  schema: string,
  onCreate?: (client: PgClient) => Promise<void>,
): Promise<boolean> {
  const sql = inSchema(schema);
  await racing(() => pool.query({ text: `CREATE SCHEMA IF NOT EXISTS ${quoted(schema)}` }));
  await racing(() => pool.query({ text: sql(CREATE_VERSION_TABLE) }));
  let created = false;
  await racing(() =>
    inTransaction(pool, async (client) => {
      const { rows } = await client.query({ text: `${sql(READ_VERSION)} FOR UPDATE` });
      const found = rows[0] === undefined ? 0 : toNumber(rows[0]["version"]);
      for (const text of migrationStatements(found, POSTGRES))
        await client.query({ text: sql(text) });
      created = found === 0;
      if (created && onCreate !== undefined) await onCreate(client);
    }),
  );
  return created;
}
