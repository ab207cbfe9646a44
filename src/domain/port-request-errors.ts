import type { JsonObject } from "./json.js";

/** Why a port request operation failed; the HTTP layer maps each kind to its answer. */
export type PortFailure =
  /** 400 `validation error` with Kazoo's field map (§2.4, §8.2, P2). */
  | { readonly kind: "validation"; readonly data: JsonObject }
  /** 404 `bad_identifier`: no such request through this account (P3), or no such attachment. */
  | { readonly kind: "bad_identifier" }
  /** 403 `forbidden`. */
  | { readonly kind: "forbidden"; readonly data: JsonObject }
  /** 405 `invalid_method`: DELETE outside the deletable states (§5.6). */
  | { readonly kind: "not_deletable" }
  /** 400 `client error`: completion failed for these numbers (P8). */
  | { readonly kind: "completion_failed"; readonly data: JsonObject }
  /** 415: attachment of another type (P14). */
  | { readonly kind: "unsupported_media" }
  /** 413: attachment over `port_attachment_max_bytes` (P14). */
  | { readonly kind: "too_large" }
  /** 500: the store failed. */
  | { readonly kind: "database_error"; readonly cause: string };

/** The result of a port request operation. */
export type PortResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: PortFailure };

/** A failed port request result. */
export const portFail = <T = never>(error: PortFailure): PortResult<T> => ({ ok: false, error });

/** A successful port request result. */
export const portOk = <T>(value: T): PortResult<T> => ({ ok: true, value });

/** A validation failure with one field entry `{field: {rule: detail}}`. */
export const invalid = (field: string, rule: string, detail: JsonObject): PortFailure => ({
  kind: "validation",
  data: { [field]: { [rule]: detail } },
});

/** The "Field is required but missing" entry of a schema. */
export const REQUIRED = { message: "Field is required but missing" } as const;

/** A 403 with Kazoo's bare forbidden data. */
export const FORBIDDEN: PortFailure = { kind: "forbidden", data: { message: "forbidden" } };
