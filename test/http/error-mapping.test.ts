import { describe, expect, it } from "vitest";
import type { NumberError, NumberErrorReason } from "../../src/domain/errors.js";
import { collectionEntry, httpFailure, type Endpoint } from "../../src/http/error-mapping.js";

const N = "+14155550100";

/** One example of every engine failure (the closed union), so a new reason fails this test. */
const EXAMPLES: { readonly [R in NumberErrorReason]: Extract<NumberError, { reason: R }> } = {
  not_reconcilable: { reason: "not_reconcilable", input: "abc" },
  number_exists: { reason: "number_exists", number: N },
  number_is_porting: { reason: "number_is_porting", number: "4155550100" },
  not_found: { reason: "not_found", number: N },
  unauthorized: { reason: "unauthorized" },
  additions_not_allowed: { reason: "additions_not_allowed", requester: "plain" },
  no_change_required: { reason: "no_change_required" },
  invalid_state_transition: {
    reason: "invalid_state_transition",
    cause: "from available to released",
  },
  by_carrier: { reason: "by_carrier", number: N, message: "fault by carrier" },
  missing_provider_url: { reason: "missing_provider_url" },
  carrier_not_specified: { reason: "carrier_not_specified" },
  database_error: { reason: "database_error", cause: "conflict" },
  carrier_order_pending: { reason: "carrier_order_pending", number: "+14155550100" },
  provider_fault: { reason: "provider_fault", message: "e911 down" },
  e911_invalid: {
    reason: "e911_invalid",
    address: { street_address: "x" },
    message: "Location is not geocoded",
  },
  e911_multiple_choice: {
    reason: "e911_multiple_choice",
    address: { street_address: "x" },
    details: [],
  },
  unassigned: { reason: "unassigned", number: N },
  not_in_service: { reason: "not_in_service", number: N, owner: "acme" },
  account_disabled: { reason: "account_disabled", number: N, owner: "acme" },
  phonebook_not_configured: { reason: "phonebook_not_configured" },
  locality_lookup_failed: { reason: "locality_lookup_failed", message: "timeout" },
  city_lookup_failed: { reason: "city_lookup_failed", body: { error: 404 } },
  invalid_request: { reason: "invalid_request", field: "numbers", rule: "minimum", message: "m" },
};

/** [reason, endpoint, status, message] as errors.md §2, §5, §6 and decisions.md say. */
const TABLE: [NumberErrorReason, Endpoint, number, string][] = [
  ["not_reconcilable", "create", 404, "not_reconcilable"],
  ["not_reconcilable", "update", 400, "client error"],
  ["number_exists", "create", 409, "number_exists"],
  ["number_is_porting", "create", 400, "number_is_porting"],
  ["not_found", "move", 404, "bad_identifier"],
  ["unauthorized", "update", 403, "forbidden"],
  ["additions_not_allowed", "create", 500, "unauthorized"],
  ["additions_not_allowed", "move", 403, "forbidden"],
  ["no_change_required", "move", 400, "no_change_required"],
  ["invalid_state_transition", "release", 404, "bad_identifier"],
  ["invalid_state_transition", "move", 400, "invalid_state_transition"],
  ["by_carrier", "move", 500, "unspecified_fault"],
  ["missing_provider_url", "move", 500, "unspecified_fault"],
  ["carrier_not_specified", "move", 500, "unspecified_fault"],
  ["database_error", "update", 500, "unspecified_fault"],
  ["carrier_order_pending", "move", 409, "carrier_order_pending"],
  ["provider_fault", "update", 500, "unspecified_fault"],
  ["e911_invalid", "update", 400, "invalid data"],
  ["e911_multiple_choice", "update", 400, "multiple_choice"],
  ["unassigned", "identify", 400, "client error"],
  ["not_in_service", "identify", 400, "client error"],
  ["account_disabled", "identify", 400, "client error"],
  ["phonebook_not_configured", "lookup", 500, "init failed"],
  ["locality_lookup_failed", "lookup", 500, "number locality lookup failed"],
  ["city_lookup_failed", "lookup", 500, "init failed"],
  ["invalid_request", "lookup", 400, "validation error"],
];

describe("engine error to HTTP mapping", () => {
  it.each(TABLE)("maps %s on a %s endpoint to %i %s", (reason, endpoint, status, message) => {
    const reply = httpFailure(EXAMPLES[reason], endpoint);

    expect(reply).toMatchObject({ kind: "error", status, message });
  });

  it("covers every reason of the catalogue", () => {
    const mapped = new Set(TABLE.map(([reason]) => reason));

    expect([...mapped].sort()).toEqual(Object.keys(EXAMPLES).sort());
  });

  it("answers 404 bad_identifier for every failure of GET on a number", () => {
    for (const error of Object.values(EXAMPLES)) {
      expect(httpFailure(error, "read")).toMatchObject({ status: 404, message: "bad_identifier" });
    }
  });

  it("uses bare strings for not_found and not_reconcilable inside collections, except create (D12)", () => {
    expect(collectionEntry(EXAMPLES.not_found, false)).toBe("not_found");
    expect(collectionEntry(EXAMPLES.not_reconcilable, false)).toBe("not_reconcilable");
    expect(collectionEntry(EXAMPLES.not_reconcilable, true)).toMatchObject({ code: 404 });
    expect(collectionEntry(EXAMPLES.additions_not_allowed, true)).toEqual({
      code: 403,
      error: "forbidden",
      message: "requestor is unauthorized to perform operation",
    });
  });
});
