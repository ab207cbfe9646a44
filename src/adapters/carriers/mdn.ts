import type { Carrier, CarrierSearch, CarrierSearchResult } from "../../ports/carrier.js";

/**
 * `knm_mdn` (carriers.md §5): mobile numbers handed over by another system. It never offers
 * numbers; acquire and disconnect do nothing (the lifecycle deletes a released MDN number).
 */
export class MdnCarrier implements Carrier {
  readonly name = "mdn";
  readonly isLocal = false;

  /** Offers nothing. */
  search(_query: CarrierSearch): Promise<CarrierSearchResult> {
    return Promise.resolve({ kind: "not_available" });
  }

  /** Nothing to buy. */
  acquire(): Record<string, never> {
    return {};
  }

  /** Nothing to give back. */
  disconnect(): void {}
}
