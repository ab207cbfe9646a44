import { isJsonObject, type JsonObject, type JsonValue } from "./json.js";

/** Query keys of a listing that count as filters (collections.md §7). */
const FILTER_KEY =
  /^(filter_|has_key$|key_missing$|has_value$|created_from$|created_to$|modified_from$|modified_to$)/;

/** Short names that stand for the record's private keys (collections.md §7, decisions.md D13). */
const ALIASES: Readonly<Record<string, string>> = {
  state: "pvt_state",
  assigned_to: "pvt_assigned_to",
  locality: "pvt_locality",
};

/** True when the query holds any listing filter (which turns paging off by default). */
export function hasListingFilters(query: Readonly<Record<string, string>>): boolean {
  return Object.keys(query).some((key) => FILTER_KEY.test(key));
}

function valueAt(doc: JsonObject, path: string): JsonValue | undefined {
  let current: JsonValue | undefined = doc;
  for (const part of path.split(".")) {
    if (!isJsonObject(current)) return undefined;
    current = current[part];
  }
  return current;
}

const asText = (value: JsonValue): string =>
  typeof value === "string" ? value : JSON.stringify(value);

/** `filter_<path>=<v>`: the value as a string equals v, or v is a JSON array containing it. */
function matchesValue(actual: JsonValue | undefined, expected: string): boolean {
  if (actual === undefined) return false;
  if (asText(actual) === expected) return true;
  try {
    const parsed: unknown = JSON.parse(expected);
    return (
      Array.isArray(parsed) && parsed.some((item) => asText(item as JsonValue) === asText(actual))
    );
  } catch {
    return false;
  }
}

const isEmpty = (value: JsonValue | undefined): boolean =>
  value === undefined ||
  value === null ||
  value === "" ||
  (Array.isArray(value) && value.length === 0) ||
  (isJsonObject(value) && Object.keys(value).length === 0);

function timeBound(doc: JsonObject, key: string, bound: string, atLeast: boolean): boolean {
  const value = doc[key];
  const limit = Number(bound);
  if (typeof value !== "number" || !Number.isFinite(limit)) return false;
  return atLeast ? value >= limit : value <= limit;
}

/** Builds the predicate of a listing query; every filter must hold (collections.md §7). */
export function listingPredicate(
  query: Readonly<Record<string, string>>,
): (doc: JsonObject) => boolean {
  const checks: ((doc: JsonObject) => boolean)[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (key.startsWith("filter_not_")) {
      const path = key.slice("filter_not_".length);
      const real = ALIASES[path] ?? path;
      checks.push((doc) => !matchesValue(valueAt(doc, real), value));
    } else if (key.startsWith("filter_")) {
      const path = key.slice("filter_".length);
      const real = ALIASES[path] ?? path;
      checks.push((doc) => matchesValue(valueAt(doc, real), value));
    } else if (key === "has_key") {
      checks.push((doc) => valueAt(doc, value) !== undefined);
    } else if (key === "key_missing") {
      checks.push((doc) => valueAt(doc, value) === undefined);
    } else if (key === "has_value") {
      checks.push((doc) => !isEmpty(valueAt(doc, value)));
    } else if (key === "created_from" || key === "created_to") {
      checks.push((doc) => timeBound(doc, "pvt_created", value, key === "created_from"));
    } else if (key === "modified_from" || key === "modified_to") {
      checks.push((doc) => timeBound(doc, "pvt_modified", value, key === "modified_from"));
    }
  }
  return (doc) => checks.every((check) => check(doc));
}
