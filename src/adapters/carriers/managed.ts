import { NumberLifecycleError } from "../../domain/errors.js";
import { makeRecord, type NumberRecord } from "../../domain/record.js";
import type { Carrier, CarrierSearch, CarrierSearchResult } from "../../ports/carrier.js";
import type { Clock } from "../../ports/clock.js";
import {
  RevisionConflictError,
  singleWrite,
  type NumberRepository,
} from "../../ports/repository.js";
import type { ManagedPoolStore, PoolEntry } from "./managed-pool.js";

/** Where found numbers are recorded: "create found" writes an `available` record per offer. */
export interface FoundRecords {
  readonly repository: NumberRepository;
  readonly clock: Clock;
}

const databaseError = (cause: string): NumberLifecycleError =>
  new NumberLifecycleError({ reason: "database_error", cause });

/**
 * `knm_managed` (carriers.md §5.4): numbers from the searching account's managed pool, else
 * from its reseller's. Each offer gets an unowned `available` record when it has none yet
 * ("create found"). Acquire copies the record's state and owner into the pool entry; disconnect
 * marks the entry `released` with no owner. A pool that cannot be written is a database error.
 */
export class ManagedCarrier implements Carrier {
  readonly name = "managed";
  readonly isLocal = true;

  /** Builds the carrier over its pool; with `found`, offers are recorded as `available` numbers. */
  constructor(
    private readonly pool: ManagedPoolStore,
    private readonly found?: FoundRecords,
  ) {}

  /** Offers available pool entries of the account, or of its reseller when the account has none. */
  async search(query: CarrierSearch): Promise<CarrierSearchResult> {
    const account = query.accountId;
    if (account === undefined) return { kind: "not_available" };
    const prefix = query.prefix.startsWith("+") ? query.prefix : `+${query.prefix}`;
    let entries = await this.#offerable(account, prefix, query.offset, query.quantity);
    const reseller = query.resellerId;
    if (entries.length === 0 && reseller !== undefined && reseller !== account) {
      entries = await this.#offerable(reseller, prefix, 0, query.quantity);
    }
    const offers = [];
    for (const entry of entries) {
      offers.push({ number: entry.number, state: await this.#createFound(entry.number) });
    }
    return { kind: "ok", offers };
  }

  /** Writes the record's state and owner into its pool entry. */
  async acquire(record: NumberRecord): Promise<Record<string, never>> {
    await this.#update(record.number, { state: record.state, owner: record.assignedTo });
    return {};
  }

  /** Marks the pool entry released and unowned. */
  async disconnect(record: NumberRecord): Promise<void> {
    await this.#update(record.number, { state: "released", owner: undefined });
  }

  async #offerable(
    account: string,
    prefix: string,
    offset: number,
    quantity: number,
  ): Promise<readonly PoolEntry[]> {
    const entries = await this.pool.entriesOf(account);
    return entries
      .filter((entry) => entry.state === "available" && entry.number.startsWith(prefix))
      .slice(offset, offset + quantity);
  }

  async #createFound(number: string): Promise<string> {
    if (this.found === undefined) return "available";
    const { repository, clock } = this.found;
    const existing = await repository.get(number);
    if (existing !== undefined) return existing.record.state;
    const record = makeRecord({ number, state: "available", now: clock.now(), carrier: this.name });
    try {
      await repository.commit(singleWrite(record, null));
      return "available";
    } catch (thrown) {
      if (!(thrown instanceof RevisionConflictError)) throw thrown;
      return (await repository.get(number))?.record.state ?? "available";
    }
  }

  async #update(number: string, change: Omit<PoolEntry, "number">): Promise<void> {
    let entry: PoolEntry | undefined;
    try {
      entry = await this.pool.get(number);
    } catch (thrown) {
      throw databaseError(thrown instanceof Error ? thrown.message : "pool read failed");
    }
    if (entry === undefined) throw databaseError("not_found");
    try {
      await this.pool.put({ number, state: change.state, owner: change.owner });
    } catch (thrown) {
      throw databaseError(thrown instanceof Error ? thrown.message : "pool write failed");
    }
  }
}
