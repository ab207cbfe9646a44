import type { JsonObject, JsonValue } from "./json.js";

/**
 * Every failure the engine reports (spec: errors.md §1), discriminated on `reason`.
 * The set is closed: the HTTP layer maps each one exhaustively.
 */
export type NumberError =
  | { readonly reason: "not_reconcilable"; readonly input: string }
  | { readonly reason: "number_exists"; readonly number: string }
  | { readonly reason: "number_is_porting"; readonly number: string }
  | { readonly reason: "not_found"; readonly number: string }
  | { readonly reason: "unauthorized"; readonly cause?: string }
  | { readonly reason: "additions_not_allowed"; readonly requester: string }
  | { readonly reason: "no_change_required" }
  | { readonly reason: "invalid_state_transition"; readonly cause: string }
  | { readonly reason: "by_carrier"; readonly number: string; readonly message: string }
  | { readonly reason: "missing_provider_url" }
  | { readonly reason: "carrier_not_specified" }
  | { readonly reason: "database_error"; readonly cause: string }
  | { readonly reason: "carrier_order_pending"; readonly number: string }
  | { readonly reason: "provider_fault"; readonly message: string }
  | { readonly reason: "e911_invalid"; readonly address: JsonObject; readonly message: string }
  | {
      readonly reason: "e911_multiple_choice";
      readonly address: JsonObject;
      readonly details: readonly JsonObject[];
    }
  | { readonly reason: "unassigned"; readonly number: string }
  | { readonly reason: "not_in_service"; readonly number: string; readonly owner: string }
  | { readonly reason: "account_disabled"; readonly number: string; readonly owner: string }
  | { readonly reason: "phonebook_not_configured" }
  | { readonly reason: "locality_lookup_failed"; readonly message: string }
  | { readonly reason: "city_lookup_failed"; readonly body: JsonValue }
  | {
      readonly reason: "invalid_request";
      readonly field: string;
      readonly rule: string;
      readonly message: string;
      /** The limit or type the value missed, when the rule has one. */
      readonly target?: JsonValue;
    };

/** The name of an engine failure. */
export type NumberErrorReason = NumberError["reason"];

/** Kazoo's error object (errors.md §1): what a failed number reports. */
export interface ErrorObject {
  readonly code: number;
  readonly error: string;
  readonly message: string;
  readonly cause?: string;
}

type Catalogue = {
  readonly [R in NumberErrorReason]: (e: Extract<NumberError, { reason: R }>) => ErrorObject;
};

const fault = (message: string, cause?: string): ErrorObject =>
  cause === undefined
    ? { code: 500, error: "unspecified_fault", message }
    : { code: 500, error: "unspecified_fault", message, cause };

/** The catalogue: one entry per reason, giving its code, `error`, `message` and `cause`. */
export const ERROR_CATALOGUE: Catalogue = {
  not_reconcilable: (e) => ({
    code: 404,
    error: "not_reconcilable",
    message: `number ${e.input} is not reconcilable`,
    cause: e.input,
  }),
  number_exists: (e) => ({
    code: 409,
    error: "number_exists",
    message: `number ${e.number} already exists`,
    cause: e.number,
  }),
  number_is_porting: (e) => ({
    code: 400,
    error: "number_is_porting",
    message: `number ${e.number} is porting`,
    cause: e.number,
  }),
  not_found: (e) => ({
    code: 404,
    error: "not_found",
    message: `number ${e.number} not found`,
    cause: e.number,
  }),
  unauthorized: (e) => ({
    code: 403,
    error: "forbidden",
    message: "requestor is unauthorized to perform operation",
    ...(e.cause === undefined ? {} : { cause: e.cause }),
  }),
  additions_not_allowed: () => ({
    code: 403,
    error: "forbidden",
    message: "requestor is unauthorized to perform operation",
  }),
  no_change_required: () => ({
    code: 400,
    error: "no_change_required",
    message: "no change required",
  }),
  invalid_state_transition: (e) => ({
    code: 400,
    error: "invalid_state_transition",
    message: "invalid state transition",
    cause: e.cause,
  }),
  by_carrier: (e) => fault(e.message, e.number),
  missing_provider_url: () => fault("missing_provider_url"),
  carrier_not_specified: () => fault("carrier_not_specified"),
  database_error: (e) => fault("database_error", e.cause),
  carrier_order_pending: (e) => ({
    code: 409,
    error: "carrier_order_pending",
    message: "a carrier order for this number has not been confirmed yet",
    cause: e.number,
  }),
  provider_fault: (e) => fault(e.message),
  e911_invalid: (e) => ({
    code: 400,
    error: "invalid",
    message: "invalid",
    cause: `${e.message} (${JSON.stringify(e.address)})`,
  }),
  e911_multiple_choice: () => ({
    code: 400,
    error: "multiple_choice",
    message: "more than one address found",
  }),
  unassigned: () => ({ code: 400, error: "unassigned", message: "unassigned" }),
  not_in_service: () => ({ code: 400, error: "not_in_service", message: "not_in_service" }),
  account_disabled: () => ({ code: 400, error: "account_disabled", message: "account_disabled" }),
  phonebook_not_configured: () => fault("missing_provider_url"),
  locality_lookup_failed: (e) => fault("number locality lookup failed", e.message),
  city_lookup_failed: () => fault("init failed"),
  invalid_request: (e) => ({
    code: 400,
    error: "invalid_request",
    message: e.message,
    cause: e.field,
  }),
};

/** The Kazoo error object of an engine failure. */
export function errorObject(error: NumberError): ErrorObject {
  const build = ERROR_CATALOGUE[error.reason] as (e: NumberError) => ErrorObject;
  return build(error);
}

/** An invalid_state_transition error with Kazoo's `from <from> to <to>` cause. */
export function invalidTransition(from: string, to: string): NumberError {
  return { reason: "invalid_state_transition", cause: `from ${from} to ${to}` };
}

/** The thrown form of an engine failure. */
export class NumberLifecycleError extends Error {
  /** Wraps a catalogue entry so it can be thrown. */
  constructor(readonly detail: NumberError) {
    super(errorObject(detail).message);
    this.name = "NumberLifecycleError";
  }
}

/** The result-returning form of an engine operation. */
export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: NumberError };

/** A successful result. */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** A failed result. */
export const fail = <T = never>(error: NumberError): Result<T> => ({ ok: false, error });

/** Returns the value of a result or throws its error as a NumberLifecycleError. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new NumberLifecycleError(result.error);
}
