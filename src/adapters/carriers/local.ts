import type { Carrier, CarrierSearch, CarrierSearchResult } from "../../ports/carrier.js";
import type { NumberRepository } from "../../ports/repository.js";

/**
 * `knm_local` (carriers.md §5.1): the pool of `available` local numbers. Needs an account;
 * offers numbers that really start with the prefix, in number order, after `offset`.
 * Acquire and disconnect are no-ops: the numbers are already the system's.
 */
export class LocalCarrier implements Carrier {
  readonly name = "local";
  readonly isLocal = true;

  /** Searches the pool in this repository. */
  constructor(private readonly repository: NumberRepository) {}

  /** Offers pool numbers. */
  async search(query: CarrierSearch): Promise<CarrierSearchResult> {
    if (query.accountId === undefined || !query.prefix.startsWith("+"))
      return { kind: "not_available" };
    const records = await this.repository.scanPrefix(query.prefix, "available", {
      limit: query.offset + query.quantity,
    });
    const offers = records
      .filter((record) => record.carrier === this.name)
      .slice(query.offset, query.offset + query.quantity)
      .map((record) => ({ number: record.number, state: record.state }));
    return { kind: "ok", offers };
  }

  /** Nothing to buy. */
  acquire(): Promise<{ readonly carrierData?: never }> {
    return Promise.resolve({});
  }

  /** Nothing to give back. */
  disconnect(): Promise<void> {
    return Promise.resolve();
  }
}
