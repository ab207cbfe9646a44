import { expect } from "vitest";
import type { NumberError, Result } from "../../src/domain/errors.js";

/** Asserts a failed result and returns its error. */
export function failure<T>(result: Result<T>): NumberError {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result.error;
}

/** Asserts a successful result and returns its value. */
export function success<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected a success, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/** Asserts an invalid_state_transition failure with Kazoo's `from <from> to <to>` cause. */
export function expectInvalidTransition<T>(result: Result<T>, from: string, to: string): void {
  expect(failure(result)).toEqual({
    reason: "invalid_state_transition",
    cause: `from ${from} to ${to}`,
  });
}
