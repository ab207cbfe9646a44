import type Database from "better-sqlite3";
import type { PortRequestRecord } from "../../domain/port-request.js";
import type { Awaitable } from "../../ports/awaitable.js";
import {
  PortNumberConflictError,
  type PortRequestQuery,
  type PortRequestRepository,
  type PortRequestWrite,
  type StoredPortRequest,
} from "../../ports/port-requests.js";
import {
  portRequestLookup,
  portRequestStep,
  requestsMatching,
  type PortRequestLookup,
} from "../sql/batch.js";
import { SQLITE } from "../sql/dialect.js";
import * as sql from "../sql/port-requests.js";
import { refused, settle } from "./settle.js";

type Statement = Database.Statement<unknown[], unknown>;

/** True when SQLite refused a row for a unique index. */
const isUniqueViolation = (error: unknown): boolean =>
  (error as { code?: unknown }).code === "SQLITE_CONSTRAINT_UNIQUE";

/**
 * The port requests of a SQLite store: reads, and the writes a repository batch carries, run
 * inside that batch's transaction. P5 is the partial UNIQUE index on open numbers.
 */
export class SqlitePortRequests implements PortRequestRepository {
  readonly #get: Statement;
  /** The indexed reads of `findPortRequests`, by what narrows them. */
  readonly #lookups: Record<PortRequestLookup["by"], Statement>;
  readonly #create: Statement;
  readonly #update: Statement;
  readonly #delete: Statement;
  readonly #clearNumbers: Statement;
  readonly #putNumber: Statement;
  readonly #holder: Statement;
  readonly #porting: Statement;

  /** Prepares the statements on a database opened by `openSqliteDatabase`. */
  constructor(db: Database.Database) {
    const prepare = (text: string): Statement => db.prepare(SQLITE.text(text));
    this.#get = prepare(sql.GET_PORT_REQUEST);
    this.#lookups = {
      number: prepare(sql.PORT_REQUESTS_WITH_NUMBER),
      account: prepare(sql.PORT_REQUESTS_OF_ACCOUNT),
      all: prepare(sql.ALL_PORT_REQUESTS),
    };
    this.#create = prepare(sql.CREATE_PORT_REQUEST).pluck();
    this.#update = prepare(sql.UPDATE_PORT_REQUEST);
    this.#delete = prepare(sql.DELETE_PORT_REQUEST);
    this.#clearNumbers = prepare(sql.CLEAR_PORT_NUMBERS);
    this.#putNumber = prepare(sql.PUT_PORT_NUMBER);
    this.#holder = prepare(sql.OPEN_HOLDER).pluck();
    this.#porting = prepare(sql.PORTING_HOLDER).pluck();
  }

  /** Reads one request. */
  getPortRequest(id: string): Promise<StoredPortRequest | undefined> {
    return settle(() => {
      const row = this.#get.get(id) as sql.PortRequestRow | undefined;
      return row === undefined ? undefined : sql.storedPortRequest(row);
    });
  }

  /** The requests matching a query, by created then id (an index narrows by number or account), synchronously. */
  findPortRequests(query: PortRequestQuery): Awaitable<readonly PortRequestRecord[]> {
    try {
      const lookup = portRequestLookup(query);
      const rows = this.#lookups[lookup.by].all(...lookup.params) as sql.PortRequestRow[];
      return requestsMatching(rows, query);
    } catch (error) {
      return refused(error);
    }
  }

  /** True when a request in a PORTING state holds the number (§7.1); run inside a commit. */
  isPorting(number: string): boolean {
    return this.#porting.get(number) !== undefined;
  }

  /** Applies a batch's request writes inside its transaction; the ids of stale writes, or throws P5. */
  apply(writes: readonly PortRequestWrite[]): { stale: string[]; revisions: number[] } {
    const stale: string[] = [];
    const revisions: number[] = [];
    for (const write of writes) {
      const revision = this.#write(write);
      if (revision === undefined) stale.push(write.id);
      else revisions.push(revision);
    }
    return { stale, revisions };
  }

  #write(write: PortRequestWrite): number | undefined {
    const { id, record, expected } = write;
    const step = portRequestStep(write);
    if (step === undefined) return undefined;
    let revision: number | undefined;
    if (step.kind === "create") revision = this.#create.get(...step.params) as number | undefined;
    else {
      const changed = (step.kind === "update" ? this.#update : this.#delete).run(...step.params);
      revision = changed.changes === 1 ? (expected as number) + 1 : undefined;
    }
    if (revision === undefined) return undefined;
    this.#clearNumbers.run(id);
    for (const [number, open] of record === null ? [] : sql.portNumberRows(record)) {
      try {
        this.#putNumber.run(number, id, open);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        throw new PortNumberConflictError(number, String(this.#holder.get(number)));
      }
    }
    return revision;
  }
}
