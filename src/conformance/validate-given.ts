import { isConfigKey, resolveConfig } from "../domain/config.js";
import { errorObject } from "../domain/errors.js";
import type { JsonObject } from "../domain/json.js";
import { NUMBER_STATES } from "../domain/states.js";
import {
  FormatProblem,
  arrayAt,
  booleanAt,
  checkUniqueIds,
  fieldsOf,
  integerAt,
  objectAt,
  oneOf,
  optional,
  stringAt,
} from "./format-checks.js";
import { readPortRequests } from "./validate-port.js";
import type {
  ScenarioAccount,
  ScenarioE911Address,
  ScenarioFault,
  ScenarioGiven,
  ScenarioInventoryEntry,
  ScenarioNumber,
} from "./scenario.js";

const ACCOUNT_ID = /^[A-Za-z0-9_-]+$/;
const E164 = /^\+[0-9]+$/;
/** Fault operations the in-memory adapters consult, by port. */
const FAULT_OPS = {
  carrier: ["search", "acquire", "disconnect", "check"],
  phonebook: ["locality", "prefix"],
  e911: ["provision", "remove"],
} as const;

const accountId = (value: unknown, where: string): string => {
  const id = stringAt(value, where);
  if (!ACCOUNT_ID.test(id)) throw new FormatProblem(where, "must match [A-Za-z0-9_-]+");
  return id;
};

const stringList = (value: unknown, where: string): string[] => arrayAt(value, where, stringAt);

function account(value: unknown, where: string): ScenarioAccount {
  const f = fieldsOf(
    value,
    where,
    ["id", "parent", "master", "allow_additions", "reseller", "enabled", "name", "port_authority"],
    ["id"],
  );
  return {
    id: accountId(f["id"], `${where}.id`),
    ...optional(f, "parent", where, accountId),
    ...optional(f, "master", where, booleanAt),
    ...optional(f, "allow_additions", where, booleanAt),
    ...optional(f, "reseller", where, booleanAt),
    ...optional(f, "enabled", where, booleanAt),
    ...optional(f, "name", where, stringAt),
    ...optional(f, "port_authority", where, booleanAt),
  };
}

function accounts(value: unknown, where: string): ScenarioAccount[] {
  const list = arrayAt(value, where, account);
  const ids = checkUniqueIds(list, (i) => `${where}[${i}]`);
  for (const [i, a] of list.entries()) {
    if (a.parent !== undefined && !ids.has(a.parent)) {
      throw new FormatProblem(`${where}[${i}].parent`, `names no account of the list`);
    }
  }
  if (list.filter((a) => a.master === true).length > 1) {
    throw new FormatProblem(where, "more than one master account");
  }
  return list;
}

function number(value: unknown, where: string): ScenarioNumber {
  const f = fieldsOf(
    value,
    where,
    [
      "number",
      "state",
      "assigned_to",
      "prev_assigned_to",
      "carrier",
      "reserve_history",
      "used_by",
      "features",
      "public",
      "created",
      "modified",
    ],
    ["number", "state"],
  );
  return {
    number: stringAt(f["number"], `${where}.number`),
    state: oneOf(f["state"], `${where}.state`, NUMBER_STATES),
    ...optional(f, "assigned_to", where, stringAt),
    ...optional(f, "prev_assigned_to", where, stringAt),
    ...optional(f, "carrier", where, stringAt),
    ...optional(f, "reserve_history", where, stringList),
    ...optional(f, "used_by", where, stringAt),
    ...optional(f, "features", where, objectAt),
    ...optional(f, "public", where, objectAt),
    ...optional(f, "created", where, integerAt),
    ...optional(f, "modified", where, integerAt),
  };
}

function inventoryEntry(value: unknown, where: string): ScenarioInventoryEntry {
  const f = fieldsOf(value, where, ["number", "rate_center"], ["number"]);
  return {
    number: stringAt(f["number"], `${where}.number`),
    ...optional(f, "rate_center", where, (v, at) =>
      objectAt(fieldsOf(v, at, ["lata", "name", "state"]), at),
    ),
  };
}

function phonebook(value: unknown, where: string): JsonObject {
  const book = objectAt(value, where);
  for (const [key, entry] of Object.entries(book)) {
    if (key === "cities") {
      for (const [city, prefixes] of Object.entries(objectAt(entry, `${where}.cities`))) {
        stringList(prefixes, `${where}.cities.${city}`);
      }
    } else if (E164.test(key)) {
      objectAt(entry, `${where}.${key}`);
    } else {
      throw new FormatProblem(where, `unknown key "${key}" (neither "cities" nor an E.164 number)`);
    }
  }
  return book;
}

function e911Address(value: unknown, where: string): ScenarioE911Address {
  const f = fieldsOf(
    value,
    where,
    ["match", "result", "details", "provisioned"],
    ["match", "result"],
  );
  return {
    match: objectAt(f["match"], `${where}.match`),
    result: oneOf(f["result"], `${where}.result`, ["valid", "invalid", "multiple"] as const),
    ...optional(f, "details", where, (v, at) => arrayAt(v, at, objectAt)),
    ...optional(f, "provisioned", where, objectAt),
  };
}

function fault(value: unknown, where: string): ScenarioFault {
  const f = fieldsOf(value, where, ["port", "op", "number", "message"], ["port", "op"]);
  const port = oneOf(f["port"], `${where}.port`, ["carrier", "phonebook", "e911"] as const);
  return {
    port,
    op: oneOf(f["op"], `${where}.op`, FAULT_OPS[port]),
    ...optional(f, "number", where, stringAt),
    ...optional(f, "message", where, stringAt),
  };
}

function config(value: unknown, where: string): JsonObject {
  const settings = objectAt(value, where);
  const unknown = Object.keys(settings).find((key) => !isConfigKey(key));
  if (unknown !== undefined) throw new FormatProblem(where, `unknown setting "${unknown}"`);
  const resolved = resolveConfig(settings);
  if (!resolved.ok) throw new FormatProblem(where, errorObject(resolved.error).message);
  return settings;
}

/** Reads and checks a scenario's `given`. */
export function readGiven(value: unknown, where: string): ScenarioGiven {
  const f = fieldsOf(value, where, [
    "now",
    "config",
    "accounts",
    "numbers",
    "inventory",
    "phonebook",
    "e911",
    "faults",
    "port_requests",
  ]);
  const known = new Set(
    Array.isArray(f["accounts"])
      ? f["accounts"].map((a) => (a as { id?: unknown }).id as string)
      : [],
  );
  return {
    ...optional(f, "now", where, integerAt),
    ...optional(f, "config", where, config),
    ...optional(f, "accounts", where, accounts),
    ...optional(f, "numbers", where, (v, at) => arrayAt(v, at, number)),
    ...optional(f, "inventory", where, (v, at) => arrayAt(v, at, inventoryEntry)),
    ...optional(f, "phonebook", where, phonebook),
    ...optional(f, "e911", where, (v, at) => {
      const e = fieldsOf(v, at, ["addresses"], ["addresses"]);
      return { addresses: arrayAt(e["addresses"], `${at}.addresses`, e911Address) };
    }),
    ...optional(f, "faults", where, (v, at) => arrayAt(v, at, fault)),
    ...optional(f, "port_requests", where, (v, at) => readPortRequests(v, at, known)),
  };
}
