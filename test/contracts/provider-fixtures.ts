import { FaultPlan } from "../../src/adapters/fault-plan.js";
import { MemoryAccountDirectory } from "../../src/adapters/memory/memory-accounts.js";
import { MemoryTokenStore } from "../../src/adapters/memory/memory-tokens.js";
import { MemoryPhonebook } from "../../src/adapters/providers/memory-phonebook.js";
import { SimulatedE911, type E911Rule } from "../../src/adapters/providers/simulated-e911.js";
import type { AccountDirectory } from "../../src/ports/accounts.js";
import type { E911Provider } from "../../src/ports/e911.js";
import type { Phonebook } from "../../src/ports/phonebook.js";
import type { TokenStore } from "../../src/ports/tokens.js";
import type {
  AccountDirectoryFixture,
  E911Fixture,
  PhonebookFixture,
  TokenStoreFixture,
} from "../../src/testing/index.js";

const PHONEBOOK = {
  localities: {
    "+14155550100": { city: "San Francisco", state: "CA" },
    "+12125550100": { city: "New York", state: "NY", rate_center: { lata: "132" } },
  },
  cities: { "San Francisco": ["+1415", "+1628"] },
};

const RULES: E911Rule[] = [
  { match: { postal_code: "94105" }, result: "valid" },
  {
    match: { postal_code: "10001" },
    result: "valid",
    provisioned: { street_address: "1 PENN PLZ", postal_code: "10001" },
  },
  {
    match: { postal_code: "00000" },
    result: "multiple",
    details: [{ street_address: "1 Main St" }, { street_address: "1 Main Ave" }],
  },
];

/** The numbers the memory phonebook has localities for. */
export const KNOWN_LOCALITIES = Object.keys(PHONEBOOK.localities);

/** A MemoryPhonebook fixture; `wrap` swaps in a decorated phonebook (healthy or failing). */
export function phonebookFixture(
  wrap: (inner: Phonebook) => Phonebook = (p) => p,
): PhonebookFixture {
  const down = new FaultPlan([
    { port: "phonebook", op: "locality" },
    { port: "phonebook", op: "prefix", message: "phonebook unreachable" },
  ]);
  return {
    phonebook: wrap(new MemoryPhonebook(PHONEBOOK)),
    known: KNOWN_LOCALITIES,
    unknown: "+19995550100",
    city: { country: "US", name: "San Francisco" },
    unknownCity: "Atlantis",
    failing: wrap(new MemoryPhonebook(PHONEBOOK, down)),
  };
}

/** A SimulatedE911 fixture; `wrap` swaps in a decorated provider (healthy or failing). */
export function e911Fixture(wrap: (inner: E911Provider) => E911Provider = (p) => p): E911Fixture {
  const down = new FaultPlan([
    { port: "e911", op: "validate" },
    { port: "e911", op: "provision" },
    { port: "e911", op: "remove" },
  ]);
  return {
    provider: wrap(new SimulatedE911(RULES)),
    number: "+14155550100",
    valid: { street_address: "140 New Montgomery St", postal_code: "94105" },
    otherValid: { street_address: "Penn Station", postal_code: "10001" },
    invalid: { street_address: "nowhere", postal_code: "99999" },
    ambiguous: { street_address: "1 Main", postal_code: "00000" },
    failing: wrap(new SimulatedE911(RULES, down)),
  };
}

/** A MemoryAccountDirectory fixture over a root, child, grandchild chain and a sibling. */
export function accountsFixture(
  wrap: (inner: AccountDirectory) => AccountDirectory = (d) => d,
): AccountDirectoryFixture {
  const directory = new MemoryAccountDirectory([
    { id: "grandchild", parent: "child" },
    { id: "root", master: true, reseller: true },
    { id: "child", parent: "root", allowAdditions: true },
    { id: "sibling", parent: "root" },
  ]);
  return { directory: wrap(directory), chain: ["root", "child", "grandchild"], unknown: "nobody" };
}

/** The tokens the token store fixtures hold. */
export const KNOWN_TOKENS = [
  ["token-acme", "acme"],
  ["Token-Beta-2", "beta"],
  ["tök€n ✓", "acme"],
] as const;

/** A MemoryTokenStore fixture; `wrap` swaps in a decorated store (healthy or failing). */
export function tokensFixture(
  wrap: (inner: TokenStore) => TokenStore = (store) => store,
): TokenStoreFixture {
  return { store: wrap(new MemoryTokenStore(KNOWN_TOKENS)), known: KNOWN_TOKENS };
}
