import type { JsonObject, JsonValue } from "../domain/json.js";

/** What an operation answers, before the envelope is put around it. */
export type Reply =
  | { readonly kind: "success"; readonly data: JsonValue; readonly extra?: JsonObject | undefined }
  | {
      readonly kind: "bytes";
      readonly data: Uint8Array;
      readonly headers: Readonly<Record<string, string>>;
    }
  | {
      readonly kind: "error";
      readonly status: number;
      readonly message: string;
      readonly data: JsonValue;
      readonly headers?: Readonly<Record<string, string>> | undefined;
    };

/** A success reply; `extra` holds top-level envelope keys such as paging. */
export const success = (data: JsonValue, extra?: JsonObject): Reply => ({
  kind: "success",
  data,
  extra,
});

/** An error reply with its HTTP status, envelope message, data and any extra headers. */
export const failure = (
  status: number,
  message: string,
  data: JsonValue,
  headers?: Readonly<Record<string, string>>,
): Reply => ({ kind: "error", status, message, data, headers });

/** Kazoo's "bad identifier" answer (errors.md §2.1). */
export const BAD_IDENTIFIER: Reply = failure(404, "bad_identifier", {
  message: "bad identifier",
  not_found: "The number could not be found",
});

/** 400 `client error` carrying a bare reason or a per-number map. */
export const clientError = (data: JsonValue): Reply => failure(400, "client error", data);

/** 400 `validation error` for one field and rule (errors.md §4), with the rule's target if any. */
export const validationError = (
  field: string,
  rule: string,
  message: string,
  target?: JsonValue,
): Reply =>
  failure(400, "validation error", {
    [field]: { [rule]: target === undefined ? { message } : { message, target } },
  });

/** The answer to anything that went wrong on our side: no details leak. */
export const UNSPECIFIED_FAULT: Reply = failure(500, "unspecified_fault", {
  message: "unspecified fault",
});
