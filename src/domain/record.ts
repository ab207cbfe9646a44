import type { NumberOperation } from "./events.js";
import { isJsonObject, jsonEqual, setOwn, type JsonObject } from "./json.js";
import type { NumberState } from "./states.js";

/**
 * The stored record of one number (spec: record.md §2), in our own field names.
 * Carrier names carry no `knm_` prefix (`local`, `simulated`, `other`, ...).
 */
export interface NumberRecord {
  /** The E.164 number, also the record id. */
  readonly number: string;
  readonly state: NumberState;
  /** Current owner (account id). */
  readonly assignedTo?: string;
  /** Owner before the last ownership change. */
  readonly prevAssignedTo?: string;
  /** Accounts that reserved the number, most recent first. */
  readonly reserveHistory: readonly string[];
  /** Application using the number (`callflow`, `trunkstore`, ...). */
  readonly usedBy?: string;
  /** Active features: name -> provider-normalized data. */
  readonly features: Readonly<JsonObject>;
  /** Carrier module name without the `knm_` prefix. */
  readonly carrier: string;
  /** Opaque data the carrier returned on search or acquire. */
  readonly carrierData: Readonly<JsonObject>;
  readonly portedIn: boolean;
  /** When a timed hold on a reservation runs out, in Gregorian seconds (extensions.md X1). */
  readonly holdExpires?: number;
  /** A carrier order whose outcome is not known yet; the number cannot move until it is. */
  readonly pendingOrder?: PendingOrder;
  /** User-defined fields and feature configuration (`cnam`, `dash_e911`, ...). */
  readonly public: Readonly<JsonObject>;
  /** Gregorian seconds. */
  readonly created: number;
  /** Gregorian seconds. */
  readonly modified: number;
}

/**
 * A carrier order (acquire or disconnect) that missed its deadline and may still have completed
 * upstream: the move that sent it, kept on the record until the carrier is asked what happened.
 */
export interface PendingOrder {
  readonly op: "acquire" | "disconnect";
  /** The lifecycle event whose step sent the order. */
  readonly event: string;
  readonly operation: NumberOperation;
  readonly requester: string;
  readonly target?: string;
  /** When the order was sent, Gregorian seconds. */
  readonly since: number;
}

/** The carrier name every number created through the API gets (`available_module_name`). */
export const LOCAL_CARRIER = "local";

/** True for keys that are never public fields: `_`-prefixed, `pvt_`-prefixed and `id`. */
function isPrivateKey(key: string): boolean {
  return key.startsWith("_") || key.startsWith("pvt_") || key === "id";
}

/** The public fields of a request body: every key except private ones and `id`. */
export function publicFieldsOf(body: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(body)) {
    if (!isPrivateKey(key)) setOwn(out, key, value);
  }
  return out;
}

/** Applies a JSON Merge Patch (RFC 7386) to an object (decisions.md D4). */
export function mergePatch(target: Readonly<JsonObject>, patch: Readonly<JsonObject>): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(target)) setOwn(out, key, value);
  for (const [key, value] of Object.entries(patch)) {
    const current = Object.hasOwn(out, key) ? out[key] : undefined;
    if (value === null) delete out[key];
    else if (isJsonObject(value))
      setOwn(out, key, mergePatch(isJsonObject(current) ? current : {}, value));
    else setOwn(out, key, value);
  }
  return out;
}

/** The sorted feature names of a record; local-carrier numbers always list `local` (record.md §4). */
function featureNames(record: NumberRecord): string[] {
  const names = Object.keys(record.features);
  if (record.carrier === LOCAL_CARRIER && !names.includes("local")) names.push("local");
  return names.sort();
}

/** The API view of a record (record.md §4): public fields, root keys and `_read_only`. */
export function publicView(record: NumberRecord): JsonObject {
  const features = featureNames(record);
  const readOnly: JsonObject = {
    created: record.created,
    modified: record.modified,
    state: record.state,
  };
  const view: JsonObject = { ...record.public, id: record.number, state: record.state };
  if (record.usedBy !== undefined) {
    view["used_by"] = record.usedBy;
    readOnly["used_by"] = record.usedBy;
  }
  if (features.length > 0) {
    view["features"] = features;
    readOnly["features"] = features;
  }
  if (record.holdExpires !== undefined) readOnly["hold_expires"] = record.holdExpires;
  view["_read_only"] = readOnly;
  return view;
}

