import { DEFAULT_CLASSIFIERS, type ClassifierDefinition } from "./classifiers.js";
import { fail, ok, type Result } from "./errors.js";
import { isJsonObject } from "./json.js";
import {
  DEFAULT_E164_CONVERTERS,
  DEFAULT_RECONCILE_REGEX,
  type ConverterRule,
} from "./normalization.js";

/** Engine settings, named as in spec/config.md, with Kazoo's defaults. */
export interface EngineConfig {
  /** State of a released number left without an owner (`available` or `released`). */
  readonly released_state: "available" | "released";
  /** Releasing an ownerless number marks it `deleted`; carrier disconnect failures are ignored. */
  readonly should_permanently_delete: boolean;
  /** A release that ends `available` moves the number to `aging` instead. */
  readonly should_age: boolean;
  readonly reconcile_regex: string;
  readonly e164_converters: Readonly<Record<string, ConverterRule>>;
  readonly classifiers: Readonly<Record<string, ClassifierDefinition | string>>;
  /** Carriers an unauthenticated search consults, in order (module names, `knm_` optional). */
  readonly carrier_modules: readonly string[];
  /** Carrier given to numbers created through the API. */
  readonly available_module_name: string;
  /** Features whose providers may run (seed `allowed_features`). */
  readonly allowed_features: readonly string[];
  readonly discovery_expiry_d: number;
  readonly deleted_expiry_d: number;
  readonly aging_expiry_d: number;
  /** Default `page_size` of listings. */
  readonly pagination_page_size: number;
  /** Cap on a search's `quantity`. */
  readonly maximum_search_quantity: number;
  /** A carrier, phonebook or E911 call taking longer than this fails. */
  readonly port_call_timeout_ms: number;
  /** Seconds a reservation holds without `hold_for`; null: reservations never expire (extensions.md X1). */
  readonly reservation_hold_s: number | null;
  /** Seconds an idempotency key's answer is kept (extensions.md X2). */
  readonly idempotency_ttl_s: number;
  /** Days a committed event stays in the outbox; the sweep prunes older ones (docs/events.md). */
  readonly event_retention_d: number;
  /** The sweep deletes suspended and closed port requests unchanged for this long (port-requests.md §11). */
  readonly unfinished_port_request_lifetime_s: number;
  /** The sweep reminds of every `unconfirmed` port request. */
  readonly port_unconfirmed_reminders: boolean;
  /** Lets the port authority move a request from `submitted` straight to `scheduled`. */
  readonly allow_port_transition_from_submitted_to_scheduled: boolean;
  /** Lookups of a number without a record fall back to the porting requests (§6.4, §7.2). */
  readonly fetch_account_from_ports: boolean;
  /** The carrier of numbers a completed port request creates. */
  readonly port_in_module_name: string;
  /** The largest port request attachment, in bytes (P14). */
  readonly port_attachment_max_bytes: number;
}

/** The defaults of every setting (config.md, with its §9 note 1 choices). */
export const DEFAULT_CONFIG: EngineConfig = {
  released_state: "available",
  should_permanently_delete: false,
  should_age: false,
  reconcile_regex: DEFAULT_RECONCILE_REGEX,
  e164_converters: DEFAULT_E164_CONVERTERS,
  classifiers: DEFAULT_CLASSIFIERS,
  carrier_modules: ["knm_local"],
  available_module_name: "knm_local",
  allowed_features: ["cnam", "e911", "failover", "port", "prepend"],
  discovery_expiry_d: 90,
  deleted_expiry_d: 90,
  aging_expiry_d: 90,
  pagination_page_size: 50,
  maximum_search_quantity: 500,
  port_call_timeout_ms: 5000,
  reservation_hold_s: null,
  idempotency_ttl_s: 86_400,
  event_retention_d: 30,
  unfinished_port_request_lifetime_s: 2_592_000,
  port_unconfirmed_reminders: true,
  allow_port_transition_from_submitted_to_scheduled: false,
  fetch_account_from_ports: true,
  port_in_module_name: "local",
  port_attachment_max_bytes: 5_242_880,
};

type Check = (value: unknown) => boolean;
const isBool: Check = (v) => typeof v === "boolean";
const isNonNegative: Check = (v) => typeof v === "number" && Number.isFinite(v) && v >= 0;
const isPositiveInt: Check = (v) => Number.isInteger(v) && (v as number) >= 1;
const isString: Check = (v) => typeof v === "string" && v.length > 0;
const isStringList: Check = (v) => Array.isArray(v) && v.every((s) => typeof s === "string");
const isRegex: Check = (v) => {
  if (typeof v !== "string") return false;
  try {
    new RegExp(v);
    return true;
  } catch {
    return false;
  }
};
const isRegexMap: Check = (v) => isJsonObject(v) && Object.keys(v).every(isRegex);

const CHECKS: { readonly [K in keyof EngineConfig]: Check } = {
  released_state: (v) => v === "available" || v === "released",
  should_permanently_delete: isBool,
  should_age: isBool,
  reconcile_regex: isRegex,
  e164_converters: isRegexMap,
  classifiers: (v) => isJsonObject(v),
  carrier_modules: isStringList,
  available_module_name: isString,
  allowed_features: isStringList,
  discovery_expiry_d: isNonNegative,
  deleted_expiry_d: isNonNegative,
  aging_expiry_d: isNonNegative,
  pagination_page_size: isPositiveInt,
  maximum_search_quantity: isPositiveInt,
  port_call_timeout_ms: isPositiveInt,
  reservation_hold_s: (v) => v === null || isPositiveInt(v),
  idempotency_ttl_s: isPositiveInt,
  event_retention_d: isNonNegative,
  unfinished_port_request_lifetime_s: isNonNegative,
  port_unconfirmed_reminders: isBool,
  allow_port_transition_from_submitted_to_scheduled: isBool,
  fetch_account_from_ports: isBool,
  port_in_module_name: isString,
  port_attachment_max_bytes: isPositiveInt,
};

/** True when the name is a setting this engine knows. */
export function isConfigKey(key: string): key is keyof EngineConfig {
  return Object.hasOwn(CHECKS, key);
}

/** Validates overrides and merges them over the defaults; unknown keys and bad values fail. */
export function resolveConfig(overrides: unknown = {}): Result<EngineConfig> {
  if (!isJsonObject(overrides)) {
    return fail({
      reason: "invalid_request",
      field: "config",
      rule: "type",
      message: "config must be an object",
    });
  }
  for (const [key, value] of Object.entries(overrides)) {
    if (!isConfigKey(key)) {
      return fail({
        reason: "invalid_request",
        field: key,
        rule: "unknown",
        message: `unknown setting ${key}`,
      });
    }
    if (!CHECKS[key](value)) {
      return fail({
        reason: "invalid_request",
        field: key,
        rule: "type",
        message: `invalid value for ${key}`,
      });
    }
  }
  return ok({ ...DEFAULT_CONFIG, ...(overrides as Partial<EngineConfig>) });
}

/** A carrier module name without its `knm_` prefix (decisions.md D16). */
export function carrierName(module: string): string {
  return module.startsWith("knm_") ? module.slice(4) : module;
}
