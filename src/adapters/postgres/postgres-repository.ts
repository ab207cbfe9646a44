import { createHash, randomUUID } from "node:crypto";
import type { ClaimOutcome, KeptAnswer, KeyClaim } from "../../domain/idempotency.js";
import type { NumberRecord } from "../../domain/record.js";
import type { NumberState } from "../../domain/states.js";
import {
  RevisionConflictError,
  type CommitBatch,
  type EventPage,
  type NumberRepository,
  type NumberGuard,
  type NumberWrite,
  type PageRequest,
  type StoredNumber,
} from "../../ports/repository.js";
import {
  inTransaction,
  mapError,
  retrying,
  toNumber,
  type PgClient,
  type PgPool,
  type PgQueryable,
  type PgResult,
} from "./driver.js";
import {
  eventPage,
  inNumberOrder,
  numberStep,
  outboxRows,
  pageParams,
  prefixParams,
} from "../sql/batch.js";
import { POSTGRES } from "../sql/dialect.js";
import {
  answerParams,
  claimFinding,
  cursorSequence,
  eventBody,
  recordColumns,
  rowRecord,
  storedOf,
  type EventRow,
  type KeyRow,
  type NumberRow,
  type RevisedRow,
} from "../sql/rows.js";
import { PostgresPortRequests } from "./postgres-port-requests.js";
import { statementsFor, type Statements } from "./statements.js";

/** The events' timestamps and JSON bodies of a write, as two parallel arrays. */
const eventColumns = (write: NumberWrite): [number[], string[]] => [
  write.events.map((e) => e.timestamp),
  write.events.map(eventBody),
];

/** A row as the shared row mapping reads it. */
const revised = (row: Record<string, unknown>): RevisedRow => row as unknown as RevisedRow;

/**
 * A NumberRepository on PostgreSQL (and wire-compatible engines): one row per number, revision
 * compare-and-set on every write, and an outbox that every instance sharing the database reads
 * in one commit order. Build it with `openPostgresStore`, which migrates the schema first.
 */
export class PostgresNumberRepository implements NumberRepository {
  readonly #pool: PgPool;
  readonly #sql: Statements;
  /** Prefix of prepared statement names, distinct per schema so stores can share a pool. */
  readonly #prefix: string;
  /** The store's port requests, written by `commit` in the same transaction as the numbers (P8). */
  readonly portRequests: PostgresPortRequests;

  /** A repository over `pool` on the tables of `schema` (already migrated). */
  constructor(pool: PgPool, schema: string) {
    this.#pool = pool;
    this.#sql = statementsFor(schema);
    this.#prefix = `nl_${createHash("sha1").update(schema).digest("hex").slice(0, 10)}_`;
    this.portRequests = new PostgresPortRequests(pool, schema);
  }

  /** Runs a named statement on `on` (the pool unless inside a transaction). */
  #run(name: keyof Statements, values: unknown[], on: PgQueryable = this.#pool): Promise<PgResult> {
    return on.query({ name: this.#prefix + name, text: this.#sql[name], values });
  }

  /** Runs a read, mapping a driver failure to a PostgresStoreError. */
  async #read(name: keyof Statements, values: unknown[]): Promise<PgResult> {
    try {
      return await this.#run(name, values);
    } catch (error) {
      throw mapError(error, []);
    }
  }

  /** Reads one record. */
  async get(number: string): Promise<StoredNumber | undefined> {
    const { rows } = await this.#read("get", [number]);
    return rows[0] === undefined ? undefined : storedOf(revised(rows[0]));
  }

  /** Reads several records. */
  async getMany(numbers: readonly string[]): Promise<ReadonlyMap<string, StoredNumber>> {
    const out = new Map<string, StoredNumber>();
    if (numbers.length === 0) return out;
    const { rows } = await this.#read("getMany", [[...numbers]]);
    for (const row of rows) out.set(String(row["number"]), storedOf(revised(row)));
    return out;
  }

  /** Applies every write (numbers and port requests) if all expected revisions hold, else none. */
  async commit(batch: CommitBatch): Promise<readonly number[]> {
    const requests = batch.portRequests ?? [];
    const keys = [...batch.writes.map((w) => w.number), ...requests.map((w) => w.id)];
    try {
      return await retrying(() =>
        batch.writes.length === 1 &&
        (batch.answers ?? []).length === 0 &&
        requests.length === 0 &&
        (batch.guards ?? []).length === 0 &&
        batch.writes[0]?.unlessPorting !== true
          ? this.#commitOne(batch.writes[0] as NumberWrite)
          : inTransaction(this.#pool, (client) => this.#commitMany(client, batch)),
      );
    } catch (error) {
      throw mapError(error, keys);
    }
  }

  /** One write and its events in one statement: one round trip. */
  async #commitOne(write: NumberWrite): Promise<readonly number[]> {
    const step = numberStep(write);
    const { rows } = await this.#run(`${step.kind}One`, [...step.params, ...eventColumns(write)]);
    if (rows[0] === undefined) throw new RevisionConflictError([write.number]);
    return [toNumber(rows[0]["revision"])];
  }

