import { describe, expect, it } from "vitest";
import type { E911Rule } from "../../src/adapters/providers/simulated-e911.js";
import type { JsonObject } from "../../src/domain/json.js";
import { aNumber } from "../support/records.js";
import { anApi, n, url } from "./api.js";
import { expectError, expectSuccess } from "./envelope-expect.js";

const N = "+14155550100";
const address = {
  postal_code: "94105",
  street_address: "116 NATOMA ST",
  extended_address: "APT 116",
  locality: "SAN FRANCISCO",
  region: "CA",
};
const provisioned = {
  ...address,
  caller_name: "Valued Customer",
  location_id: "27578725",
  status: "PROVISIONED",
};
const candidates = [address, { ...address, locality: "SAN RAFAEL", postal_code: "94901" }];
const rules: E911Rule[] = [
  { match: { street_address: "116 NATOMA ST" }, result: "valid", provisioned },
  { match: { street_address: "1 MARKET ST" }, result: "multiple", details: candidates },
];

async function postAddress(dashE911: JsonObject) {
  const api = await anApi({
    numbers: [aNumber({ state: "in_service", assignedTo: "acme" })],
    e911: rules,
  });
  const before = await api.snapshot();
  const response = await api.call("acme", "POST", url("acme", n(N)), {
    body: { data: { used_by: "callflow", id: N, dash_e911: dashE911 } },
  });
  return { response, before, after: await api.snapshot() };
}

describe("API document: E911", () => {
  it("stores the provisioned address of a valid one", async () => {
    const { response } = await postAddress(address);

    expectSuccess(response, { id: N, dash_e911: provisioned });
  });

  it("refuses an address that does not geocode, storing nothing", async () => {
    const unknown = { ...address, street_address: "NOWHERE" };

    const { response, before, after } = await postAddress(unknown);

    expectError(response, 400, "invalid data", {
      address: {
        invalid: { cause: unknown, message: "Location is not geocoded", provider: "dash_e911" },
      },
    });
    expect(after).toEqual(before);
  });

  it("answers multiple_choice with the candidates of an ambiguous address", async () => {
    const market = { ...address, street_address: "1 MARKET ST" };

    const { response, before, after } = await postAddress(market);

    expectError(response, 400, "multiple_choice", {
      multiple_choice: {
        dash_e911: { cause: market, details: candidates, message: "more than one address found" },
      },
    });
    expect(after).toEqual(before);
  });
});
