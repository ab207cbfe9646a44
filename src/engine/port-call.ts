import { NumberLifecycleError, type NumberError } from "../domain/errors.js";
import type { Awaitable } from "../ports/awaitable.js";

/** The message of a port failure that says nothing better (errors.md §1 `by_carrier`). */
const FAULT_MESSAGE = "fault by carrier";

/** The outcome of a call to a port: its value, or the failure as a catalogue error or a text. */
export type PortOutcome<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly error?: NumberError;
      readonly message: string;
      /** True when the call missed its deadline: it may still complete on the other side. */
      readonly timedOut?: boolean;
    };

/** What a race against an already-settled promise yields when the call has not answered yet. */
const NOT_YET: unique symbol = Symbol("not yet");
const notYet: Promise<typeof NOT_YET> = Promise.resolve(NOT_YET);

/** What a call that missed its deadline is rejected with: made once, caught in callPort, never seen outside. */
const MISSED = new Error(FAULT_MESSAGE);

/** `pending`, or a rejection with MISSED after `timeoutMs`. */
async function withDeadline<T>(pending: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(MISSED), timeoutMs);
  });
  try {
    return await Promise.race([pending, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** The failed outcome of a call that threw or rejected with `thrown`. */
function failureOf(thrown: unknown): PortOutcome<never> {
  if (thrown === MISSED) return { ok: false, message: FAULT_MESSAGE, timedOut: true };
  if (thrown instanceof NumberLifecycleError) {
    return { ok: false, error: thrown.detail, message: thrown.message };
  }
  const message = thrown instanceof Error && thrown.message ? thrown.message : FAULT_MESSAGE;
  return { ok: false, message };
}

/** The outcome of a call that answered with a promise, taken at once when it has settled. */
async function settle<T>(pending: Promise<T>, timeoutMs: number): Promise<PortOutcome<T>> {
  try {
    const first = await Promise.race([pending, notYet]);
    const value = first === NOT_YET ? await withDeadline(pending, timeoutMs) : first;
    return { ok: true, value };
  } catch (thrown) {
    return failureOf(thrown);
  }
}

/**
 * Calls a port with a deadline. A throw, a rejection or a missed deadline (reported as
 * "fault by carrier") becomes a failed outcome; a thrown NumberLifecycleError keeps its
 * catalogue entry. A port that answers with a value is answered synchronously; a promise
 * that has settled by the time the call returns (an in-process port) is taken as it is,
 * without arming a timer.
 */
export function callPort<T>(
  timeoutMs: number,
  call: () => Awaitable<T>,
): Awaitable<PortOutcome<T>> {
  try {
    const answer = call();
    return answer instanceof Promise ? settle(answer, timeoutMs) : { ok: true, value: answer };
  } catch (thrown) {
    return failureOf(thrown);
  }
}
