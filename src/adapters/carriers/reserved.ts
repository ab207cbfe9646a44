import type { Carrier, CarrierSearch, CarrierSearchResult } from "../../ports/carrier.js";
import type { NumberRepository } from "../../ports/repository.js";

/**
 * `knm_reserved` and `knm_reserved_reseller` (carriers.md §5.2): the numbers reserved by the
 * searching account, or by its reseller, that start with the prefix. Both are local.
 */
export class ReservedCarrier implements Carrier {
  readonly isLocal = true;
  readonly name: "reserved" | "reserved_reseller";

  /** `of` picks whose reserved numbers are offered: the account's or its reseller's. */
  constructor(
    private readonly repository: NumberRepository,
    private readonly of: "account" | "reseller",
  ) {
    this.name = of === "account" ? "reserved" : "reserved_reseller";
  }

  /** Offers reserved numbers of the account (or reseller). */
  async search(query: CarrierSearch): Promise<CarrierSearchResult> {
    const owner = this.of === "account" ? query.accountId : query.resellerId;
    if (owner === undefined) return { kind: "not_available" };
    const owned = await this.repository.listByOwner(owner, { startKey: query.prefix });
    const offers = owned
      .filter((record) => record.number.startsWith(query.prefix) && record.state === "reserved")
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
