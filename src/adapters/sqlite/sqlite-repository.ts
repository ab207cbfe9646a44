import type Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import type { ClaimOutcome, KeyClaim } from "../../domain/idempotency.js";
import type { NumberRecord } from "../../domain/record.js";
import type { NumberState } from "../../domain/states.js";
import type { Awaitable } from "../../ports/awaitable.js";
import {
  RevisionConflictError,
  type CommitBatch,
  type EventPage,
  type NumberRepository,
  type NumberWrite,
  type PageRequest,
  type StoredNumber,
} from "../../ports/repository.js";
import { eventPage, numberStep, outboxRows, pageParams, prefixParams } from "../sql/batch.js";
import { SQLITE } from "../sql/dialect.js";
import {
  answerParams,
  claimFinding,
  cursorSequence,
  rowRecord,
  storedOf,
  type EventRow,
  type KeyRow,
  type NumberRow,
  type RevisedRow,
} from "../sql/rows.js";
import * as sql from "../sql/statements.js";
import { refused, settle } from "./settle.js";
import { SqliteOutbox } from "./sqlite-outbox.js";
import { SqlitePortRequests } from "./sqlite-port-requests.js";

type Statement = Database.Statement<unknown[], unknown>;

/**
 * The number repository on SQLite: one row per number in `numbers`, the outbox in `events`,
 * idempotency keys in `idempotency_keys`, every statement prepared once. A batch is one
 * IMMEDIATE transaction, so two processes on one file serialize their commits and each write
 * is a compare-and-set on the row's revision.
 */
export class SqliteNumberRepository implements NumberRepository {
  readonly #get: Statement;
  readonly #create: Statement;
  readonly #update: Statement;
  readonly #delete: Statement;
  readonly #guardAbsent: Statement;
  readonly #guard: Statement;
  readonly #insertEvent: Statement;
  readonly #byOwner: Statement;
  readonly #stateRange: Statement;
  readonly #byState: Statement;
  readonly #outbox: SqliteOutbox;
  readonly #getKey: Statement;
  readonly #claimKey: Statement;
  readonly #keepAnswer: Statement;
  readonly #releaseKey: Statement;
  readonly #purgeKeys: Statement;
  readonly #commit: (batch: CommitBatch) => number[];
  readonly #claim: (claim: KeyClaim) => ClaimOutcome;
  readonly #readMany: (numbers: readonly string[]) => Map<string, StoredNumber>;
  /** The store's port requests, written by `commit` in the same transaction as the numbers (P8). */
  readonly portRequests: SqlitePortRequests;

  /** Prepares the statements on a database opened by `openSqliteDatabase`. */
  constructor(db: Database.Database) {
    const prepare = (text: string): Statement => db.prepare(SQLITE.text(text));
    this.portRequests = new SqlitePortRequests(db);
    this.#get = prepare(sql.GET_NUMBER);
    this.#create = prepare(sql.CREATE_NUMBER).pluck();
    this.#update = prepare(sql.UPDATE_NUMBER);
    this.#delete = prepare(sql.DELETE_NUMBER);
    this.#guardAbsent = prepare(sql.GUARD_ABSENT_NUMBER).pluck();
    this.#guard = prepare(sql.GUARD_NUMBER);
    this.#insertEvent = prepare(sql.INSERT_EVENT);
    this.#byOwner = prepare(sql.LIST_BY_OWNER);
    this.#stateRange = prepare(sql.SCAN_STATE_RANGE);
    this.#byState = prepare(sql.LIST_BY_STATE);
    this.#outbox = new SqliteOutbox(db);
    this.#getKey = prepare(sql.GET_KEY);
    this.#claimKey = prepare(sql.CLAIM_KEY);
    this.#keepAnswer = prepare(sql.KEEP_ANSWER);
    this.#releaseKey = prepare(sql.RELEASE_KEY);
    this.#purgeKeys = prepare(sql.PURGE_KEYS);
    const commit = db.transaction((batch: CommitBatch) => this.#apply(batch));
    this.#commit = (batch) => commit.immediate(batch);
    const claim = db.transaction((key: KeyClaim) => this.#claimIn(key));
    this.#claim = (key) => claim.immediate(key);
    this.#readMany = db.transaction((numbers: readonly string[]) => this.#readManyIn(numbers));
  }

  /** Reads one record, synchronously (a driver failure is a rejected promise). */
  get(number: string): Awaitable<StoredNumber | undefined> {
    try {
      const row = this.#get.get(number) as RevisedRow | undefined;
      return row === undefined ? undefined : storedOf(row);
    } catch (error) {
      return refused(error);
    }
  }

  /** Reads several records (one indexed read each, in one read transaction), synchronously. */
  getMany(numbers: readonly string[]): Awaitable<ReadonlyMap<string, StoredNumber>> {
    try {
      return numbers.length > 1 ? this.#readMany(numbers) : this.#readManyIn(numbers);
    } catch (error) {
      return refused(error);
    }
  }

  #readManyIn(numbers: readonly string[]): Map<string, StoredNumber> {
    const out = new Map<string, StoredNumber>();
    for (const number of numbers) {
      const row = this.#get.get(number) as RevisedRow | undefined;
      if (row !== undefined) out.set(number, storedOf(row));
    }
    return out;
  }

  /**
   * Applies every write if each expected revision holds, else none (one IMMEDIATE transaction).
   * Answers with the revisions at once; a conflict or a driver failure is a rejected promise.
   */
  commit(batch: CommitBatch): Awaitable<readonly number[]> {
    try {
      return this.#commit(batch);
    } catch (error) {
      return refused(error);
    }
  }

  /** `commit`, synchronously: for work inside a surrounding transaction (seeding a new database). */
  commitNow(batch: CommitBatch): readonly number[] {
    return this.#commit(batch);
  }

  /** The body of a commit, inside its transaction: throws RevisionConflictError to roll back. */
  #apply(batch: CommitBatch): number[] {
    const stale: string[] = [];
    for (const { number, expected } of batch.guards ?? []) {
      const held =
        expected === null
          ? this.#guardAbsent.get(number) !== undefined
          : this.#guard.run(number, expected).changes === 1;
      if (!held) stale.push(number);
    }
    const revisions: number[] = [];
    for (const write of batch.writes) {
      const revision = this.#write(write);
      if (
        revision === undefined ||
        (write.unlessPorting === true && this.portRequests.isPorting(write.number))
      )
        stale.push(write.number);
      else revisions.push(revision);
    }
    if (stale.length > 0) throw new RevisionConflictError(stale);
    const applied = this.portRequests.apply(batch.portRequests ?? []);
    if (applied.stale.length > 0) throw new RevisionConflictError(applied.stale);
    for (const row of outboxRows(batch, revisions, applied.revisions))
      this.#insertEvent.run(...row);
    for (const answer of batch.answers ?? []) this.#keepAnswer.run(...answerParams(answer));
    return revisions;
  }

