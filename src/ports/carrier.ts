import type { JsonObject } from "../domain/json.js";
import type { NumberRecord } from "../domain/record.js";
import type { Awaitable } from "./awaitable.js";

/** A search at a carrier (carriers.md §1). */
export interface CarrierSearch {
  /** Normalized E.164 prefix, e.g. `+1415`. */
  readonly prefix: string;
  readonly quantity: number;
  /** How many of this carrier's own results to skip. */
  readonly offset: number;
  /** ISO 3166 alpha-2. */
  readonly country: string;
  /** The searching account, when known. */
  readonly accountId?: string;
  /** That account's reseller, when known. */
  readonly resellerId?: string;
}

/** One number a carrier offers. */
export interface CarrierOffer {
  readonly number: string;
  /** The state a local carrier reports (e.g. `reserved`); external offers become `discovery`. */
  readonly state?: string;
  /** Fields shown in search results next to `number` and `state` (decisions.md D5). */
  readonly fields?: JsonObject;
  /** Opaque data remembered with the discovery record. */
  readonly carrierData?: JsonObject;
}

/** What a carrier search returns (carriers.md §1: ok / bulk / stopping_here / error). */
export type CarrierSearchResult =
  | { readonly kind: "ok" | "bulk" | "stopping_here"; readonly offers: readonly CarrierOffer[] }
  | { readonly kind: "not_available" };

/** What an acquire may change on the record. */
export interface AcquireResult {
  readonly carrierData?: JsonObject;
  /** Features the carrier sets (e.g. `locality`). */
  readonly features?: JsonObject;
}

/** A carrier module: where numbers come from and go back to. */
export interface Carrier {
  /** Module name without the `knm_` prefix (`local`, `simulated`, `other`, ...). */
  readonly name: string;
  /** True when the carrier's numbers are managed inside the system (no external API). */
  readonly isLocal: boolean;
  /** Offers numbers starting with a prefix. */
  search(query: CarrierSearch): Promise<CarrierSearchResult>;
  /** Buys a number for the system; throws on failure. */
  acquire(record: NumberRecord): Awaitable<AcquireResult>;
  /** Gives a number back to the carrier; throws on failure. */
  disconnect(record: NumberRecord): Awaitable<void>;
  /** Reports whether numbers can still be bought: number -> status (`success`, `error`). */
  checkNumbers?(numbers: readonly string[]): Promise<Readonly<Record<string, string>>>;
  /** Says whether the system holds the number at this carrier now (bought and not given back); used to settle orders that answered too late. */
  orderState?(number: string): Promise<"held" | "not_held">;
}
