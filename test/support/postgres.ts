// PostgreSQL for a test file: a pool on the run's server and a fresh schema per store, dropped
// when the file ends (so tests on a DATABASE_URL server leave nothing behind).
import pg from "pg";
import { afterAll, inject } from "vitest";
import type { PgPool } from "../../src/adapters/postgres/driver.js";
import {
  openPostgresStore,
  type PostgresStore,
} from "../../src/adapters/postgres/postgres-store.js";

/** The run's PostgreSQL URL (the throwaway server, or DATABASE_URL). */
export function postgresUrl(): string {
  return inject("postgresUrl");
}

/** A pool for this test file, and fresh stores in their own schemas; all cleaned up after the file. */
export function testDatabase(): {
  pool: PgPool;
  freshStore: () => Promise<PostgresStore>;
  freshSchema: () => string;
  /** Another pool on the same database, as a second instance would have; ended after the file. */
  otherPool: () => PgPool;
} {
  const pools: pg.Pool[] = [];
  const otherPool = (): pg.Pool => {
    const made = new pg.Pool({ connectionString: postgresUrl(), max: 8 });
    pools.push(made);
    return made;
  };
  const pool = otherPool();
  const schemas: string[] = [];
  const freshSchema = (): string => {
    const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    schemas.push(schema);
    return schema;
  };
  afterAll(async () => {
    for (const schema of schemas) await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    for (const made of pools) await made.end();
  });
  return {
    pool,
    freshSchema,
    otherPool,
    freshStore: () => openPostgresStore(pool, { schema: freshSchema() }),
  };
}
