import type { JsonObject, JsonValue } from "../domain/json.js";

/** The answer of a city lookup: the prefixes, or the phonebook's error body. */
export type CityLookup =
  | { readonly found: true; readonly data: JsonValue }
  | { readonly found: false; readonly body: JsonValue };

/** The locality back end behind `/locality`, `/prefix` and listing enrichment. */
export interface Phonebook {
  /** Locality objects of the numbers it knows, keyed by E.164 number. */
  locality(numbers: readonly string[]): Promise<Readonly<Record<string, JsonObject>>>;
  /** The prefixes of a city in a country. */
  cityPrefixes(country: string, city: string): Promise<CityLookup>;
}
