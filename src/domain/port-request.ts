import { isJsonObject, setOwn, type JsonObject } from "./json.js";
import type { PortState } from "./port-states.js";

/** One document attached to a port request (P14): its type, size and bytes (base64). */
export interface PortAttachment {
  readonly contentType: string;
  readonly length: number;
  /** The bytes, base64-encoded so the record stays plain JSON. */
  readonly data: string;
}

/**
 * The stored port request (port-requests.md §8), in our own field names. `name`, `numbers` and
 * `comments` are public fields kept apart from the other public fields (`public`).
 */
export interface PortRequestRecord {
  /** 32 lowercase hex. */
  readonly id: string;
  /** The account the request belongs to (`pvt_account_id`). */
  readonly account: string;
  readonly accountName?: string;
  /** The account's ancestors, root first (`pvt_tree`). */
  readonly tree: readonly string[];
  readonly state: PortState;
  /** Computed at creation (§3), never moved by later tree changes. */
  readonly portAuthority: string;
  readonly portAuthorityName?: string;
  readonly name: string;
  /** E.164 number -> free data (e.g. `used_by`). Empty once completed. */
  readonly numbers: Readonly<JsonObject>;
  /** The numbers map as it was at completion (`pvt_ported_numbers`). */
  readonly portedNumbers?: Readonly<JsonObject>;
  /** Sorted by `timestamp`. */
  readonly comments: readonly JsonObject[];
  /** Every other public field (`transfer_date`, `bill`, custom keys, ...). */
  readonly public: Readonly<JsonObject>;
  /** Transition entries of §2.5, newest first. */
  readonly transitions: readonly JsonObject[];
  readonly attachments: Readonly<Record<string, PortAttachment>>;
  /** Gregorian seconds. */
  readonly created: number;
  readonly modified: number;
}

/** Keys of a request body that are never stored as public fields (§5.3). */
const DROPPED_KEYS = new Set([
  "id",
  "created",
  "updated",
  "uploads",
  "port_state",
  "sent",
  "_read_only",
  "reason",
]);

/** The public fields of a request body: private (`_`, `pvt_`) and read-only keys dropped. */
export function portPublicFieldsOf(body: Readonly<JsonObject>): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(body)) {
    if (key.startsWith("_") || key.startsWith("pvt_") || DROPPED_KEYS.has(key)) continue;
    setOwn(out, key, value);
  }
  return out;
}

/** Every public field of a request as one object (what POST replaces and PATCH merges into). */
export function allPublicFields(record: PortRequestRecord): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(record.public)) setOwn(out, key, value);
  out["name"] = record.name;
  out["numbers"] = { ...record.numbers };
  out["comments"] = [...record.comments];
  return out;
}

/** Splits validated public fields back into the record's `name`, `numbers`, `comments`, `public`. */
export function splitPublicFields(fields: Readonly<JsonObject>): {
  name: string;
  numbers: JsonObject;
  comments: JsonObject[];
  public: JsonObject;
} {
  const rest: JsonObject = {};
  for (const [key, value] of Object.entries(fields)) {
    if (key !== "name" && key !== "numbers" && key !== "comments") setOwn(rest, key, value);
  }
  const numbers = fields["numbers"];
  const comments = fields["comments"];
  return {
    name: typeof fields["name"] === "string" ? fields["name"] : "",
    numbers: isJsonObject(numbers) ? numbers : {},
    comments: Array.isArray(comments) ? comments.filter(isJsonObject) : [],
    public: rest,
  };
}

/** A comment is private when `is_private` (or the legacy `superduper_comment`) is true (§4.4). */
export function isPrivateComment(comment: Readonly<JsonObject>): boolean {
  return comment["is_private"] === true || comment["superduper_comment"] === true;
}

/** Attachment metadata as the API shows it: `{name: {content_type, length}}`. */
export function attachmentsView(record: PortRequestRecord): JsonObject {
  const out: JsonObject = {};
  for (const [name, a] of Object.entries(record.attachments)) {
    setOwn(out, name, { content_type: a.contentType, length: a.length });
  }
  return out;
}

/** The sorted E.164 numbers of a map. */
export const sortedNumbers = (numbers: Readonly<JsonObject>): string[] =>
  Object.keys(numbers).sort();

/**
 * The API view of a request (§5.1): public fields, `id`, `created`, `updated`, `uploads`,
 * `port_state`, `sent` and `_read_only`; `comments` as given (the caller filters them).
 */
export function portRequestView(
  record: PortRequestRecord,
  comments: readonly JsonObject[],
): JsonObject {
  const readOnly: JsonObject = { account_id: record.account };
  if (record.accountName !== undefined) readOnly["account_name"] = record.accountName;
  readOnly["port_authority"] = record.portAuthority;
  if (record.portAuthorityName !== undefined)
    readOnly["port_authority_name"] = record.portAuthorityName;
  if (record.portedNumbers !== undefined) readOnly["ported_numbers"] = { ...record.portedNumbers };
  const view: JsonObject = {};
  for (const [key, value] of Object.entries(record.public)) setOwn(view, key, value);
  Object.assign(view, {
    id: record.id,
    name: record.name,
    numbers: { ...record.numbers },
    port_state: record.state,
    sent: false,
    created: record.created,
    updated: record.modified,
    uploads: attachmentsView(record),
    comments: [...comments],
    _read_only: readOnly,
  });
  return view;
}

/** The stored request in the conformance `inspect_port_request` shape (port-requests.md §13). */
export function toPortDocument(record: PortRequestRecord): JsonObject {
  const doc: JsonObject = {
    id: record.id,
    account_id: record.account,
    state: record.state,
    name: record.name,
    numbers: { ...record.numbers },
    port_authority: record.portAuthority,
    transitions: [...record.transitions],
    comments: [...record.comments],
    attachments: attachmentsView(record),
    public: { ...record.public },
    created: record.created,
    modified: record.modified,
  };
  if (record.portedNumbers !== undefined) doc["ported_numbers"] = { ...record.portedNumbers };
  return doc;
}
