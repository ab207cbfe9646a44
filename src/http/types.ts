import type { JsonValue } from "../domain/json.js";

/** A transport-agnostic API request. */
export interface ApiRequest {
  readonly method: string;
  /** The raw path, percent-encoding included (e.g. `/v2/accounts/a/phone_numbers/%2B1415...`). */
  readonly path: string;
  /** Query parameters, already decoded. */
  readonly query?: Readonly<Record<string, string>> | undefined;
  /** Header names in any case (`X-Auth-Token`). */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** The raw body, as text or as the bytes received (judged as UTF-8); absent when there is none. */
  readonly body?: string | Uint8Array | undefined;
  /** The transport stopped reading the body at its limit: the body is larger than what `body` holds. */
  readonly bodyTruncated?: boolean | undefined;
}

/** A transport-agnostic API response. */
export interface ApiResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: JsonValue;
  /** A binary answer (an attachment): sent instead of `body`. */
  readonly bytes?: Uint8Array | undefined;
}

/** Handles one API request in-process. */
export type ApiHandler = (request: ApiRequest) => Promise<ApiResponse>;
