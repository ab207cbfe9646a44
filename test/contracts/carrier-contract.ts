import fc from "fast-check";
import { expect, it } from "vitest";
import type { NumberRecord } from "../../src/domain/record.js";
import type { Carrier, CarrierSearch } from "../../src/ports/carrier.js";

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

/** The contract's cases; a subject skips one by giving the reason. */
export type ContractCase =
  "search" | "acquire" | "acquireFailure" | "acquiredLeavesOffer" | "check";

/** A carrier module under the contract: a factory of fresh fixtures and the cases it skips. */
export interface CarrierSubject {
  readonly make: () => Promise<CarrierFixture> | CarrierFixture;
  readonly skip?: Partial<Record<ContractCase, string>>;
}

const required = <T>(value: T | undefined, what: string): T => {
  if (value === undefined) throw new Error(`fixture has no ${what}`);
  return value;
};

const offersOf = async (carrier: Carrier, query: CarrierSearch): Promise<string[]> => {
  const result = await carrier.search(query);
  return result.kind === "not_available" ? [] : result.offers.map((offer) => offer.number);
};

/**
 * The carrier port's contract (carriers.md §1, §5): run by every carrier module. Each case
 * either runs or is skipped with the reason the subject gives.
 */
export function carrierContract(subject: CarrierSubject): void {
  const skip = subject.skip ?? {};
  const test = (name: string, key: ContractCase, body: () => Promise<void>): void => {
    const reason = skip[key];
    if (reason === undefined) it(name, body);
    else it.skip(`${name} (skipped: ${reason})`, body);
  };

  test(
    "search offers, in number order, exactly the page after offset of the numbers with the prefix (carriers.md §4)",
    "search",
    async () => {
      const fixture = await subject.make();
      const all = fixture.offerable;
      expect(all.length).toBeGreaterThan(1);
      const base = fixture.context.prefix;
      const longest = Math.max(...all.map((n) => n.length));
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: base.length, max: longest }),
          fc.constantFrom(...all),
          fc.integer({ min: 0, max: all.length + 1 }),
          fc.integer({ min: 1, max: all.length + 1 }),
          async (length, source, offset, quantity) => {
            const prefix = source.slice(0, length);
            const matching = all.filter((n) => n.startsWith(prefix));
            const got = await offersOf(fixture.carrier, {
              ...fixture.context,
              prefix,
              offset,
              quantity,
            });
            expect(got.every((n) => n.startsWith(prefix))).toBe(true);
            expect(got.length).toBeLessThanOrEqual(quantity);
            expect(got).toEqual([...got].sort());
            expect(got).toEqual(matching.slice(offset, offset + quantity));
          },
        ),
        { numRuns: 40 },
      );
    },
  );

  it("search for a prefix none of its numbers has offers nothing (carriers.md §1)", async () => {
    const fixture = await subject.make();
    const got = await offersOf(fixture.carrier, {
      ...fixture.context,
      prefix: "+99999",
      offset: 0,
      quantity: 5,
    });
    expect(got).toEqual([]);
  });

  test(
    "acquire resolves with carrier data and features as JSON objects when it returns them (carriers.md §1)",
    "acquire",
    async () => {
      const fixture = await subject.make();
      const result = await fixture.carrier.acquire(required(fixture.acquirable, "acquirable"));
      expect(typeof result).toBe("object");
      for (const part of [result.carrierData, result.features]) {
        if (part !== undefined) expect(Object.getPrototypeOf(part)).toBe(Object.prototype);
      }
    },
  );

  test(
    "an acquired number is no longer offered and disconnect then resolves (carriers.md §5)",
    "acquiredLeavesOffer",
    async () => {
      const fixture = await subject.make();
      const record = required(fixture.acquirable, "acquirable");
      await fixture.carrier.acquire(record);
      const query = { ...fixture.context, offset: 0, quantity: fixture.offerable.length + 5 };
      expect(await offersOf(fixture.carrier, query)).not.toContain(record.number);
      await expect(fixture.carrier.disconnect(record)).resolves.toBeUndefined();
    },
  );

  it("disconnect resolves for a number it sold (carriers.md §3)", async () => {
    const fixture = await subject.make();
    const record = fixture.acquirable ?? required(fixture.unacquirable, "a record");
    await expect(fixture.carrier.disconnect(record)).resolves.toBeUndefined();
  });

  test("a failing acquire rejects with an Error (carriers.md §1)", "acquireFailure", async () => {
    const fixture = await subject.make();
    const failure = await fixture.carrier
      .acquire(required(fixture.unacquirable, "unacquirable"))
      .then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
    expect(failure).toBeInstanceOf(Error);
  });

  test("check answers a status string for numbers it knows (carriers.md §7)", "check", async () => {
    const fixture = await subject.make();
    const check = required(fixture.carrier.checkNumbers?.bind(fixture.carrier), "checkNumbers");
    const asked = [...fixture.offerable.slice(0, 2)];
    const answer = await check(asked);
    for (const [number, status] of Object.entries(answer)) {
      expect(typeof number).toBe("string");
      expect(typeof status).toBe("string");
    }
    expect(Object.keys(answer).length).toBeGreaterThan(0);
  });
}
