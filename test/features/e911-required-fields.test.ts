import { describe, expect, it } from "vitest";
import type { E911Rule } from "../../src/adapters/providers/simulated-e911.js";
import type { JsonObject } from "../../src/domain/json.js";
import { recordFingerprint } from "../../src/domain/record.js";
import { aNumber, memoryWorld, N } from "./feature-world.js";

const ADDRESS: JsonObject = {
  postal_code: "94105",
  street_address: "116 NATOMA ST",
  locality: "SAN FRANCISCO",
  region: "CA",
};
const RULES: E911Rule[] = [{ match: {}, result: "valid" }];

describe("required E911 address fields (record.md §3: enforced when the address is provisioned)", () => {
  for (const field of ["street_address", "locality", "region", "postal_code"]) {
    it(`an address without ${field} is a validation error and nothing is stored or provisioned`, async () => {
      const world = await memoryWorld([aNumber()], { e911: RULES });
      const before = recordFingerprint(await world.engine.inspect(N));
      const partial = Object.fromEntries(Object.entries(ADDRESS).filter(([k]) => k !== field));

      const result = await world.engine.update({
        number: N,
        requester: "acme_sales",
        patch: { dash_e911: partial },
      });

      expect(result).toEqual({
        ok: false,
        error: {
          reason: "invalid_request",
          field: `dash_e911.${field}`,
          rule: "required",
          message: `${field} is required to provision an E911 address`,
        },
      });
      expect(recordFingerprint(await world.engine.inspect(N))).toBe(before);
      expect(world.e911?.registrations().size).toBe(0);
    });
  }

  it("an incomplete address on a number that is not held is stored without provisioning", async () => {
    const world = await memoryWorld([aNumber({ state: "available", assignedTo: undefined })], {
      e911: RULES,
    });

    const result = await world.engine.update({
      number: N,
      requester: "acme_sales",
      patch: { dash_e911: { street_address: "116 NATOMA ST" } },
    });

    expect(result.ok && result.value.public["dash_e911"]).toEqual({
      street_address: "116 NATOMA ST",
    });
    expect(world.e911?.registrations().size).toBe(0);
  });
});
