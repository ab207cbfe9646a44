import assert from "node:assert/strict";
import type { Phonebook } from "../ports/phonebook.js";
import { assertFailsWithMessage, assertJson, assertJsonObject, required } from "./assertions.js";
import { withSkips, type ContractCase, type SkipReasons } from "./contract-case.js";

/** A phonebook set up for the contract, with what it knows and does not know. */
export interface PhonebookFixture {
  readonly phonebook: Phonebook;
  /** E.164 numbers it has a locality for (at least one). */
  readonly known: readonly string[];
  /** An E.164 number it has no locality for. */
  readonly unknown: string;
  /** A city it has prefixes for. */
  readonly city: { readonly country: string; readonly name: string };
  /** A city of the same country it does not know. */
  readonly unknownCity: string;
  /** The same phonebook with its back end down. */
  readonly failing?: Phonebook;
}

/** Every case of the phonebook contract, by key. */
export type PhonebookCase = "locality" | "localityNone" | "city" | "unknownCity" | "failure";

/** A phonebook under the contract: a factory of fresh fixtures and the cases it skips. */
export interface PhonebookSubject {
  readonly make: () => Promise<PhonebookFixture> | PhonebookFixture;
  readonly skip?: SkipReasons<PhonebookCase>;
}

/**
 * The Phonebook contract: what `/locality`, `/prefix` and listing enrichment rely on. The
 * engine keys localities by the E.164 numbers it asked for and turns a throw or rejection
 * into an API error carrying the Error's message.
 */
export function phonebookContract(subject: PhonebookSubject): ContractCase[] {
  const { make } = subject;
  return withSkips<PhonebookCase>(
    [
      {
        id: "locality",
        name: "locality answers a JSON object for each known number, keyed by the number asked, and nothing for an unknown one",
        run: async () => {
          const { phonebook, known, unknown } = await make();
          assert.ok(known.length > 0, "the fixture must know at least one number");
          const answer = await phonebook.locality([unknown, ...known]);
          assert.deepEqual(Object.keys(answer).sort(), [...known].sort(), "numbers answered");
          for (const number of known) assertJsonObject(answer[number], `locality of ${number}`);
        },
      },
      {
        id: "localityNone",
        name: "locality answers an empty object when asked for no number or only unknown ones",
        run: async () => {
          const { phonebook, unknown } = await make();
          assert.deepEqual({ ...(await phonebook.locality([])) }, {}, "no number asked");
          assert.deepEqual({ ...(await phonebook.locality([unknown])) }, {}, "an unknown number");
        },
      },
      {
        id: "city",
        name: "cityPrefixes of a known city is found, with JSON data",
        run: async () => {
          const { phonebook, city } = await make();
          const lookup = await phonebook.cityPrefixes(city.country, city.name);
          assert.equal(lookup.found, true, `${city.name} is not found`);
          if (lookup.found) assertJson(lookup.data, "the city's data");
        },
      },
      {
        id: "unknownCity",
        name: "cityPrefixes of an unknown city is not found, with a JSON body the API passes on",
        run: async () => {
          const { phonebook, city, unknownCity } = await make();
          const lookup = await phonebook.cityPrefixes(city.country, unknownCity);
          assert.equal(lookup.found, false, `${unknownCity} is found`);
          if (!lookup.found) assertJson(lookup.body, "the not-found body");
        },
      },
      {
        id: "failure",
        name: "a phonebook whose back end is down fails locality and cityPrefixes with an Error that has a message",
        run: async () => {
          const fixture = await make();
          const failing = required(fixture.failing, "failing phonebook");
          await assertFailsWithMessage(() => failing.locality(fixture.known), "locality");
          const { country, name } = fixture.city;
          await assertFailsWithMessage(() => failing.cityPrefixes(country, name), "cityPrefixes");
        },
      },
    ],
    subject.skip,
  );
}