  /** One compare-and-set write; the new revision, or undefined when the expected one did not hold. */
  #write(write: NumberWrite): number | undefined {
    const step = numberStep(write);
    if (step.kind === "create") return this.#create.get(...step.params) as number | undefined;
    const changed = (step.kind === "update" ? this.#update : this.#delete).run(...step.params);
    return changed.changes === 1 ? (write.expected as number) + 1 : undefined;
  }

  /** Takes a key, or reports its kept answer or running claim (one IMMEDIATE transaction). */
  claimKey(claim: KeyClaim): Promise<ClaimOutcome> {
    return settle(() => this.#claim(claim));
  }

  #claimIn(claim: KeyClaim): ClaimOutcome {
    const row = this.#getKey.get(claim.account, claim.key) as KeyRow | undefined;
    const finding = claimFinding(row, claim);
    if (finding !== undefined) return finding;
    const token = randomUUID();
    this.#claimKey.run(claim.account, claim.key, token, claim.fingerprint, claim.leaseUntil);
    return { kind: "claimed", token };
  }

  /** Gives back an unanswered claim of this token. */
  releaseKey(account: string, key: string, token: string): Promise<void> {
    return settle(() => {
      this.#releaseKey.run(account, key, token);
    });
  }

  /** Forgets expired answers and claims whose lease ended. */
  purgeKeys(before: number): Promise<number> {
    return settle(() => this.#purgeKeys.run(before, before).changes);
  }

  /** Lists an account's numbers in number order (keyset paging on the owner index). */
  listByOwner(owner: string, page: PageRequest = {}): Promise<readonly NumberRecord[]> {
    return this.#records(this.#byOwner, pageParams(SQLITE, owner, page));
  }

  /** Lists numbers with a prefix in a state, in number order (a range of the state index). */
  scanPrefix(
    prefix: string,
    state: NumberState,
    page: PageRequest = {},
  ): Promise<readonly NumberRecord[]> {
    return this.#records(this.#stateRange, prefixParams(SQLITE, prefix, state, page));
  }

  /** Lists every record in a state, in number order. */
  listByState(state: NumberState, page: PageRequest = {}): Promise<readonly NumberRecord[]> {
    return this.#records(this.#byState, pageParams(SQLITE, state, page));
  }

  /** Reads committed events after a cursor, oldest first. */
  eventsSince(cursor: string | undefined, limit: number): Promise<EventPage> {
    return settle(() =>
      eventPage(
        this.#outbox.since(cursorSequence(cursor), Math.max(0, limit)) as EventRow[],
        cursor,
      ),
    );
  }

  /** Drops events older than `before`. */
  pruneEvents(before: number): Promise<number> {
    return settle(() => this.#outbox.prune(before));
  }

  #records(statement: Statement, params: unknown[]): Promise<NumberRecord[]> {
    return settle(() => (statement.all(...params) as NumberRow[]).map(rowRecord));
  }
}
