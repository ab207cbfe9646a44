import { errorObject, type ErrorObject, type NumberError } from "../domain/errors.js";
import type { JsonObject, JsonValue } from "../domain/json.js";
import { BAD_IDENTIFIER, clientError, failure, validationError, type Reply } from "./reply.js";

/**
 * The single-number endpoint a failure came from: the per-endpoint overrides of errors.md §2.2
 * depend on it. `read` is GET …/{N}, `create` the single PUT, `release` the single DELETE.
 */
export type Endpoint = "read" | "create" | "update" | "release" | "move" | "identify" | "lookup";

/** The JSON form of a catalogue error object (errors.md §1), `cause` only when present. */
export function errorJson(error: ErrorObject): JsonObject {
  const out: JsonObject = { code: error.code, error: error.error, message: error.message };
  if (error.cause !== undefined) out["cause"] = error.cause;
  return out;
}

const fromObject = (error: NumberError): Reply => {
  const object = errorObject(error);
  return failure(object.code, object.error, errorJson(object));
};

/** decisions.md D1: the API document's "Account unauthorized" answer of the single PUT. */
const CREATE_UNAUTHORIZED = failure(500, "unauthorized", {
  message: "unknown failure",
  unauthorized: "Not authorized to perform requested number operation",
});

const MISSING_CARRIER_URL = failure(
  500,
  "init failed",
  "Unable to acquire numbers missing carrier url",
);

function assertNever(value: never): never {
  throw new Error(`unmapped engine error: ${JSON.stringify(value)}`);
}

/**
 * Maps an engine failure to the HTTP answer of a single-number or lookup endpoint: the generic
 * rules of errors.md §2.1 with the overrides of §2.2, §5, §6 and decisions.md D1, D3, D7, D17.
 */
export function httpFailure(error: NumberError, endpoint: Endpoint): Reply {
  if (endpoint === "read") return BAD_IDENTIFIER;
  switch (error.reason) {
    case "not_found":
      return BAD_IDENTIFIER;
    case "not_reconcilable":
      return endpoint === "create" ? fromObject(error) : clientError("not_reconcilable");
    case "additions_not_allowed":
      return endpoint === "create" ? CREATE_UNAUTHORIZED : fromObject(error);
    case "invalid_state_transition":
      return endpoint === "release" && error.cause === "from available to released"
        ? BAD_IDENTIFIER
        : fromObject(error);
    case "e911_invalid":
      return failure(400, "invalid data", {
        address: {
          invalid: { cause: error.address, message: error.message, provider: "dash_e911" },
        },
      });
    case "e911_multiple_choice":
      return failure(400, "multiple_choice", {
        multiple_choice: {
          dash_e911: {
            cause: error.address,
            details: [...error.details],
            message: "more than one address found",
          },
        },
      });
    case "unassigned":
    case "not_in_service":
    case "account_disabled":
      return clientError(error.reason);
    case "phonebook_not_configured":
      return MISSING_CARRIER_URL;
    case "locality_lookup_failed":
      return failure(500, "number locality lookup failed", {});
    case "city_lookup_failed":
      return failure(500, "init failed", error.body);
    case "invalid_request":
      return validationError(error.field, error.rule, error.message, error.target);
    case "number_exists":
    case "number_is_porting":
    case "unauthorized":
    case "no_change_required":
    case "by_carrier":
    case "missing_provider_url":
    case "carrier_not_specified":
    case "database_error":
    case "carrier_order_pending":
    case "provider_fault":
      return fromObject(error);
    default:
      return assertNever(error);
  }
}

/**
 * What a failed number maps to inside a collection's 400 `client error` map (decisions.md D12):
 * bare `"not_found"`, bare `"not_reconcilable"` except for the collection PUT, else the error
 * object. The single-number overrides do not apply here.
 */
export function collectionEntry(error: NumberError, isCreate: boolean): JsonValue {
  if (error.reason === "not_found") return "not_found";
  if (error.reason === "not_reconcilable" && !isCreate) return "not_reconcilable";
  return errorJson(errorObject(error));
}
