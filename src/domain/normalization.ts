import type * as PhoneMetadata from "libphonenumber-js/min";
import { lazyModule } from "./lazy-module.js";

/** libphonenumber-js (metadata included), loaded by the first search outside the NANP. */
const phoneMetadata = lazyModule<typeof PhoneMetadata>("libphonenumber-js/min");

/** One e164 converter: a regex and what to put around its last participating group. */
export interface ConverterRule {
  readonly prefix?: string;
  readonly suffix?: string;
}

/** The default `e164_converters`, in evaluation order (normalization.md §1.1, seed). */
export const DEFAULT_E164_CONVERTERS: Readonly<Record<string, ConverterRule>> = {
  "^\\+?1?([2-9][0-9]{2}[2-9][0-9]{6})$": { prefix: "+1" },
  "^011(\\d*)$|^00(\\d*)$": { prefix: "+" },
  "^[2-9]\\d{7,}$": { prefix: "+" },
};

/** The default `reconcile_regex` (normalization.md §3, seed). */
export const DEFAULT_RECONCILE_REGEX = "^\\+?1?\\d{10}$|^\\+[2-9]\\d{7,}$|^011\\d*$|^00\\d*$";

interface CompiledConverter {
  readonly regex: RegExp;
  readonly prefix: string;
  readonly suffix: string;
}

/** Compiled normalization rules: converters in order and the reconcile regex. */
export interface NumberRules {
  readonly converters: readonly CompiledConverter[];
  readonly reconcile: RegExp;
}

/** Compiles converter and reconcile settings; throws a SyntaxError on a bad regex. */
export function compileNumberRules(
  converters: Readonly<Record<string, ConverterRule>> = DEFAULT_E164_CONVERTERS,
  reconcileRegex: string = DEFAULT_RECONCILE_REGEX,
): NumberRules {
  return {
    converters: Object.entries(converters).map(([source, rule]) => ({
      regex: new RegExp(source),
      prefix: rule.prefix ?? "",
      suffix: rule.suffix ?? "",
    })),
    reconcile: new RegExp(reconcileRegex),
  };
}

/** The default rules, compiled once. */
export const DEFAULT_NUMBER_RULES: NumberRules = compileNumberRules();

const NANP_TEN_DIGITS = /^[2-9][0-9]{2}[2-9][0-9]{6}$/;
const isDefault = (rules: NumberRules): boolean => rules === DEFAULT_NUMBER_RULES;

/** The last capture group that took part in the match, or the whole match (§1.2). */
function lastParticipatingGroup(match: RegExpExecArray): string {
  for (let i = match.length - 1; i >= 1; i--) {
    const group = match[i];
    if (group !== undefined) return group;
  }
  return match[0];
}

/** Normalizes an input to E.164 with the converters (normalization.md §1.1). */
export function normalize(input: string, rules: NumberRules = DEFAULT_NUMBER_RULES): string {
  if (input.startsWith("+")) return input;
  if (isDefault(rules) && input.length === 10 && NANP_TEN_DIGITS.test(input)) return `+1${input}`;
  for (const converter of rules.converters) {
    const match = converter.regex.exec(input);
    if (match) return converter.prefix + lastParticipatingGroup(match) + converter.suffix;
  }
  return input;
}

/**
 * True when the normalized input matches the reconcile regex and starts with `+`
 * (normalization.md §3 and §6 note 2: a number without `+` cannot be stored).
 */
export function isReconcilable(input: string, rules: NumberRules = DEFAULT_NUMBER_RULES): boolean {
  const normalized = normalize(input, rules);
  return normalized.startsWith("+") && rules.reconcile.test(normalized);
}

/** True when every character of `input` from `from` on is a decimal digit. */
function digitsFrom(input: string, from: number): boolean {
  for (let i = from; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * The default rules' answer for `+` input without regexes: the input itself when the default
 * reconcile regex accepts it (`+` and ten digits, `+1` and ten, or `+[2-9]` and seven or more).
 */
function defaultE164(input: string): string | undefined {
  const digits = input.length - 1;
  if (!digitsFrom(input, 1)) return undefined;
  const first = input.charCodeAt(1);
  const ok =
    digits === 10 || (digits === 11 && first === 49) || (digits >= 8 && first >= 50 && first <= 57);
  return ok ? input : undefined;
}

/** Normalizes an input, or returns undefined when it is not reconcilable. */
export function toE164(
  input: string,
  rules: NumberRules = DEFAULT_NUMBER_RULES,
): string | undefined {
  if (isDefault(rules)) {
    if (input.charCodeAt(0) === 43) return defaultE164(input);
    // Ten NANP digits become +1 and the ten, which the default reconcile regex always accepts.
    if (input.length === 10 && NANP_TEN_DIGITS.test(input)) return `+1${input}`;
  }
  const normalized = normalize(input, rules);
  return normalized.startsWith("+") && rules.reconcile.test(normalized) ? normalized : undefined;
}

/** The 10-digit NANP form of a number, or the input unchanged (normalization.md §2). */
export function toNpan(input: string): string {
  const match = /^\+?1?([2-9][0-9]{2}[2-9][0-9]{6})$/.exec(input);
  return match?.[1] ?? input;
}

/** The `+` dial code of an ISO 3166 alpha-2 country (`US` -> `+1`); undefined when unknown. */
function dialCode(country: string): string | undefined {
  const upper = country.toUpperCase();
  if (upper === "US") return "+1";
  const { isSupportedCountry, getCountryCallingCode } = phoneMetadata();
  return isSupportedCountry(upper) ? `+${getCountryCallingCode(upper)}` : undefined;
}

/** The search prefix (normalization.md §5): dial code + prefix, or the prefix when it has `+`. */
export function searchPrefix(prefix: string, country = "US"): string | undefined {
  if (prefix.startsWith("+")) return prefix;
  const code = dialCode(country);
  return code === undefined ? undefined : code + prefix;
}
