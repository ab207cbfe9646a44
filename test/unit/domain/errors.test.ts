import { describe, expect, it } from "vitest";
import {
  ERROR_CATALOGUE,
  errorObject,
  invalidTransition,
  NumberLifecycleError,
  unwrap,
  type NumberError,
  type NumberErrorReason,
} from "../../../src/domain/errors.js";

const N = "+14155551234";

/** errors.md §1.1 (and the sections it points to) for every reason the engine raises. */
const CATALOGUE: {
  readonly [R in NumberErrorReason]: [Extract<NumberError, { reason: R }>, object];
} = {
  not_reconcilable: [
    { reason: "not_reconcilable", input: "+141510010+15" },
    {
      code: 404,
      error: "not_reconcilable",
      message: "number +141510010+15 is not reconcilable",
      cause: "+141510010+15",
    },
  ],
  number_exists: [
    { reason: "number_exists", number: N },
    { code: 409, error: "number_exists", message: `number ${N} already exists`, cause: N },
  ],
  number_is_porting: [
    { reason: "number_is_porting", number: "4155551234" },
    {
      code: 400,
      error: "number_is_porting",
      message: "number 4155551234 is porting",
      cause: "4155551234",
    },
  ],
  not_found: [
    { reason: "not_found", number: N },
    { code: 404, error: "not_found", message: `number ${N} not found`, cause: N },
  ],
  unauthorized: [
    { reason: "unauthorized" },
    { code: 403, error: "forbidden", message: "requestor is unauthorized to perform operation" },
  ],
  additions_not_allowed: [
    { reason: "additions_not_allowed", requester: "plain" },
    { code: 403, error: "forbidden", message: "requestor is unauthorized to perform operation" },
  ],
  no_change_required: [
    { reason: "no_change_required" },
    { code: 400, error: "no_change_required", message: "no change required" },
  ],
  invalid_state_transition: [
    { reason: "invalid_state_transition", cause: "from available to released" },
    {
      code: 400,
      error: "invalid_state_transition",
      message: "invalid state transition",
      cause: "from available to released",
    },
  ],
  by_carrier: [
    { reason: "by_carrier", number: N, message: "fault by carrier" },
    { code: 500, error: "unspecified_fault", message: "fault by carrier", cause: N },
  ],
  missing_provider_url: [
    { reason: "missing_provider_url" },
    { code: 500, error: "unspecified_fault", message: "missing_provider_url" },
  ],
  carrier_not_specified: [
    { reason: "carrier_not_specified" },
    { code: 500, error: "unspecified_fault", message: "carrier_not_specified" },
  ],
  database_error: [
    { reason: "database_error", cause: "conflict" },
    { code: 500, error: "unspecified_fault", message: "database_error", cause: "conflict" },
  ],
  carrier_order_pending: [
    { reason: "carrier_order_pending", number: "+14155550100" },
    {
      code: 409,
      error: "carrier_order_pending",
      message: "a carrier order for this number has not been confirmed yet",
      cause: "+14155550100",
    },
  ],
  provider_fault: [
    { reason: "provider_fault", message: "location lookup error" },
    { code: 500, error: "unspecified_fault", message: "location lookup error" },
  ],
  e911_invalid: [
    {
      reason: "e911_invalid",
      address: { street_address: "1 Nowhere" },
      message: "Location is not geocoded",
    },
    {
      code: 400,
      error: "invalid",
      message: "invalid",
      cause: 'Location is not geocoded ({"street_address":"1 Nowhere"})',
    },
  ],
  e911_multiple_choice: [
    { reason: "e911_multiple_choice", address: { street_address: "1 Main" }, details: [] },
    { code: 400, error: "multiple_choice", message: "more than one address found" },
  ],
  unassigned: [
    { reason: "unassigned", number: N },
    { code: 400, error: "unassigned", message: "unassigned" },
  ],
  not_in_service: [
    { reason: "not_in_service", number: N, owner: "acme" },
    { code: 400, error: "not_in_service", message: "not_in_service" },
  ],
  account_disabled: [
    { reason: "account_disabled", number: N, owner: "sleepy" },
    { code: 400, error: "account_disabled", message: "account_disabled" },
  ],
  phonebook_not_configured: [
    { reason: "phonebook_not_configured" },
    { code: 500, error: "unspecified_fault", message: "missing_provider_url" },
  ],
  locality_lookup_failed: [
    { reason: "locality_lookup_failed", message: "timeout" },
    {
      code: 500,
      error: "unspecified_fault",
      message: "number locality lookup failed",
      cause: "timeout",
    },
  ],
  city_lookup_failed: [
    { reason: "city_lookup_failed", body: {} },
    { code: 500, error: "unspecified_fault", message: "init failed" },
  ],
  invalid_request: [
    {
      reason: "invalid_request",
      field: "numbers",
      rule: "minimum",
      message: "minimum 1 number required",
    },
    { code: 400, error: "invalid_request", message: "minimum 1 number required", cause: "numbers" },
  ],
};

describe("errors.md §1.1: the error catalogue", () => {
  it("has an entry for every reason and no other", () => {
    expect(Object.keys(ERROR_CATALOGUE).sort()).toEqual(Object.keys(CATALOGUE).sort());
  });

  it.each(Object.entries(CATALOGUE))("renders %s as its error object", (_, [error, expected]) => {
    expect(errorObject(error)).toStrictEqual(expected);
  });

  it("renders every value except code as a string and omits an absent cause (§1)", () => {
    for (const [error] of Object.values(CATALOGUE)) {
      const object = errorObject(error);
      expect(typeof object.code).toBe("number");
      for (const key of ["error", "message", "cause"] as const) {
        if (key in object) expect(typeof object[key]).toBe("string");
      }
    }
  });

  it("keeps a cause given to unauthorized (master's cause text)", () => {
    expect(errorObject({ reason: "unauthorized", cause: "can not assign to self" })).toMatchObject({
      code: 403,
      cause: "can not assign to self",
    });
  });

  it("builds invalid_state_transition causes as from <from> to <to>", () => {
    expect(invalidTransition("port_out", "in_service")).toEqual({
      reason: "invalid_state_transition",
      cause: "from port_out to in_service",
    });
  });

  it("throws the failure of a result as a NumberLifecycleError carrying the catalogue entry", () => {
    const thrown = (() => {
      try {
        unwrap({ ok: false, error: { reason: "no_change_required" } });
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(NumberLifecycleError);
    expect((thrown as NumberLifecycleError).detail).toEqual({ reason: "no_change_required" });
    expect((thrown as NumberLifecycleError).message).toBe("no change required");
  });
});
