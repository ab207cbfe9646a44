import { isJsonObject, type JsonValue } from "../domain/json.js";

/** Matches any value that is present, `null` included. */
export const ANY = "<any>";
/** As an object value: the key must be absent. */
export const ABSENT = "<absent>";

/** The first place where an actual value differs from the expected one. */
export interface Mismatch {
  /** Where, inside the compared value (`data[0].number`); empty for the value itself. */
  readonly path: string;
  readonly expected: string;
  readonly actual: string;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Shows a value in a report: its JSON, or `<absent>`. */
export function show(value: JsonValue | undefined): string {
  return value === undefined ? ABSENT : JSON.stringify(value);
}

function keyPath(path: string, key: string): string {
  if (!IDENTIFIER.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path === "" ? key : `${path}.${key}`;
}

const differ = (path: string, expected: JsonValue, actual: JsonValue | undefined): Mismatch => ({
  path,
  expected: show(expected),
  actual: show(actual),
});

/**
 * Matches an expected value against an actual one (conformance/FORMAT.md "Matching"): objects
 * by subset, arrays by length and order, everything else by strict equality, with the `<any>`
 * and `<absent>` markers. Returns the first mismatch, or undefined when they match.
 */
export function matchValue(
  expected: JsonValue,
  actual: JsonValue | undefined,
  path = "",
): Mismatch | undefined {
  if (expected === ANY) return actual === undefined ? differ(path, expected, actual) : undefined;
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      return differ(path, expected, actual);
    }
    for (const [i, item] of expected.entries()) {
      const found = matchValue(item, actual[i], `${path}[${i}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (isJsonObject(expected)) {
    if (!isJsonObject(actual)) return differ(path, expected, actual);
    for (const [key, value] of Object.entries(expected)) {
      const present = Object.hasOwn(actual, key);
      const found =
        value === ABSENT
          ? present
            ? differ(keyPath(path, key), value, actual[key])
            : undefined
          : matchValue(value, present ? actual[key] : undefined, keyPath(path, key));
      if (found !== undefined) return found;
    }
    return undefined;
  }
  return actual === expected ? undefined : differ(path, expected, actual);
}
