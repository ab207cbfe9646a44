/**
 * The Kazoo number document (spec: record.md §1-2) and our record: `pvt_` keys, legacy forms
 * (`pvt_number_state`, `wnm_*` modules, features as a list) and public fields at the root.
 */
import type { NumberOperation } from "./events.js";
import { isJsonObject, setOwn, type JsonObject, type JsonValue } from "./json.js";
import { toE164 } from "./normalization.js";
import {
  LOCAL_CARRIER,
  publicFieldsOf,
  type NumberRecord,
  type PendingOrder,
  type RecordInit,
  makeRecord,
} from "./record.js";
import { isNumberState } from "./states.js";

/** The numbers database a number lives in (`numbers%2F%2B1415`), or undefined when it has none. */
export function numbersDatabase(number: string): string | undefined {
  const match = /^\+(\d{4})/.exec(number);
  return match === null ? undefined : encodeURIComponent(`numbers/+${match[1] ?? ""}`);
}

/** The record as Kazoo stores it: `_id`, public fields at the root, every private field as `pvt_`. */
export function kazooDocument(record: NumberRecord): JsonObject {
  const doc: JsonObject = { _id: record.number };
  for (const [key, value] of Object.entries(record.public)) setOwn(doc, key, value);
  Object.assign(doc, {
    pvt_type: "number",
    pvt_state: record.state,
    pvt_module_name: `knm_${record.carrier}`,
    pvt_features: { ...record.features },
    pvt_reserve_history: [...record.reserveHistory],
    pvt_created: record.created,
    pvt_modified: record.modified,
    pvt_ported_in: record.portedIn,
  });
  const database = numbersDatabase(record.number);
  if (database !== undefined) doc["pvt_db_name"] = database;
  if (record.assignedTo !== undefined) doc["pvt_assigned_to"] = record.assignedTo;
  if (record.prevAssignedTo !== undefined) {
    doc["pvt_previously_assigned_to"] = record.prevAssignedTo;
  }
  if (record.usedBy !== undefined) doc["pvt_used_by"] = record.usedBy;
  if (Object.keys(record.carrierData).length > 0) {
    doc["pvt_carrier_data"] = { ...record.carrierData };
  }
  const locality = record.features["locality"];
  if (locality !== undefined) doc["pvt_locality"] = locality;
  if (record.holdExpires !== undefined) doc["pvt_hold_expires"] = record.holdExpires;
  if (record.pendingOrder !== undefined) doc["pvt_pending_order"] = { ...record.pendingOrder };
  return doc;
}

/** True for CouchDB design documents (`_design/…`), which are not numbers. */
export function isDesignDocument(doc: JsonValue): boolean {
  return isJsonObject(doc) && typeof doc["_id"] === "string" && doc["_id"].startsWith("_design/");
}

/** The reading of a document: its record, or why it is not one. */
export type DocumentReading =
  | { readonly ok: true; readonly record: NumberRecord }
  | { readonly ok: false; readonly reason: string };

/** Times a document without `pvt_created` / `pvt_modified` takes (seed Kazoo's loader: now). */
export interface FallbackTimes {
  readonly created: number;
  readonly modified: number;
}

/** A document that is not a record: thrown inside the reader, answered as `{ ok: false }`. */
class Unreadable extends Error {}

const optionalString = (doc: JsonObject, key: string): string | undefined => {
  const value = doc[key];
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string") throw new Unreadable(`${key} is not a string`);
  return value;
};

const optionalNumber = (doc: JsonObject, key: string): number | undefined => {
  const value = doc[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new Unreadable(`${key} is not a number`);
  }
  return value;
};

const optionalObject = (doc: JsonObject, key: string): JsonObject | undefined => {
  const value = doc[key];
  if (value === undefined || value === null) return undefined;
  if (!isJsonObject(value)) throw new Unreadable(`${key} is not an object`);
  return value;
};

/** `wnm_local` / `knm_local` → `local` (seed reads legacy `wnm_*` names as `knm_*`). */
function carrierOf(doc: JsonObject): string {
  const module = optionalString(doc, "pvt_module_name");
  if (module === undefined) return LOCAL_CARRIER;
  const prefix = /^(knm|wnm)_/.exec(module);
  return prefix === null ? module : module.slice(prefix[0].length);
}

/** `pvt_features`: an object, or the legacy list of names (each becomes `{name: {}}`). */
function featuresOf(doc: JsonObject): JsonObject {
  const value = doc["pvt_features"];
  if (value === undefined || value === null) return {};
  if (isJsonObject(value)) return value;
  if (Array.isArray(value) && value.every((name) => typeof name === "string")) {
    const features: JsonObject = {};
    for (const name of value) setOwn(features, name, {});
    return features;
  }
  throw new Unreadable("pvt_features is neither an object nor a list of names");
}

