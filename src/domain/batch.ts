import type { NumberError } from "./errors.js";
import type { JsonValue } from "./json.js";
import { normalize, type NumberRules, DEFAULT_NUMBER_RULES } from "./normalization.js";

const invalid = (rule: string, message: string): NumberError => ({
  reason: "invalid_request",
  field: "numbers",
  rule,
  message,
});

/**
 * Validates a collection's `numbers` (errors.md §4): a non-empty list of strings in which no
 * two entries normalize to the same number. Returns the list, or the first problem.
 */
export function validateBatch(
  numbers: JsonValue | undefined,
  rules: NumberRules = DEFAULT_NUMBER_RULES,
): { ok: true; numbers: string[] } | { ok: false; error: NumberError } {
  if (numbers === undefined || numbers === null)
    return { ok: false, error: invalid("required", "list of numbers missing") };
  if (!Array.isArray(numbers))
    return { ok: false, error: invalid("type", "numbers must be a list") };
  if (numbers.length === 0)
    return { ok: false, error: invalid("minimum", "minimum 1 number required") };
  if (!numbers.every((n): n is string => typeof n === "string")) {
    return { ok: false, error: invalid("type", "numbers must be a list of strings") };
  }
  const seen = new Set<string>();
  for (const number of numbers) {
    const key = normalize(number, rules);
    if (seen.has(key))
      return { ok: false, error: invalid("uniqueItems", "some numbers appear twice") };
    seen.add(key);
  }
  return { ok: true, numbers };
}