  /** Several writes, the answers, the port requests, then the events, in one transaction on `client`. */
  async #commitMany(client: PgClient, batch: CommitBatch): Promise<readonly number[]> {
    const unguarded = await this.#guard(client, batch.guards ?? []);
    const sorted = inNumberOrder(batch.writes);
    const updates = sorted.filter((w) => w.expected !== null);
    const creates = sorted.filter((w) => w.expected === null);
    const revisions = new Map<string, number>();
    const collect = (result: PgResult): void => {
      for (const row of result.rows)
        revisions.set(String(row["number"]), toNumber(row["revision"]));
    };
    if (updates.length > 0)
      collect(
        await this.#run(
          "updateMany",
          [updates.map((w) => w.number), updates.map((w) => w.expected), ...columnArrays(updates)],
          client,
        ),
      );
    if (creates.length > 0)
      collect(
        await this.#run(
          "createMany",
          [creates.map((w) => w.number), ...columnArrays(creates)],
          client,
        ),
      );
    // After the writes, which hold their rows' locks: a racing request that guarded one of these
    // numbers has committed (seen here) or will find the row taken (port-requests.md §7.1).
    const porting = await this.portRequests.portingAmong(
      client,
      batch.writes.filter((w) => w.unlessPorting === true).map((w) => w.number),
    );
    const stale = [
      ...unguarded,
      ...batch.writes
        .filter((w) => !revisions.has(w.number) || porting.has(w.number))
        .map((w) => w.number),
    ];
    if (stale.length > 0) throw new RevisionConflictError(stale);
    await this.#keepAnswers(client, batch.answers ?? []);
    const requestRevisions = await this.portRequests.apply(client, batch.portRequests ?? []);
    const numberRevisions = batch.writes.map((w) => revisions.get(w.number) as number);
    const events = outboxRows(batch, numberRevisions, requestRevisions);
    if (events.length > 0)
      await this.#run(
        "appendEvents",
        [0, 1, 2, 3].map((column) => events.map((row) => row[column])),
        client,
      );
    return numberRevisions;
  }

  /** Bumps each guarded number's row at the revision read (a tombstone for an absent one), in number order; the numbers whose revision moved on. */
  async #guard(client: PgClient, guards: readonly NumberGuard[]): Promise<string[]> {
    if (guards.length === 0) return [];
    const sorted = inNumberOrder(guards);
    const live = sorted.filter((g) => g.expected !== null);
    const absent = sorted.filter((g) => g.expected === null).map((g) => g.number);
    const held = new Set<string>();
    const collect = (result: PgResult): void => {
      for (const row of result.rows) held.add(String(row["number"]));
    };
    if (live.length > 0)
      collect(
        await this.#run(
          "guardMany",
          [live.map((g) => g.number), live.map((g) => g.expected)],
          client,
        ),
      );
    if (absent.length > 0) collect(await this.#run("guardAbsentMany", [absent], client));
    return sorted.filter((g) => !held.has(g.number)).map((g) => g.number);
  }

  /** Stores the answers of a batch over their keys' claims (the last answer of a key wins). */
  async #keepAnswers(client: PgClient, answers: readonly KeptAnswer[]): Promise<void> {
    if (answers.length === 0) return;
    for (const answer of answers) await this.#run("keepAnswers", answerParams(answer), client);
  }

  /** Takes a key for a request, or reports its kept answer or running claim. */
  async claimKey(claim: KeyClaim): Promise<ClaimOutcome> {
    const token = randomUUID();
    try {
      // A key released or purged between the two statements is simply claimed on the next turn.
      for (;;) {
        const taken = await this.#run("claimKey", [
          claim.account,
          claim.key,
          token,
          claim.fingerprint,
          claim.leaseUntil,
          claim.now,
        ]);
        if (taken.rows.length > 0) return { kind: "claimed", token };
        const { rows } = await this.#run("readKey", [claim.account, claim.key]);
        const finding = claimFinding(rows[0] as KeyRow | undefined, claim);
        if (finding !== undefined) return finding;
      }
    } catch (error) {
      throw mapError(error, []);
    }
  }

  /** Gives back an unanswered claim of this token. */
  async releaseKey(account: string, key: string, token: string): Promise<void> {
    await this.#read("releaseKey", [account, key, token]);
  }

  /** Forgets expired answers and claims whose lease ended. */
  async purgeKeys(before: number): Promise<number> {
    return (await this.#read("purgeKeys", [before, before])).rowCount ?? 0;
  }

  /** Lists an account's numbers in number order. */
  async listByOwner(owner: string, page: PageRequest = {}): Promise<readonly NumberRecord[]> {
    return this.#records("listByOwner", pageParams(POSTGRES, owner, page));
  }

  /** Lists numbers with a prefix in a state, in number order. */
  async scanPrefix(
    prefix: string,
    state: NumberState,
    page: PageRequest = {},
  ): Promise<readonly NumberRecord[]> {
    return this.#records("scanRange", prefixParams(POSTGRES, prefix, state, page));
  }

  /** Lists every record in a state, in number order. */
  async listByState(state: NumberState, page: PageRequest = {}): Promise<readonly NumberRecord[]> {
    return this.#records("listByState", pageParams(POSTGRES, state, page));
  }

  async #records(name: keyof Statements, values: unknown[]): Promise<NumberRecord[]> {
    const { rows } = await this.#read(name, values);
    return rows.map((row) => rowRecord(row as unknown as NumberRow));
  }

  /** Reads committed events after a cursor, in commit order. */
  async eventsSince(cursor: string | undefined, limit: number): Promise<EventPage> {
    const { rows } = await this.#read("eventsSince", [cursorSequence(cursor), Math.max(0, limit)]);
    return eventPage(rows as unknown as EventRow[], cursor);
  }

  /** Drops events older than `before`. */
  async pruneEvents(before: number): Promise<number> {
    return (await this.#read("pruneEvents", [before])).rowCount ?? 0;
  }
}

/** The state, owner and doc columns of writes (NULL for a delete), as three parallel arrays. */
function columnArrays(
  writes: readonly NumberWrite[],
): [(string | null)[], (string | null)[], (string | null)[]] {
  const columns = writes.map((w) =>
    w.record === null ? [null, null, null] : recordColumns(w.record),
  );
  return [columns.map((c) => c[0]), columns.map((c) => c[1]), columns.map((c) => c[2])];
}
