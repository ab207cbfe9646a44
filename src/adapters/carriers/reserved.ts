import type { Carrier, CarrierSearch, CarrierSearchResult } from "../../ports/carrier.js";
import type { NumberRepository } from "../../ports/repository.js";

const PAGE = 100;

/**
 * `knm_reserved` and `knm_reserved_reseller` (carriers.md §5.2): the numbers reserved by the
 * searching account, or by its reseller, that start with the prefix, in number order, after
 * `offset`. Both are local: acquire and disconnect are no-ops.
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
    const wanted = query.offset + query.quantity;
    const found: string[] = [];
    let startKey: string | undefined = query.prefix;
    while (startKey !== undefined && found.length < wanted) {
      const page = await this.repository.listByOwner(owner, { startKey, limit: PAGE });
      const inRange = page.filter((record) => record.number.startsWith(query.prefix));
      for (const record of inRange) if (record.state === "reserved") found.push(record.number);
      const last = page.at(-1)?.number;
      const more = page.length === PAGE && inRange.length === page.length && last !== undefined;
      startKey = more ? `${last}\u0000` : undefined;
    }
    const offers = found
      .slice(query.offset, wanted)
      .map((number) => ({ number, state: "reserved" }));
    return { kind: "ok", offers };
  }

  /** Nothing to buy. */
  acquire(): Record<string, never> {
    return {};
  }

  /** Nothing to give back. */
  disconnect(): void {}
}
