// P1 and P8: single reserves through the engine on PostgreSQL, by 1 and by 8 concurrent callers,
// against a raw `pg` loop of the same statements (read, then compare-and-set with its event).
import pg from "pg";
import { LocalCarrier } from "../../src/adapters/carriers/local.js";
import {
  openPostgresStore,
  type PostgresStore,
} from "../../src/adapters/postgres/postgres-store.js";
import { statementsFor } from "../../src/adapters/postgres/statements.js";
import { SystemClock } from "../../src/adapters/system-clock.js";
import { recordColumns, rowRecord, type NumberRow } from "../../src/adapters/sql/rows.js";
import { makeRecord, type NumberRecord } from "../../src/domain/record.js";
import { NumberEngine } from "../../src/engine/engine.js";
import { startPostgres, type PostgresServer } from "../../test/support/postgres-server.js";
import { throughput, type BenchCase, type Probe } from "../harness.js";
import { ACCOUNTS, numbers } from "../fixtures.js";

/** One durable server (fsync on, the defaults) for the whole run, stopped when the process exits. */
let server: Promise<PostgresServer> | undefined;
function postgres(): Promise<PostgresServer> {
  if (server === undefined) {
    server = startPostgres({ durable: true });
    void server.then((s) => process.once("exit", () => s.stop()));
  }
  return server;
}

let schemas = 0;

/** A fresh store holding `count` available numbers and the bench accounts, on a pool of `callers`. */
async function storeWith(
  count: number,
  callers: number,
): Promise<{ pool: pg.Pool; store: PostgresStore; schema: string; list: string[] }> {
  const { url } = await postgres();
  const pool = new pg.Pool({ connectionString: url, max: callers });
  const schema = `bench_${process.pid}_${++schemas}`;
  const store = await openPostgresStore(pool, { schema });
  await store.accounts.put(ACCOUNTS);
  const list = numbers(count);
  const writes = list.map((number) => ({
    number,
    record: makeRecord({ number, state: "available", carrier: "local", now: 63_900_000_000 }),
    expected: null,
    events: [],
  }));
  await store.repository.commit({ writes });
  return { pool, store, schema, list };
}

/** Runs `work` on each number, split over `callers` concurrent loops. */
async function split(
  list: readonly string[],
  callers: number,
  work: (n: string) => Promise<void>,
): Promise<void> {
  await Promise.all(
    Array.from({ length: callers }, async (_, c) => {
      for (let i = c; i < list.length; i += callers) await work(list[i] as string);
    }),
  );
}

/** Reserves through the engine: lookups, guards, the machine, the event, the repository. */
const engineReserves = (callers: number): Probe =>
  throughput(async (ctx) => {
    const { pool, store, list } = await storeWith(ctx.size(3000, 400), callers);
    const engine = new NumberEngine({
      repository: store.repository,
      accounts: store.accounts,
      clock: new SystemClock(),
      carriers: [new LocalCarrier(store.repository)],
      config: { carrier_modules: ["knm_local"] },
    });
    return {
      ops: list.length,
      run: async () => {
        await split(list, callers, async (number) => {
          const result = await engine.reserve({
            number,
            account: "acme_sales",
            requester: "acme_sales",
          });
          if (!result.ok) throw new Error(`reserve failed: ${JSON.stringify(result.error)}`);
        });
        await pool.end();
      },
    };
  });

/** The same statements by hand: read the row, then the compare-and-set with one event. */
const rawReserves = (callers: number): Probe =>
  throughput(async (ctx) => {
    const { pool, schema, list } = await storeWith(ctx.size(3000, 400), callers);
    const sql = statementsFor(schema);
    return {
      ops: list.length,
      run: async () => {
        await split(list, callers, async (number) => {
          const read = await pool.query({ name: "raw_get", text: sql.get, values: [number] });
          const row = read.rows[0] as NumberRow & { revision: string };
          const before = rowRecord(row);
          const after: NumberRecord = { ...before, state: "reserved", assignedTo: "acme_sales" };
          const event = { type: "number", number, operation: "reserve", timestamp: 0 };
          const { rowCount } = await pool.query({
            name: "raw_update",
            text: sql.updateOne,
            values: [...recordColumns(after), number, row.revision, [0], [JSON.stringify(event)]],
          });
          if (rowCount !== 1) throw new Error("raw compare-and-set missed");
        });
        await pool.end();
      },
    };
  });

/** P1 and P8. */
export const cases: BenchCase[] = [1, 8].map((callers) => ({
  id: `P${callers}`,
  what: `single reserves through the engine on PostgreSQL (fsync on), ${callers} concurrent caller${callers === 1 ? "" : "s"}`,
  unit: "ops/s",
  better: "higher",
  target: { ratio: 0.5 },
  baselineWhat: "a raw pg loop of the same statements (read, compare-and-set with its event)",
  measure: engineReserves(callers),
  baseline: rawReserves(callers),
}));
