import type { JsonObject, JsonValue } from "../../domain/json.js";
import type { CityLookup, Phonebook } from "../../ports/phonebook.js";
import { FaultPlan } from "../fault-plan.js";

/** The data of an in-memory phonebook: localities by E.164 number and prefixes by city. */
export interface PhonebookData {
  readonly localities?: Readonly<Record<string, JsonObject>>;
  readonly cities?: Readonly<Record<string, JsonValue>>;
}

/** A phonebook answering from fixed data, with injectable faults (ops `locality`, `prefix`). */
export class MemoryPhonebook implements Phonebook {
  /** Builds the phonebook over its data. */
  constructor(
    private readonly data: PhonebookData,
    private readonly faults: FaultPlan = new FaultPlan(),
  ) {}

  /** Locality objects of the numbers it knows. */
  async locality(numbers: readonly string[]): Promise<Readonly<Record<string, JsonObject>>> {
    await this.faults.enter("phonebook", "locality", numbers);
    const out: Record<string, JsonObject> = {};
    for (const number of numbers) {
      const found = this.data.localities?.[number];
      if (found !== undefined) out[number] = found;
    }
    return out;
  }

  /** The prefixes of a city (case-insensitive), or the phonebook's 404 body. */
  async cityPrefixes(_country: string, city: string): Promise<CityLookup> {
    await this.faults.enter("phonebook", "prefix");
    const cities = this.data.cities ?? {};
    const key = Object.keys(cities).find((name) => name.toLowerCase() === city.toLowerCase());
    const data = key === undefined ? undefined : cities[key];
    return data === undefined
      ? { found: false, body: { data: {}, error: 404, message: "Not Found", status: "error" } }
      : { found: true, data };
  }
}
