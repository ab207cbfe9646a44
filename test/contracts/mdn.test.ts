import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MdnCarrier } from "../../src/adapters/carriers/mdn.js";
import { aNumber } from "./a-number.js";
import { carrierContract } from "./carrier-contract.js";

describe("MdnCarrier", () => {
  carrierContract({
    make: () => ({
      carrier: new MdnCarrier(),
      context: { prefix: "+1", country: "US" },
      offerable: [],
      acquirable: aNumber({ number: "+15125550100", state: "in_service", carrier: "mdn" }),
    }),
    skip: {
      search: "knm_mdn never offers numbers",
      acquireFailure: "knm_mdn's acquire is a no-op that cannot fail",
      check: "knm_mdn has no availability check",
      orderState: "knm_mdn orders nothing upstream",
    },
  });

  it("answers not_available for every prefix (carriers.md §5)", async () => {
    const carrier = new MdnCarrier();
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^\+\d{1,8}$/), async (prefix) => {
        const result = await carrier.search({ prefix, quantity: 5, offset: 0, country: "US" });
        expect(result).toEqual({ kind: "not_available" });
      }),
    );
  });
});
