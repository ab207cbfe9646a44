import { isJsonObject, type JsonObject, type JsonValue } from "../domain/json.js";

/** A scenario file that does not follow the format: the file and a one-line reason. */
export class ScenarioFormatError extends Error {
  /** Names the file and the problem. */
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = "ScenarioFormatError";
  }
}

/** A format problem found inside a file, before the file's name is known to the checker. */
export class FormatProblem extends Error {
  /** Describes where and what. */
  constructor(where: string, what: string) {
    super(where === "" ? what : `${where}: ${what}`);
    this.name = "FormatProblem";
  }
}

/** An object's fields, after the check for unknown and missing keys. */
export type Fields = Readonly<Record<string, unknown>>;

/** Reads an object whose keys must all be allowed and whose required keys must be present. */
export function fieldsOf(
  value: unknown,
  where: string,
  allowed: readonly string[],
  required: readonly string[] = [],
): Fields {
  if (!isJsonObject(value)) throw new FormatProblem(where, "must be an object");
  const unknown = Object.keys(value).find((key) => !allowed.includes(key));
  if (unknown !== undefined) throw new FormatProblem(where, `unknown key "${unknown}"`);
  const missing = required.find((key) => !Object.hasOwn(value, key));
  if (missing !== undefined) throw new FormatProblem(where, `missing "${missing}"`);
  return value;
}

/** A string. */
export function stringAt(value: unknown, where: string): string {
  if (typeof value !== "string") throw new FormatProblem(where, "must be a string");
  return value;
}

/** One of a fixed set of strings. */
export function oneOf<T extends string>(value: unknown, where: string, choices: readonly T[]): T {
  if (!choices.includes(value as T)) {
    throw new FormatProblem(where, `must be one of ${choices.map((c) => `"${c}"`).join(", ")}`);
  }
  return value as T;
}

/** A boolean. */
export function booleanAt(value: unknown, where: string): boolean {
  if (typeof value !== "boolean") throw new FormatProblem(where, "must be true or false");
  return value;
}

/** An integer, at least `min`. */
export function integerAt(value: unknown, where: string, min = 0): number {
  if (!Number.isInteger(value) || (value as number) < min) {
    throw new FormatProblem(where, `must be an integer of at least ${min}`);
  }
  return value as number;
}

/** A JSON object whose contents are free. */
export function objectAt(value: unknown, where: string): JsonObject {
  if (!isJsonObject(value)) throw new FormatProblem(where, "must be an object");
  return value;
}

/** An array, each element read by `item`. */
export function arrayAt<T>(
  value: unknown,
  where: string,
  item: (element: unknown, where: string) => T,
): T[] {
  if (!Array.isArray(value)) throw new FormatProblem(where, "must be an array");
  return value.map((element, i) => item(element, `${where}[${i}]`));
}

/** Reads an optional field: the reader's result under the same key, or nothing when absent. */
export function optional<K extends string, T>(
  fields: Fields,
  key: K,
  where: string,
  read: (value: unknown, where: string) => T,
): { [P in K]?: T } {
  if (!Object.hasOwn(fields, key)) return {};
  return { [key]: read(fields[key], `${where}.${key}`) } as { [P in K]?: T };
}

/** Any JSON value (the parsed file holds nothing else). */
export function jsonAt(value: unknown): JsonValue {
  return value as JsonValue;
}

/** Throws at the first entry whose `id` an earlier entry has; `at(i)` names where entry i is. */
export function checkUniqueIds(
  list: readonly { readonly id: string }[],
  at: (index: number) => string,
): Set<string> {
  const ids = new Set<string>();
  for (const [i, entry] of list.entries()) {
    if (ids.has(entry.id)) throw new FormatProblem(at(i), `duplicate id "${entry.id}"`);
    ids.add(entry.id);
  }
  return ids;
}
