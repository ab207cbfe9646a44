import { describe, expect, it } from "vitest";
import { OtherCarrier } from "../../src/adapters/carriers/other.js";
import { NumberLifecycleError } from "../../src/domain/errors.js";
import { aNumber } from "./a-number.js";
import { carrierContract } from "./carrier-contract.js";
import { FakePhonebookClient } from "./fake-phonebook-client.js";

const URL_BASE = "http://phonebook.test";
const STOCK = {
  "+16175550100": { rate_center: "BOSTON", ref: "a" },
  "+16175550101": { ref: "b" },
  "+16175550177": { ref: "c" },
  "+16175558000": { ref: "d" },
};
const order = (number: string) => aNumber({ number, state: "discovery", carrier: "other" });
const failureOf = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );

describe("OtherCarrier (phonebook)", () => {
  carrierContract({
    make: () => ({
      carrier: new OtherCarrier({
        url: URL_BASE,
        client: new FakePhonebookClient(STOCK, { "+16175550177": { kind: "refused" } }),
      }),
      context: { prefix: "+1617555", country: "US" },
      offerable: Object.keys(STOCK).sort(),
      acquirable: order("+16175550100"),
      unacquirable: order("+16175550177"),
    }),
    skip: {
      acquiredLeavesOffer: "the phonebook's stock lives upstream; this fake does not remove orders",
      orderState: "the phonebook API has no order-status call to ask",
    },
  });

  it("offers nothing without a phonebook URL (carriers.md §5.5)", async () => {
    const carrier = new OtherCarrier({ client: new FakePhonebookClient(STOCK) });

    const result = await carrier.search({ prefix: "+1617", quantity: 2, offset: 0, country: "US" });

    expect(result).toEqual({ kind: "not_available" });
  });

  it("refuses to buy without a phonebook URL with missing_provider_url (carriers.md §5.5)", async () => {
    const carrier = new OtherCarrier({ client: new FakePhonebookClient(STOCK) });

    const failure = await failureOf(carrier.acquire(order("+16175550100")));

    expect(failure).toBeInstanceOf(NumberLifecycleError);
    expect((failure as NumberLifecycleError).detail).toEqual({ reason: "missing_provider_url" });
  });

  it("keeps the order's opaque data and locality after a successful order (carriers.md §5.5)", async () => {
    const client = new FakePhonebookClient(STOCK, {
      "+16175550100": {
        kind: "success",
        opaque: { order_id: "o-1" },
        locality: { city: "BOSTON", state: "MA" },
      },
    });
    const carrier = new OtherCarrier({ url: URL_BASE, client, endpoints: "gw1.example" });

    const result = await carrier.acquire(order("+16175550100"));

    expect(result).toEqual({
      carrierData: { order_id: "o-1" },
      features: { locality: { city: "BOSTON", state: "MA" } },
    });
    expect(client.requests.at(-1)).toEqual({
      method: "PUT",
      url: `${URL_BASE}/numbers/US/order`,
      body: { data: { numbers: ["+16175550100"], gateways: ["gw1.example"] } },
    });
  });

  for (const kind of ["refused", "http_error", "transport_error"] as const) {
    it(`turns an order that ends in ${kind} into a fault by carrier (carriers.md §5.5)`, async () => {
      const client = new FakePhonebookClient(STOCK, { "+16175550101": { kind } });
      const carrier = new OtherCarrier({ url: URL_BASE, client });

      const failure = await failureOf(carrier.acquire(order("+16175550101")));

      expect((failure as NumberLifecycleError).detail).toEqual({
        reason: "by_carrier",
        number: "+16175550101",
        message: "fault by carrier",
      });
    });
  }

  it("shows the phonebook's result fields and remembers its data (decisions.md D5)", async () => {
    const carrier = new OtherCarrier({ url: URL_BASE, client: new FakePhonebookClient(STOCK) });

    const result = await carrier.search({
      prefix: "+16175550100",
      quantity: 1,
      offset: 0,
      country: "US",
    });

    expect(result).toEqual({
      kind: "ok",
      offers: [
        {
          number: "+16175550100",
          fields: { rate_center: "BOSTON" },
          carrierData: { rate_center: "BOSTON", ref: "a" },
        },
      ],
    });
  });

  it("sends check numbers in 10-digit form and maps the answers (carriers.md §5.5)", async () => {
    const client = new FakePhonebookClient(STOCK);
    const carrier = new OtherCarrier({ url: URL_BASE, client });

    const answer = await carrier.checkNumbers(["+16175550100", "+16179990000"]);

    expect(client.requests.at(-1)?.body).toEqual({ data: ["6175550100", "6179990000"] });
    expect(answer).toEqual({ "6175550100": "success", "6179990000": "error" });
  });
});
