import { SimulatedCarrier } from "../../src/adapters/carriers/simulated.js";
import type { JsonObject, JsonValue } from "../../src/domain/json.js";
import type { AccountDirectory } from "../../src/ports/accounts.js";
import type { Carrier } from "../../src/ports/carrier.js";
import type { E911Provider } from "../../src/ports/e911.js";
import type { Phonebook } from "../../src/ports/phonebook.js";
import type { TokenStore } from "../../src/ports/tokens.js";
import type {
  AccountDirectoryCase,
  AccountDirectorySubject,
  CarrierCase,
  CarrierSubject,
  E911Case,
  E911Subject,
  PhonebookCase,
  PhonebookSubject,
  TokenStoreCase,
  TokenStoreSubject,
} from "../../src/testing/index.js";
import { aNumber } from "./a-number.js";
import type { Mutant } from "./broken-repositories.js";
import {
  accountsFixture,
  e911Fixture,
  KNOWN_LOCALITIES,
  phonebookFixture,
  tokensFixture,
} from "./provider-fixtures.js";

const STOCK = ["+12125550100", "+12125550142", "+12125550199", "+12125557000"];
const simulated = (): SimulatedCarrier =>
  new SimulatedCarrier({ inventory: STOCK.map((number) => ({ number })) });

/** The SimulatedCarrier subject with its carrier decorated by `override`. */
export function carrierSubject(
  override: (inner: SimulatedCarrier) => Partial<Carrier> = () => ({}),
): CarrierSubject {
  return {
    make: () => {
      const inner = simulated();
      const carrier: Carrier = {
        name: inner.name,
        isLocal: inner.isLocal,
        search: (query) => inner.search(query),
        acquire: (record) => inner.acquire(record),
        disconnect: (record) => inner.disconnect(record),
        checkNumbers: (numbers) => inner.checkNumbers(numbers),
        orderState: (number) => inner.orderState(number),
        ...override(inner),
      };
      return {
        carrier,
        context: { prefix: "+1212555", country: "US" },
        offerable: STOCK,
        acquirable: aNumber({ number: "+12125550142", state: "discovery", carrier: "simulated" }),
        unacquirable: aNumber({ number: "+12125550000", state: "discovery", carrier: "simulated" }),
      };
    },
  };
}

/** Carriers that each break the contract one way. */
export const BROKEN_CARRIERS: readonly Mutant<CarrierSubject, CarrierCase>[] = [
  {
    flaw: "ignores the offset",
    breaks: ["search"],
    subject: carrierSubject((inner) => ({ search: (q) => inner.search({ ...q, offset: 0 }) })),
  },
  {
    flaw: "ignores the prefix",
    breaks: ["search", "searchNothing"],
    subject: carrierSubject((inner) => ({ search: (q) => inner.search({ ...q, prefix: "+1" }) })),
  },
  {
    flaw: "answers a Map as carrier data",
    breaks: ["acquire"],
    subject: carrierSubject((inner) => ({
      acquire: async (record) => {
        await inner.acquire(record);
        return { carrierData: new Map() as unknown as JsonObject };
      },
    })),
  },
  {
    flaw: "keeps offering the numbers it sold",
    breaks: ["acquiredLeavesOffer"],
    subject: carrierSubject(() => {
      const unsold = simulated();
      return { search: (q) => unsold.search(q) };
    }),
  },
  {
    flaw: "cannot disconnect",
    breaks: ["disconnect", "acquiredLeavesOffer"],
    subject: carrierSubject(() => ({ disconnect: () => Promise.reject(new Error("down")) })),
  },
  {
    flaw: "sells numbers it does not have",
    breaks: ["acquireFailure"],
    subject: carrierSubject(() => ({ acquire: () => Promise.resolve({}) })),
  },
  {
    flaw: "checks no number",
    breaks: ["check"],
    subject: carrierSubject(() => ({ checkNumbers: () => Promise.resolve({}) })),
  },
  {
    flaw: "says every number is held",
    breaks: ["orderState"],
    subject: carrierSubject(() => ({ orderState: () => Promise.resolve("held" as const) })),
  },
];

const phonebookSubject = (
  override: (inner: Phonebook) => Partial<Phonebook>,
): PhonebookSubject => ({
  make: () =>
    phonebookFixture((inner) => ({
      locality: (numbers) => inner.locality(numbers),
      cityPrefixes: (country, city) => inner.cityPrefixes(country, city),
      ...override(inner),
    })),
});

/** Phonebooks that each break the contract one way. */
export const BROKEN_PHONEBOOKS: readonly Mutant<PhonebookSubject, PhonebookCase>[] = [
  {
    flaw: "answers an empty locality for unknown numbers",
    breaks: ["locality", "localityNone"],
    subject: phonebookSubject((inner) => ({
      locality: async (numbers) => ({
        ...Object.fromEntries(numbers.map((n) => [n, {}])),
        ...(await inner.locality(numbers)),
      }),
    })),
  },
  {
    flaw: "answers every locality it knows whatever is asked",
    breaks: ["localityNone"],
    subject: phonebookSubject((inner) => ({ locality: () => inner.locality(KNOWN_LOCALITIES) })),
  },
  {
    flaw: "finds a known city without its data",
    breaks: ["city"],
    subject: phonebookSubject((inner) => ({
      cityPrefixes: async (country, city) => {
        const lookup = await inner.cityPrefixes(country, city);
        return lookup.found ? { found: true, data: undefined as unknown as JsonValue } : lookup;
      },
    })),
  },
  {
    flaw: "finds every city",
    breaks: ["unknownCity"],
    subject: phonebookSubject(() => ({
      cityPrefixes: () => Promise.resolve({ found: true, data: [] }),
    })),
  },
  {
    flaw: "answers nothing instead of failing when its back end is down",
    breaks: ["failure"],
    subject: phonebookSubject(() => ({
      locality: () => Promise.resolve({}),
      cityPrefixes: () => Promise.resolve({ found: false, body: {} }),
    })),
  },
];

