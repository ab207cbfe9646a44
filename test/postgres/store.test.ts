import assert from "node:assert/strict";
import { describe, expect, it } from "vitest";
import type { PgPool, PgQuery } from "../../src/adapters/postgres/driver.js";
import {
  openPostgresStore,
  type PostgresStore,
} from "../../src/adapters/postgres/postgres-store.js";
import { SCHEMA_VERSION } from "../../src/adapters/sql/schema.js";
import { RevisionConflictError, singleWrite } from "../../src/ports/repository.js";
import { aNumber } from "../contracts/a-number.js";
import { testDatabase } from "../support/postgres.js";

const db = testDatabase();
const A = "+14155550100";
/** Text of the statements that create numbers (one or several). */
const MARK = "ON CONFLICT (number)";

/** The pool, except that statements whose text contains `marker` fail with `code` (`times` times). */
function failing(
  pool: PgPool,
  marker: string,
  code: string,
  times = Infinity,
): PgPool & { failed: () => number } {
  let failed = 0;
  const query = (q: PgQuery) => {
    if (q.text.includes(marker) && failed < times) {
      failed++;
      return Promise.reject(Object.assign(new Error(`injected ${code}`), { code }));
    }
    return pool.query(q);
  };
  return {
    query,
    connect: async () => {
      const client = await pool.connect();
      return {
        query: (q: PgQuery) => (q.text.includes(marker) ? query(q) : client.query(q)),
        release: (d) => client.release(d),
      };
    },
    failed: () => failed,
  };
}

describe("PostgreSQL store schema", () => {
  it("migrates once when several instances open the same new schema together, and again is a no-op", async () => {
    const schema = db.freshSchema();
    const stores = await Promise.all(
      [1, 2, 3, 4].map(() => openPostgresStore(db.pool, { schema })),
    );
    await stores[0]!.repository.commit(
      singleWrite(aNumber({ number: A, state: "available" }), null),
    );
    const again = await openPostgresStore(db.pool, { schema });
    expect((await again.repository.get(A))?.record.number).toBe(A);
    const { rows } = await db.pool.query({
      text: `SELECT version FROM "${schema}".schema_version`,
    });
    expect(rows).toEqual([{ version: SCHEMA_VERSION }]);
  });

  it("seeds a new store in the transaction that creates it: once among racing instances, and not at all when seeding fails", async () => {
    const schema = db.freshSchema();
    const seed = (number: string) => async (store: PostgresStore) => {
      await store.accounts.put([{ id: "acme" }]);
      await store.repository.commit(singleWrite(aNumber({ number, state: "available" }), null));
      await store.repository.commit({
        writes: [`${number}1`, `${number}2`].map((n) => ({
          number: n,
          record: aNumber({ number: n, state: "available" }),
          expected: null,
          events: [],
        })),
      });
    };
    const broken = async (store: PostgresStore) => {
      await seed(A)(store);
      throw new Error("seeding failed");
    };
    await expect(openPostgresStore(db.pool, { schema, onCreate: broken })).rejects.toThrow(
      "seeding failed",
    );
    const { rows } = await db.pool.query({
      text: "SELECT to_regclass($1) IS NULL AS gone",
      values: [`"${schema}".numbers`],
    });
    expect(rows).toEqual([{ gone: true }]);
    await expect(openPostgresStore(db.pool, { schema, mustExist: true })).rejects.toThrow(
      `no store in schema "${schema}"`,
    );
    const seeded: string[] = [];
    const stores = await Promise.all(
      ["+14155550101", "+14155550102", "+14155550103"].map((number) =>
        openPostgresStore(db.pool, {
          schema,
          onCreate: async (store) => {
            await seed(number)(store);
            seeded.push(number);
          },
        }),
      ),
    );
    expect(seeded).toHaveLength(1);
    expect(stores.filter((s) => s.created)).toHaveLength(1);
    expect((await stores[2]!.repository.get(seeded[0]!))?.record.state).toBe("available");
    expect((await stores[2]!.repository.get(`${seeded[0]!}2`))?.record.state).toBe("available");
    expect(await stores[1]!.repository.get(A)).toBeUndefined();
    expect(await stores[0]!.accounts.get("acme")).toBeDefined();
  });

  it("refuses a schema migrated by newer code, naming both versions, and changes nothing", async () => {
    const schema = db.freshSchema();
    await openPostgresStore(db.pool, { schema });
    await db.pool.query({ text: `UPDATE "${schema}".schema_version SET version = 99` });
    await expect(openPostgresStore(db.pool, { schema })).rejects.toThrow(
      `schema version 99 is newer than this code's ${SCHEMA_VERSION}`,
    );
  });
});