/** `pvt_reserve_history`: a list of account ids, equal neighbours collapsed. */
function reserveHistoryOf(doc: JsonObject): string[] {
  const value = doc["pvt_reserve_history"];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new Unreadable("pvt_reserve_history is not a list");
  if (!value.every((entry) => typeof entry === "string" && entry !== "")) {
    throw new Unreadable("pvt_reserve_history holds something other than account ids");
  }
  return (value as string[]).filter((entry, i) => entry !== value[i - 1]);
}

function portedInOf(doc: JsonObject): boolean {
  const value = doc["pvt_ported_in"];
  if (value === undefined || value === null) return false;
  if (typeof value !== "boolean") throw new Unreadable("pvt_ported_in is not true or false");
  return value;
}

const isOrderOp = (value: JsonValue | undefined): value is PendingOrder["op"] =>
  value === "acquire" || value === "disconnect";

function pendingOrderOf(doc: JsonObject): PendingOrder | undefined {
  const order = optionalObject(doc, "pvt_pending_order");
  if (order === undefined) return undefined;
  const event = optionalString(order, "event");
  const operation = optionalString(order, "operation");
  const requester = optionalString(order, "requester");
  const since = optionalNumber(order, "since");
  const target = optionalString(order, "target");
  const op = order["op"];
  if (!isOrderOp(op) || !event || !operation || !requester || since === undefined) {
    throw new Unreadable("pvt_pending_order lacks op, event, operation, requester or since");
  }
  return {
    op,
    event,
    operation: operation as NumberOperation,
    requester,
    since,
    ...(target === undefined ? {} : { target }),
  };
}

/** The number of a document's `_id`, normalized to E.164. */
function numberOf(doc: JsonObject): string {
  const id = doc["_id"];
  if (typeof id !== "string" || id === "") throw new Unreadable("no _id");
  const number = toE164(id);
  if (number === undefined) throw new Unreadable(`_id ${id} is not a number that normalizes`);
  return number;
}

function stateOf(doc: JsonObject): NumberRecord["state"] {
  const state = doc["pvt_state"] ?? doc["pvt_number_state"];
  if (state === undefined) throw new Unreadable("no pvt_state (nor legacy pvt_number_state)");
  if (!isNumberState(state)) throw new Unreadable(`unknown state ${JSON.stringify(state)}`);
  return state;
}

function readDocument(value: JsonValue, fallback: FallbackTimes): NumberRecord {
  if (!isJsonObject(value)) throw new Unreadable("not a JSON object");
  if (value["_deleted"] === true) throw new Unreadable("a deleted CouchDB document");
  const type = value["pvt_type"];
  if (type !== undefined && type !== "number") {
    throw new Unreadable(`pvt_type is ${JSON.stringify(type)}, not "number"`);
  }
  const created = optionalNumber(value, "pvt_created");
  const modified = optionalNumber(value, "pvt_modified");
  const init: RecordInit = {
    number: numberOf(value),
    state: stateOf(value),
    now: fallback.created,
    assignedTo: optionalString(value, "pvt_assigned_to"),
    prevAssignedTo: optionalString(value, "pvt_previously_assigned_to"),
    reserveHistory: reserveHistoryOf(value),
    usedBy: optionalString(value, "pvt_used_by"),
    features: featuresOf(value),
    carrier: carrierOf(value),
    carrierData: optionalObject(value, "pvt_carrier_data"),
    portedIn: portedInOf(value),
    holdExpires: optionalNumber(value, "pvt_hold_expires"),
    pendingOrder: pendingOrderOf(value),
    public: publicFieldsOf(value),
    created: created ?? modified ?? fallback.created,
    modified: modified ?? created ?? fallback.modified,
  };
  return makeRecord(init);
}

/**
 * Reads a Kazoo number document into a record. Keys the engine does not keep
 * (`pvt_authorizing_account`, `pvt_db_name`, `pvt_features_available`, `pvt_region`, `_rev`,
 * ...) are dropped; a document missing its timestamps takes `fallback`.
 */
export function fromKazooDocument(doc: JsonValue, fallback: FallbackTimes): DocumentReading {
  try {
    return { ok: true, record: readDocument(doc, fallback) };
  } catch (error) {
    if (error instanceof Unreadable) return { ok: false, reason: error.message };
    throw error;
  }
}
