import type { JsonObject } from "../../src/domain/json.js";
import type { Carrier, CarrierSearchResult } from "../../src/ports/carrier.js";
import type { E911Outcome, E911Provider, E911Validation } from "../../src/ports/e911.js";
import type { CityLookup, Phonebook } from "../../src/ports/phonebook.js";

const never = <T>(): Promise<T> => new Promise<T>(() => undefined);

/** A carrier whose every call never answers (name `simulated`, so records can point at it). */
export class HangingCarrier implements Carrier {
  readonly name = "simulated";
  readonly isLocal = false;

  /** Never answers. */
  search(): Promise<CarrierSearchResult> {
    return never();
  }

  /** Never answers. */
  acquire(): Promise<Record<string, never>> {
    return never();
  }

  /** Never answers. */
  disconnect(): Promise<void> {
    return never();
  }

  /** Never answers. */
  checkNumbers(): Promise<Record<string, string>> {
    return never();
  }

  /** Never answers. */
  orderState(): Promise<"held" | "not_held"> {
    return never();
  }
}

/** A phonebook that never answers. */
export class HangingPhonebook implements Phonebook {
  /** Never answers. */
  locality(): Promise<Record<string, JsonObject>> {
    return never();
  }

  /** Never answers. */
  cityPrefixes(): Promise<CityLookup> {
    return never();
  }
}

/** An E911 back end that never answers. */
export class HangingE911 implements E911Provider {
  /** Never answers. */
  validate(): Promise<E911Validation> {
    return never();
  }

  /** Never answers. */
  provision(): Promise<E911Outcome> {
    return never();
  }

  /** Never answers. */
  remove(): Promise<void> {
    return never();
  }
}