describe("PostgreSQL errors", () => {
  it("runs a write again after a serialization failure and answers its revision", async () => {
    const schema = db.freshSchema();
    const pool = failing(db.pool, MARK, "40001", 2);
    const { repository } = await openPostgresStore(db.pool, { schema });
    const flaky = (await openPostgresStore(pool, { schema })).repository;
    const [revision] = await flaky.commit(
      singleWrite(aNumber({ number: A, state: "available" }), null),
    );
    expect(pool.failed()).toBe(2);
    expect((await repository.get(A))?.revision).toBe(revision);
  });

  it.each(["40001", "40P01", "23505"])(
    "maps a write that keeps failing with %s to a RevisionConflictError naming the batch's numbers",
    async (code) => {
      const schema = db.freshSchema();
      await openPostgresStore(db.pool, { schema });
      const { repository } = await openPostgresStore(failing(db.pool, MARK, code), {
        schema,
      });
      const records = [
        aNumber({ number: A, state: "available" }),
        aNumber({ number: "+14155550101", state: "available" }),
      ];
      const thrown = await repository
        .commit({
          writes: records.map((record) => ({
            number: record.number,
            record,
            expected: null,
            events: [],
          })),
        })
        .catch((e: unknown) => e);
      assert.ok(thrown instanceof RevisionConflictError, String(thrown));
      expect(thrown.numbers).toEqual([A, "+14155550101"]);
      expect(await repository.getMany([A, "+14155550101"])).toEqual(new Map());
    },
  );

  it("answers any other failure as a PostgresStoreError naming the SQLSTATE, for reads and writes", async () => {
    const schema = db.freshSchema();
    const { repository } = await openPostgresStore(db.pool, { schema });
    await db.pool.query({ text: `DROP TABLE "${schema}".numbers` });
    await expect(repository.get(A)).rejects.toMatchObject({
      name: "PostgresStoreError",
      code: "42P01",
    });
    await expect(
      repository.commit(singleWrite(aNumber({ number: A, state: "available" }), null)),
    ).rejects.toThrow(/^postgres 42P01: relation .* does not exist$/);
  });
});

describe("PostgresAccountDirectory", () => {
  const acme = (enabled: boolean) => ({ id: "acme", reseller: true, enabled });
  const read = (enabled: boolean) => ({
    id: "acme",
    tree: [],
    superduperAdmin: false,
    allowAdditions: false,
    reseller: true,
    enabled,
  });

  it("keeps lookups for accountCacheMs, shows its own saves at once, and with 0 reads every time", async () => {
    const schema = db.freshSchema();
    const writer = (await openPostgresStore(db.pool, { schema })).accounts;
    const cached = (await openPostgresStore(db.pool, { schema, accountCacheMs: 60_000 })).accounts;
    const uncached = (await openPostgresStore(db.pool, { schema, accountCacheMs: 0 })).accounts;
    expect(await cached.get("acme")).toBeUndefined();
    await writer.put([acme(true)]);
    expect(await uncached.get("acme")).toEqual(read(true));
    expect(await cached.get("acme")).toBeUndefined();
    await cached.put([acme(false)]);
    expect(await cached.get("acme")).toEqual(read(false));
    expect(await uncached.get("acme")).toEqual(read(false));
  });
});
