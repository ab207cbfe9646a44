import { expect } from "vitest";
import type { JsonValue } from "../../src/domain/json.js";
import type { ApiResponse } from "../../src/http/types.js";

/**
 * Asserts a success envelope (HTTP 200, no `error`); when given, an object or array `data` must
 * match the response's data (extra keys allowed), any other value must equal it.
 */
export function expectSuccess(
  response: ApiResponse,
  data?: JsonValue,
  token: unknown = expect.any(String),
): void {
  expect(response.status).toBe(200);
  expect(response.body).toMatchObject({
    auth_token: token,
    request_id: expect.any(String),
    revision: expect.any(String),
    status: "success",
  });
  expect(response.body).not.toHaveProperty("error");
  if (data === undefined) return;
  const actual = (response.body as { data: JsonValue }).data;
  if (typeof data === "object" && data !== null) expect(actual).toMatchObject(data);
  else expect(actual).toEqual(data);
}

/** Asserts an error envelope exactly: HTTP status, `error` = status as string, message, data. */
export function expectError(
  response: ApiResponse,
  status: number,
  message: string,
  data: JsonValue,
): void {
  expect(response.status).toBe(status);
  expect(response.body).toEqual({
    auth_token: expect.any(String),
    data,
    error: String(status),
    message,
    request_id: expect.any(String),
    status: "error",
  });
}

/** The API document's "bad identifier" data. */
export const BAD_IDENTIFIER_DATA = {
  message: "bad identifier",
  not_found: "The number could not be found",
};
