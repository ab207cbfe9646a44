import type { AccountSpec } from "../adapters/memory/memory-accounts.js";
import type { InventoryEntry } from "../adapters/carriers/simulated.js";
import type { PhonebookData } from "../adapters/providers/memory-phonebook.js";
import type { E911Rule } from "../adapters/providers/simulated-e911.js";
import type { MemoryWorldOptions } from "../compose/memory-world.js";
import type { JsonObject } from "../domain/json.js";

/** A demo account with the token that authenticates it. */
export interface DemoAccount {
  readonly id: string;
  readonly name: string;
  readonly token: string;
}

/** The demo accounts: the master, a reseller allowed to add numbers and managing its customers' port requests, two customers under it. */
export const DEMO_ACCOUNTS: readonly (DemoAccount & AccountSpec)[] = [
  { id: "demo_master", name: "Master", token: "token-master", master: true, reseller: true },
  {
    id: "demo_reseller",
    name: "Reseller",
    token: "token-reseller",
    parent: "demo_master",
    reseller: true,
    allowAdditions: true,
    portAuthority: true,
  },
  { id: "demo_customer_a", name: "Customer A", token: "token-customer-a", parent: "demo_reseller" },
  { id: "demo_customer_b", name: "Customer B", token: "token-customer-b", parent: "demo_reseller" },
];

interface RateCenter {
  readonly lata: string;
  readonly name: string;
  readonly state: string;
}

interface Exchange {
  readonly npa: string;
  readonly nxx: string;
  readonly center: RateCenter;
}

const SAN_RAFAEL: RateCenter = { lata: "722", name: "SAN RAFAEL", state: "CA" };
const SAN_FRANCISCO: RateCenter = { lata: "722", name: "SAN FRANCISCO", state: "CA" };
const NEW_YORK: RateCenter = { lata: "132", name: "NEW YORK CITY", state: "NY" };

/** Exchanges of the simulated upstream carrier; 415-233 comes first, as in the API document. */
const EXCHANGES: readonly Exchange[] = [
  { npa: "415", nxx: "233", center: SAN_RAFAEL },
  { npa: "415", nxx: "259", center: SAN_RAFAEL },
  { npa: "415", nxx: "523", center: SAN_FRANCISCO },
  { npa: "415", nxx: "558", center: SAN_FRANCISCO },
  { npa: "628", nxx: "200", center: SAN_FRANCISCO },
  { npa: "628", nxx: "444", center: SAN_FRANCISCO },
  { npa: "628", nxx: "867", center: SAN_FRANCISCO },
  { npa: "212", nxx: "226", center: NEW_YORK },
  { npa: "212", nxx: "380", center: NEW_YORK },
  { npa: "212", nxx: "555", center: NEW_YORK },
  { npa: "212", nxx: "736", center: NEW_YORK },
  { npa: "212", nxx: "980", center: NEW_YORK },
];

const PER_EXCHANGE = 250;

/** The API document's global search example keeps its ids. */
const DOCUMENTED_IDS: Readonly<Record<string, string>> = {
  "+14152338397": "4AA418FB-3409-4340-8210-E7EAFE2AB118",
  "+14152338421": "0CD68E85-F149-477F-9C13-1E720ACCC3EE",
};

/** A small seeded generator (mulberry32), so every start builds the same world. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join("");
  const parts = [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20),
  ];
  return parts.join("-").toUpperCase();
}

/** Distinct four-digit line numbers of one exchange, ascending; 8397 and 8421 lead 415-233. */
function lines(random: () => number, exchange: Exchange): string[] {
  const chosen = new Set<string>(exchange.nxx === "233" ? ["8397", "8421"] : []);
  while (chosen.size < PER_EXCHANGE) {
    const line = String(Math.floor(random() * 10_000)).padStart(4, "0");
    if (exchange.nxx !== "233" || line > "8421") chosen.add(line);
  }
  return [...chosen].sort();
}