const e911Subject = (override: (inner: E911Provider) => Partial<E911Provider>): E911Subject => ({
  make: () =>
    e911Fixture((inner) => ({
      validate: (number, address) => inner.validate(number, address),
      provision: (number, address) => inner.provision(number, address),
      remove: (number) => inner.remove(number),
      ...override(inner),
    })),
});

/** E911 providers that each break the contract one way. */
export const BROKEN_E911: readonly Mutant<E911Subject, E911Case>[] = [
  {
    flaw: "validates every address",
    breaks: ["validate"],
    subject: e911Subject(() => ({ validate: () => Promise.resolve({ kind: "valid" }) })),
  },
  {
    flaw: "provisions without fields",
    breaks: ["provision", "change", "remove"],
    subject: e911Subject((inner) => ({
      provision: async (number, address) => {
        const outcome = await inner.provision(number, address);
        return outcome.kind === "provisioned"
          ? { kind: "provisioned", fields: undefined as unknown as JsonObject }
          : outcome;
      },
    })),
  },
  {
    flaw: "refuses to change a provisioned address",
    breaks: ["change"],
    subject: e911Subject((inner) => {
      const held = new Set<string>();
      return {
        provision: async (number, address) => {
          if (held.has(number)) return { kind: "invalid", message: "already provisioned" };
          const outcome = await inner.provision(number, address);
          if (outcome.kind === "provisioned") held.add(number);
          return outcome;
        },
        remove: async (number) => {
          held.delete(number);
          await inner.remove(number);
        },
      };
    }),
  },
  {
    flaw: "refuses an address without a message",
    breaks: ["invalid"],
    subject: e911Subject((inner) => ({
      provision: async (number, address) => {
        const outcome = await inner.provision(number, address);
        return outcome.kind === "invalid" ? { kind: "invalid", message: "" } : outcome;
      },
    })),
  },
  {
    flaw: "lists candidate addresses as strings",
    breaks: ["multiple"],
    subject: e911Subject((inner) => ({
      provision: async (number, address) => {
        const outcome = await inner.provision(number, address);
        return outcome.kind === "multiple"
          ? { kind: "multiple", details: ["1 Main St"] as unknown as JsonObject[] }
          : outcome;
      },
    })),
  },
  {
    flaw: "cannot remove",
    breaks: ["remove"],
    subject: e911Subject(() => ({ remove: () => Promise.reject(new Error("down")) })),
  },
  {
    flaw: "provisions nothing instead of failing when its back end is down",
    breaks: ["failure"],
    subject: e911Subject(() => ({
      provision: () => Promise.resolve({ kind: "provisioned", fields: {} }),
      remove: () => Promise.resolve(),
    })),
  },
];

const accountsSubject = (
  change: (inner: AccountDirectory) => AccountDirectory["get"],
): AccountDirectorySubject => ({
  make: () => accountsFixture((inner) => ({ get: change(inner) })),
});

/** Account directories that each break the contract one way. */
export const BROKEN_ACCOUNTS: readonly Mutant<AccountDirectorySubject, AccountDirectoryCase>[] = [
  {
    flaw: "invents accounts for unknown ids",
    breaks: ["unknown"],
    subject: accountsSubject((inner) => async (id) => {
      const root = await inner.get("root");
      return (await inner.get(id)) ?? (root && { ...root, id });
    }),
  },
  {
    flaw: "answers flags as strings",
    breaks: ["identity"],
    subject: accountsSubject((inner) => async (id) => {
      const account = await inner.get(id);
      return account && { ...account, reseller: String(account.reseller) as unknown as boolean };
    }),
  },
  {
    flaw: "lists the tree nearest ancestor first",
    breaks: ["tree"],
    subject: accountsSubject((inner) => async (id) => {
      const account = await inner.get(id);
      return account && { ...account, tree: [...account.tree].reverse() };
    }),
  },
  {
    flaw: "puts the account in its own tree",
    breaks: ["tree"],
    subject: accountsSubject((inner) => async (id) => {
      const account = await inner.get(id);
      return account && { ...account, tree: [...account.tree, account.id] };
    }),
  },
];

const tokensSubject = (
  change: (inner: TokenStore) => TokenStore["accountFor"],
): TokenStoreSubject => ({
  make: () => tokensFixture((inner) => ({ accountFor: change(inner) })),
});

/** Token stores that each break the contract one way. */
export const BROKEN_TOKENS: readonly Mutant<TokenStoreSubject, TokenStoreCase>[] = [
  {
    flaw: "lets an unknown token in as some account",
    breaks: ["unknown"],
    subject: tokensSubject((inner) => async (token) => (await inner.accountFor(token)) ?? "acme"),
  },
  {
    flaw: "answers every token with the first account",
    breaks: ["known"],
    subject: tokensSubject(
      (inner) => async (token) =>
        (await inner.accountFor(token)) === undefined ? undefined : "acme",
    ),
  },
  {
    flaw: "compares tokens ignoring case and surrounding spaces",
    breaks: ["exact"],
    subject: tokensSubject((inner) => async (token) => {
      const exact = await inner.accountFor(token);
      if (exact !== undefined) return exact;
      for (const candidate of ["token-acme", "Token-Beta-2", "tök€n ✓"])
        if (candidate.toLowerCase() === token.trim().toLowerCase())
          return inner.accountFor(candidate);
      return undefined;
    }),
  },
];
