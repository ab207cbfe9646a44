import type { PortRequestRecord } from "../../domain/port-request.js";
import {
  PortNumberConflictError,
  type PortRequestQuery,
  type PortRequestRepository,
  type PortRequestWrite,
  type StoredPortRequest,
} from "../../ports/port-requests.js";
import { RevisionConflictError } from "../../ports/repository.js";
import {
  portRequestLookup,
  portRequestStep,
  requestsMatching,
  type PortRequestLookup,
} from "../sql/batch.js";
import * as shared from "../sql/port-requests.js";
import { mapError, toNumber, type PgClient, type PgPool, type PgResult } from "./driver.js";
import { inSchema } from "./schema.js";

/** The port request statements of the store in `schema`. */
function statementsFor(schema: string) {
  const sql = inSchema(schema);
  return {
    get: sql(shared.GET_PORT_REQUEST),
    lookups: {
      number: sql(shared.PORT_REQUESTS_WITH_NUMBER),
      account: sql(shared.PORT_REQUESTS_OF_ACCOUNT),
      all: sql(shared.ALL_PORT_REQUESTS),
    } satisfies Record<PortRequestLookup["by"], string>,
    create: sql(shared.CREATE_PORT_REQUEST),
    update: sql(`${shared.UPDATE_PORT_REQUEST} RETURNING revision`),
    delete: sql(`${shared.DELETE_PORT_REQUEST} RETURNING revision`),
    clearNumbers: sql(shared.CLEAR_PORT_NUMBERS),
    // Every number of a request in one statement. A number another open request holds is skipped
    // (the partial UNIQUE index, P5; a holder still uncommitted is waited for) and so missing
    // from the answer: the caller names it.
    putNumbers: sql(`INSERT INTO port_request_numbers (number, request, open)
      SELECT x.number, $2, x.open FROM unnest($1::text[], $3::bigint[]) AS x(number, open)
      ON CONFLICT (number) WHERE open = 1 DO NOTHING
      RETURNING number`),
    holder: sql(shared.OPEN_HOLDER),
    porting: sql(`SELECT n.number FROM port_request_numbers n
      JOIN port_requests r ON r.id = n.request
      WHERE n.number = ANY($1::text[]) AND n.open = 1
        AND r.state IN ('submitted', 'pending', 'scheduled')`),
  };
}

type Statements = ReturnType<typeof statementsFor>;

/** The rows of a port request SELECT. */
const requestRows = (result: PgResult): shared.PortRequestRow[] =>
  result.rows as unknown as shared.PortRequestRow[];

/**
 * The port requests of a PostgreSQL store: reads on the pool, and the writes of a repository
 * batch on that batch's transaction (P8). P5 is the partial UNIQUE index on open numbers, so
 * two instances racing for one number cannot both hold it.
 */
export class PostgresPortRequests implements PortRequestRepository {
  readonly #pool: PgPool;
  readonly #sql: Statements;

  /** The requests of the store in `schema` (already migrated). */
  constructor(pool: PgPool, schema: string) {
    this.#pool = pool;
    this.#sql = statementsFor(schema);
  }

  async #read(text: string, values: unknown[]): Promise<shared.PortRequestRow[]> {
    try {
      return requestRows(await this.#pool.query({ text, values }));
    } catch (error) {
      throw mapError(error, []);
    }
  }

  /** Reads one request. */
  async getPortRequest(id: string): Promise<StoredPortRequest | undefined> {
    const [row] = await this.#read(this.#sql.get, [id]);
    return row === undefined ? undefined : shared.storedPortRequest(row);
  }

  /** The requests matching a query, by created then id (an index narrows by number or account). */
  async findPortRequests(query: PortRequestQuery): Promise<readonly PortRequestRecord[]> {
    const lookup = portRequestLookup(query);
    return requestsMatching(await this.#read(this.#sql.lookups[lookup.by], lookup.params), query);
  }

  /** Which of these numbers a request in a PORTING state holds (§7.1), read on the batch's transaction. */
  async portingAmong(client: PgClient, numbers: readonly string[]): Promise<ReadonlySet<string>> {
    if (numbers.length === 0) return new Set();
    const { rows } = await client.query({ text: this.#sql.porting, values: [[...numbers]] });
    return new Set(rows.map((row) => String(row["number"])));
  }

  /**
   * Applies a batch's request writes on its transaction, in id order; their new revisions in
   * the order given. Throws RevisionConflictError for stale writes, PortNumberConflictError when
   * a number is held by another open request (P5); the caller rolls back.
   */
  async apply(client: PgClient, writes: readonly PortRequestWrite[]): Promise<number[]> {
    const revisions = new Map<string, number>();
    const stale: string[] = [];
    for (const write of [...writes].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      const revision = await this.#write(client, write);
      if (revision === undefined) stale.push(write.id);
      else revisions.set(write.id, revision);
    }
    if (stale.length > 0) throw new RevisionConflictError(stale);
    return writes.map((w) => revisions.get(w.id) as number);
  }

  async #write(client: PgClient, write: PortRequestWrite): Promise<number | undefined> {
    const { id, record } = write;
    const step = portRequestStep(write);
    if (step === undefined) return undefined;
    const { rows } = await client.query({ text: this.#sql[step.kind], values: step.params });
    const revision = rows[0]?.["revision"];
    if (revision === undefined) return undefined;
    await client.query({ text: this.#sql.clearNumbers, values: [id] });
    await this.#putNumbers(client, id, record === null ? [] : shared.portNumberRows(record));
    return toNumber(revision);
  }

  /** Stores a request's number rows; throws PortNumberConflictError for a number held elsewhere. */
  async #putNumbers(client: PgClient, id: string, rows: [string, number][]): Promise<void> {
    if (rows.length === 0) return;
    // In number order, so two transactions claiming overlapping numbers never wait in a cycle.
    const sorted = [...rows].sort((a, b) => (a[0] < b[0] ? -1 : 1));
    const { rows: stored } = await client.query({
      text: this.#sql.putNumbers,
      values: [sorted.map((r) => r[0]), id, sorted.map((r) => r[1])],
    });
    if (stored.length === sorted.length) return;
    const kept = new Set(stored.map((row) => String(row["number"])));
    const refused = sorted.find(([number]) => !kept.has(number))?.[0] as string;
    const { rows: holders } = await client.query({ text: this.#sql.holder, values: [refused] });
    const holder = holders[0]?.["request"] as string | undefined;
    // The holder let go in the meantime: a lost race all the same, decided again.
    if (holder === undefined) throw new RevisionConflictError([id]);
    throw new PortNumberConflictError(refused, holder);
  }
}
