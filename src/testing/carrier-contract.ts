import assert from "node:assert/strict";
import type { NumberRecord } from "../domain/record.js";
import type { Carrier, CarrierSearch } from "../ports/carrier.js";
import { described, failureOf, required } from "./assertions.js";
import { withSkips, type ContractCase, type SkipReasons } from "./contract-case.js";
import { seededRandom } from "./seeded-random.js";

/** Where a carrier's numbers are looked for: everything of a search but paging. */
export type SearchContext = Omit<CarrierSearch, "quantity" | "offset">;

/** A carrier set up for the contract, with what it is expected to offer and to sell. */
export interface CarrierFixture {
  readonly carrier: Carrier;
  readonly context: SearchContext;
  /** Every number the carrier offers for `context.prefix`, in number order. */
  readonly offerable: readonly string[];
  /** A number whose acquire succeeds. */
  readonly acquirable?: NumberRecord;
  /** A number whose acquire fails. */
  readonly unacquirable?: NumberRecord;
}

/** Every case of the carrier contract, by key. */
export type CarrierCase =
  | "search"
  | "searchNothing"
  | "acquire"
  | "acquiredLeavesOffer"
  | "disconnect"
  | "acquireFailure"
  | "check"
  | "orderState";

/** A carrier module under the contract: a factory of fresh fixtures and the cases it skips. */
export interface CarrierSubject {
  readonly make: () => Promise<CarrierFixture> | CarrierFixture;
  readonly skip?: SkipReasons<CarrierCase>;
  /** Seed of the random searches (a fixed default, so runs repeat). */
  readonly seed?: number;
}

const SEARCHES = 40;

const offersOf = async (carrier: Carrier, query: CarrierSearch): Promise<string[]> => {
  const result = await carrier.search(query);
  return result.kind === "not_available" ? [] : result.offers.map((offer) => offer.number);
};

/** Asserts one search answers exactly the page after `offset` of the matching numbers. */
async function assertSearchPage(fixture: CarrierFixture, query: CarrierSearch): Promise<void> {
  const got = await offersOf(fixture.carrier, query);
  const label = JSON.stringify({
    prefix: query.prefix,
    offset: query.offset,
    quantity: query.quantity,
  });
  const matching = fixture.offerable.filter((n) => n.startsWith(query.prefix));
  assert.ok(
    got.every((n) => n.startsWith(query.prefix)),
    `${label}: an offer lacks the prefix`,
  );
  assert.ok(got.length <= query.quantity, `${label}: more offers than the quantity`);
  assert.deepEqual(got, [...got].sort(), `${label}: offers out of number order`);
  assert.deepEqual(got, matching.slice(query.offset, query.offset + query.quantity), label);
}

/**
 * The carrier port's contract (carriers.md §1, §5): every carrier module must pass it. A case
 * the subject declares not applicable carries the reason; run it and expect it to fail, so a
 * stale declaration shows.
 *
 * @example
 * for (const c of carrierContract({ make }))
 *   it(c.name, c.skip ? () => expect(c.run()).rejects.toThrow() : c.run);
 */
export function carrierContract(subject: CarrierSubject): ContractCase[] {
  const { make } = subject;
  return withSkips<CarrierCase>(
    [
      {
        id: "search",
        name: "search offers, in number order, exactly the page after offset of the numbers with the prefix (carriers.md §4)",
        run: async () => {
          const fixture = await make();
          const all = fixture.offerable;
          assert.ok(all.length > 1, "the fixture must offer at least two numbers");
          const random = seededRandom(subject.seed ?? 4_155_550_100);
          const base = fixture.context.prefix.length;
          const longest = Math.max(...all.map((n) => n.length));
          for (let i = 0; i < SEARCHES; i++) {
            const prefix = random.pick(all).slice(0, random.int(base, longest));
            const offset = random.int(0, all.length + 1);
            const quantity = random.int(1, all.length + 1);
            await assertSearchPage(fixture, { ...fixture.context, prefix, offset, quantity });
          }
        },
      },
      {
        id: "searchNothing",
        name: "search for a prefix none of its numbers has offers nothing (carriers.md §1)",
        run: async () => {
          const fixture = await make();
          const query = { ...fixture.context, prefix: "+99999", offset: 0, quantity: 5 };
          assert.deepEqual(await offersOf(fixture.carrier, query), []);
        },
      },
      {
        id: "acquire",
        name: "acquire resolves with carrier data and features as JSON objects when it returns them (carriers.md §1)",
        run: async () => {
          const fixture = await make();
          const result = await fixture.carrier.acquire(required(fixture.acquirable, "acquirable"));
          assert.equal(typeof result, "object", "acquire resolves with an object");
          for (const part of [result.carrierData, result.features]) {
            if (part !== undefined)
              assert.equal(Object.getPrototypeOf(part), Object.prototype, "a plain object");
          }
        },
      },
      {
        id: "acquiredLeavesOffer",
        name: "an acquired number is no longer offered and disconnect then resolves (carriers.md §5)",
        run: async () => {
          const fixture = await make();
          const record = required(fixture.acquirable, "acquirable");
          await fixture.carrier.acquire(record);
          const query = { ...fixture.context, offset: 0, quantity: fixture.offerable.length + 5 };
          const offered = await offersOf(fixture.carrier, query);
          assert.ok(!offered.includes(record.number), `${record.number} is still offered`);
          assert.equal(await fixture.carrier.disconnect(record), undefined);
        },
      },
      {
        id: "disconnect",
        name: "disconnect resolves for a number it sold (carriers.md §3)",
        run: async () => {
          const fixture = await make();
          const record = fixture.acquirable ?? required(fixture.unacquirable, "a record");
          assert.equal(await fixture.carrier.disconnect(record), undefined);
        },
      },
      {
        id: "acquireFailure",
        name: "a failing acquire rejects with an Error (carriers.md §1)",
        run: async () => {
          const fixture = await make();
          const record = required(fixture.unacquirable, "unacquirable");
          const failure = await failureOf(() => fixture.carrier.acquire(record));
          assert.ok(failure instanceof Error, `expected an Error, got ${described(failure)}`);
        },
      },
      {
        id: "check",
        name: "check answers a status string for numbers it knows (carriers.md §7)",
        run: async () => {
          const fixture = await make();
          const check = required(
            fixture.carrier.checkNumbers?.bind(fixture.carrier),
            "checkNumbers",
          );
          const answer = await check(fixture.offerable.slice(0, 2));
          for (const status of Object.values(answer)) assert.equal(typeof status, "string");
          assert.ok(Object.keys(answer).length > 0, "check answered no number");
        },
      },
      {
        id: "orderState",
        name: "orderState says held after an acquire and not held after the disconnect (settling late orders)",
        run: async () => {
          const fixture = await make();
          const state = required(fixture.carrier.orderState?.bind(fixture.carrier), "orderState");
          const record = required(fixture.acquirable, "acquirable");
          assert.equal(await state(record.number), "not_held", "before the acquire");
          await fixture.carrier.acquire(record);
          assert.equal(await state(record.number), "held", "after the acquire");
          await fixture.carrier.disconnect(record);
          assert.equal(await state(record.number), "not_held", "after the disconnect");
        },
      },
    ],
    subject.skip,
  );
}
