import { isJsonObject, setOwn, type JsonObject, type JsonValue } from "../domain/json.js";
import { PORT_STATES } from "../domain/port-states.js";
import {
  FormatProblem,
  arrayAt,
  checkUniqueIds,
  fieldsOf,
  integerAt,
  objectAt,
  oneOf,
  optional,
  stringAt,
} from "./format-checks.js";
import type { ScenarioPortRequest, Step } from "./scenario.js";

/** One `given.port_requests` entry (port-requests.md §13, C14). */
function portRequest(value: unknown, where: string): ScenarioPortRequest {
  const f = fieldsOf(
    value,
    where,
    [
      "id",
      "account",
      "state",
      "name",
      "numbers",
      "ported_numbers",
      "port_authority",
      "public",
      "comments",
      "transitions",
      "created",
      "modified",
    ],
    ["id", "account", "state", "name", "numbers"],
  );
  const id = stringAt(f["id"], `${where}.id`);
  if (id === "") throw new FormatProblem(`${where}.id`, "must not be empty");
  return {
    id,
    account: stringAt(f["account"], `${where}.account`),
    state: oneOf(f["state"], `${where}.state`, PORT_STATES),
    name: stringAt(f["name"], `${where}.name`),
    numbers: objectAt(f["numbers"], `${where}.numbers`),
    ...optional(f, "ported_numbers", where, objectAt),
    ...optional(f, "port_authority", where, stringAt),
    ...optional(f, "public", where, objectAt),
    ...optional(f, "comments", where, (v, at) => arrayAt(v, at, objectAt)),
    ...optional(f, "transitions", where, (v, at) => arrayAt(v, at, objectAt)),
    ...optional(f, "created", where, integerAt),
    ...optional(f, "modified", where, integerAt),
  };
}

/** Reads `given.port_requests`: ids unique, accounts (and authorities) among `given.accounts`. */
export function readPortRequests(
  value: unknown,
  where: string,
  accounts: ReadonlySet<string>,
): ScenarioPortRequest[] {
  const list = arrayAt(value, where, portRequest);
  checkUniqueIds(list, (i) => `${where}[${i}].id`);
  for (const [i, r] of list.entries()) {
    const at = `${where}[${i}]`;
    if (!accounts.has(r.account))
      throw new FormatProblem(`${at}.account`, "names no account of given.accounts");
    if (r.port_authority !== undefined && !accounts.has(r.port_authority)) {
      throw new FormatProblem(`${at}.port_authority`, "names no account of given.accounts");
    }
  }
  return list;
}

/** A `capture` map: capture names (identifiers) to dotted paths of the response body. */
export function captureMap(value: unknown, where: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, path] of Object.entries(objectAt(value, where))) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      throw new FormatProblem(`${where}.${name}`, "a capture name must be an identifier");
    }
    out[name] = stringAt(path, `${where}.${name}`);
  }
  return out;
}

/** A `body_base64` value: standard base64. */
export function base64At(value: unknown, where: string): string {
  const text = stringAt(value, where);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) {
    throw new FormatProblem(where, "must be base64");
  }
  return text;
}

const PLACEHOLDER = /\{\{([^}]*)\}\}/g;

/** Every `{{name}}` in the strings of a JSON value. */
function placeholders(value: JsonValue | undefined, into: Set<string>): void {
  if (typeof value === "string") for (const m of value.matchAll(PLACEHOLDER)) into.add(m[1] ?? "");
  else if (Array.isArray(value)) for (const item of value) placeholders(item, into);
  else if (isJsonObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      placeholders(key, into);
      placeholders(item, into);
    }
  }
}

/** The `{{name}}`s a step uses. */
function usedBy(step: Step): Set<string> {
  const used = new Set<string>();
  if (step.kind === "request") {
    placeholders(step.path, used);
    placeholders(step.query ?? {}, used);
    placeholders(step.body?.value, used);
    placeholders(step.expect.body, used);
    placeholders(step.expect.headers ?? {}, used);
  } else if (step.kind === "inspect_port_request") {
    placeholders(step.id, used);
    placeholders(step.expect ?? undefined, used);
  } else if (step.kind === "inspect" || step.kind === "inspect_events") {
    placeholders((step.expect ?? undefined) as JsonValue | undefined, used);
  }
  return used;
}

/** Checks that every `{{name}}` names a capture of an earlier step. */
export function checkCaptures(steps: readonly Step[], where: string): void {
  const captured = new Set<string>();
  for (const [i, step] of steps.entries()) {
    for (const name of usedBy(step)) {
      if (!captured.has(name)) {
        throw new FormatProblem(
          `${where} step ${i + 1}`,
          `{{${name}}} names no capture of an earlier step`,
        );
      }
    }
    if (step.kind === "request")
      for (const name of Object.keys(step.capture ?? {})) captured.add(name);
  }
}

/** Replaces every `{{name}}` in the strings of a value by its captured value. */
export function substitute<T extends JsonValue | undefined>(
  value: T,
  captures: ReadonlyMap<string, JsonValue>,
): T {
  const text = (s: string): string =>
    s.replace(PLACEHOLDER, (_, name: string) => {
      const bound = captures.get(name);
      return typeof bound === "string" ? bound : JSON.stringify(bound ?? null);
    });
  if (typeof value === "string") return text(value) as T;
  if (Array.isArray(value)) return value.map((item) => substitute(item, captures)) as T;
  if (isJsonObject(value)) {
    const out: JsonObject = {};
    for (const [key, item] of Object.entries(value))
      setOwn(out, text(key), substitute(item, captures));
    return out as T;
  }
  return value;
}