/** One entry of an account listing (record.md §7). */
export function listingEntry(record: NumberRecord): JsonObject {
  const entry: JsonObject = {
    assigned_to: record.assignedTo ?? null,
    created: record.created,
    features: featureNames(record),
    state: record.state,
    updated: record.modified,
  };
  if (record.usedBy !== undefined) entry["used_by"] = record.usedBy;
  if (record.holdExpires !== undefined) entry["hold_expires"] = record.holdExpires;
  const locality = record.features["locality"];
  if (locality !== undefined) entry["locality"] = locality;
  return entry;
}

/** The record in the conformance `inspect` shape (decisions.md D16). */
export function toDocument(record: NumberRecord): JsonObject {
  const doc: JsonObject = {
    number: record.number,
    state: record.state,
    carrier: record.carrier,
    created: record.created,
    modified: record.modified,
    reserve_history: [...record.reserveHistory],
    features: { ...record.features },
    public: { ...record.public },
  };
  if (record.assignedTo !== undefined) doc["assigned_to"] = record.assignedTo;
  if (record.prevAssignedTo !== undefined) doc["prev_assigned_to"] = record.prevAssignedTo;
  if (record.usedBy !== undefined) doc["used_by"] = record.usedBy;
  if (Object.keys(record.carrierData).length > 0) doc["carrier_data"] = { ...record.carrierData };
  if (record.portedIn) doc["ported_in"] = true;
  if (record.holdExpires !== undefined) doc["hold_expires"] = record.holdExpires;
  if (record.pendingOrder !== undefined) doc["pending_order"] = { ...record.pendingOrder };
  return doc;
}

/** The fields a test or world builder may give when making a record. */
export interface RecordInit {
  number: string;
  state: NumberState;
  now: number;
  assignedTo?: string | undefined;
  prevAssignedTo?: string | undefined;
  reserveHistory?: readonly string[] | undefined;
  usedBy?: string | undefined;
  features?: JsonObject | undefined;
  carrier?: string | undefined;
  carrierData?: JsonObject | undefined;
  portedIn?: boolean | undefined;
  holdExpires?: number | undefined;
  pendingOrder?: PendingOrder | undefined;
  public?: JsonObject | undefined;
  created?: number | undefined;
  modified?: number | undefined;
}

/** Builds a record with defaults: no owner, empty history, local carrier, timestamps = now. */
export function makeRecord(init: RecordInit): NumberRecord {
  const record: {
    -readonly [K in keyof NumberRecord]: NumberRecord[K];
  } = {
    number: init.number,
    state: init.state,
    reserveHistory: [...(init.reserveHistory ?? [])],
    features: { ...(init.features ?? {}) },
    carrier: init.carrier ?? LOCAL_CARRIER,
    carrierData: { ...(init.carrierData ?? {}) },
    portedIn: init.portedIn ?? false,
    public: { ...(init.public ?? {}) },
    created: init.created ?? init.now,
    modified: init.modified ?? init.now,
  };
  if (init.assignedTo) record.assignedTo = init.assignedTo;
  if (init.prevAssignedTo) record.prevAssignedTo = init.prevAssignedTo;
  if (init.usedBy) record.usedBy = init.usedBy;
  if (init.holdExpires !== undefined) record.holdExpires = init.holdExpires;
  if (init.pendingOrder !== undefined) record.pendingOrder = init.pendingOrder;
  return record;
}

/** True when two records agree on every field but `modified` (shared subtrees compare by reference first). */
export function sameContent(a: NumberRecord, b: NumberRecord): boolean {
  return (
    a.number === b.number &&
    a.state === b.state &&
    a.assignedTo === b.assignedTo &&
    a.prevAssignedTo === b.prevAssignedTo &&
    a.usedBy === b.usedBy &&
    a.carrier === b.carrier &&
    a.portedIn === b.portedIn &&
    a.holdExpires === b.holdExpires &&
    jsonEqual({ ...a.pendingOrder }, { ...b.pendingOrder }) &&
    a.created === b.created &&
    (a.reserveHistory === b.reserveHistory ||
      jsonEqual([...a.reserveHistory], [...b.reserveHistory])) &&
    jsonEqual(a.features, b.features) &&
    jsonEqual(a.carrierData, b.carrierData) &&
    jsonEqual(a.public, b.public)
  );
}

/** Keys of a record whose values are JSON; used to compare records byte for byte. */
export function recordFingerprint(record: NumberRecord | undefined): string {
  return record === undefined ? "<none>" : JSON.stringify(toDocument(record));
}
