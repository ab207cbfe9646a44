import type { Carrier, CarrierSearch, CarrierSearchResult } from "../../ports/carrier.js";
import type { NumberRepository } from "../../ports/repository.js";

const PAGE = 100;

/**
 * `knm_local` (carriers.md §5.1): the pool of `available` local numbers. Needs an account;
 * offers numbers that really start with the prefix, in number order, after `offset`, reading
 * page after page until enough are found or the prefix is exhausted. Acquire and disconnect are
 * no-ops: the numbers are already the system's.
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
    const wanted = query.offset + query.quantity;
    const found: string[] = [];
    let startKey: string | undefined = query.prefix;
    while (startKey !== undefined && found.length < wanted) {
      const page = await this.repository.scanPrefix(query.prefix, "available", {
        startKey,
        limit: PAGE,
      });
      for (const record of page) if (record.carrier === this.name) found.push(record.number);
      const last = page.at(-1)?.number;
      startKey = page.length < PAGE || last === undefined ? undefined : `${last}\u0000`;
    }
    const offers = found
      .slice(query.offset, wanted)
      .map((number) => ({ number, state: "available" }));
    return { kind: "ok", offers };
  }

  /** Nothing to buy. */
  acquire(): Record<string, never> {
    return {};
  }

  /** Nothing to give back. */
  disconnect(): void {}
}