/** The simulated upstream carrier's stock: 3,000 numbers with the API document's search fields. */
export function demoInventory(): InventoryEntry[] {
  const random = seeded(2600);
  return EXCHANGES.flatMap((exchange) =>
    lines(random, exchange).map((line) => {
      const tenDigit = `${exchange.npa}${exchange.nxx}${line}`;
      const number = `+1${tenDigit}`;
      const id = DOCUMENTED_IDS[number] ?? uuid(random);
      return {
        number,
        fields: {
          e164: number,
          formatted_number: `1-${exchange.npa}-${exchange.nxx}-${line}`,
          npa_nxx: `${exchange.npa}${exchange.nxx}`,
          number_id: id,
          rate_center: { ...exchange.center },
          status: "Available",
          ten_digit: tenDigit,
        },
      };
    }),
  );
}

const titleCase = (name: string): string =>
  name.toLowerCase().replace(/\b\w/g, (letter) => letter.toUpperCase());

/** A phonebook locality object (API document shape) for a number of an exchange. */
function locality(number: string, exchange: Exchange): JsonObject {
  const inNewYork = exchange.center.state === "NY";
  return {
    carrier: { company: "Demo Telecom Inc", dba: "Demo Telecom", id: "0001", type: "CLEC" },
    country: "US",
    e164_number: number,
    geocode: { locality: inNewYork ? "New York" : "California" },
    locality: {
      alt_postal_codes: [],
      extended_postal_code: null,
      locality: titleCase(exchange.center.name),
      postal_code: inNewYork ? "10001" : "94103",
      province: exchange.center.state,
      type: "LANDLINE",
    },
    number,
    status: "success",
  };
}

/** Localities for the first ten numbers of every exchange, and the demo cities. */
function demoPhonebook(inventory: readonly InventoryEntry[]): PhonebookData {
  const localities: Record<string, JsonObject> = {};
  for (const [i, entry] of inventory.entries()) {
    const exchange = EXCHANGES[Math.floor(i / PER_EXCHANGE)];
    if (exchange !== undefined && i % PER_EXCHANGE < 10) {
      localities[entry.number] = locality(entry.number, exchange);
    }
  }
  const cities = { "San Francisco": ["415", "628"], "San Rafael": ["415"], "New York": ["212"] };
  return { localities, cities };
}

/** The E911 back end: the API document's address provisions; `1 MARKET ST` is ambiguous. */
const DEMO_E911: readonly E911Rule[] = [
  {
    match: { street_address: "116 NATOMA ST", postal_code: "94105" },
    result: "valid",
    provisioned: {
      street_address: "116 NATOMA ST",
      extended_address: "APT 116",
      caller_name: "Valued Customer",
      locality: "SAN FRANCISCO",
      latitude: "37.786861",
      longitude: "-122.399484",
      location_id: "27578725",
      plus_four: "3745",
      postal_code: "94105",
      region: "CA",
      status: "PROVISIONED",
      legacy_data: { house_number: "116", streetname: "NATOMA ST", suite: "APT 116" },
    },
  },
  {
    match: { street_address: "1 MARKET ST" },
    result: "multiple",
    details: [
      {
        street_address: "1 MARKET ST",
        locality: "SAN FRANCISCO",
        region: "CA",
        postal_code: "94105",
      },
      { street_address: "1 MARKET ST", locality: "SAN RAFAEL", region: "CA", postal_code: "94901" },
    ],
  },
];

/** Numbers Customer A already has in service, so a listing shows something (and pages). */
function customerNumbers(): NonNullable<MemoryWorldOptions["numbers"]> {
  return Array.from({ length: 60 }, (_, i) => ({
    number: `+1628555${String(1000 + i).padStart(4, "0")}`,
    state: "in_service" as const,
    assignedTo: "demo_customer_a",
    usedBy: i % 3 === 0 ? "callflow" : undefined,
  }));
}

/** Everything `createMemoryWorld` needs for the sandbox. */
export function demoWorldOptions(): MemoryWorldOptions {
  const inventory = demoInventory();
  return {
    accounts: DEMO_ACCOUNTS,
    numbers: customerNumbers(),
    inventory,
    phonebook: demoPhonebook(inventory),
    e911: DEMO_E911,
  };
}
