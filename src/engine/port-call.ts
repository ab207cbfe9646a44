import { NumberLifecycleError, type NumberError } from "../domain/errors.js";

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

/**
 * Calls a port with a deadline. A throw, a rejection or a missed deadline (reported as
 * "fault by carrier") becomes a failed outcome; a thrown NumberLifecycleError keeps its
 * catalogue entry.
 */
export async function callPort<T>(
  timeoutMs: number,
  call: () => Promise<T>,
): Promise<PortOutcome<T>> {
  let timer: NodeJS.Timeout | undefined;
  const missed = new Error(FAULT_MESSAGE);
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(missed), timeoutMs);
  });
  try {
    return { ok: true, value: await Promise.race([call(), deadline]) };
  } catch (thrown) {
    if (thrown === missed) return { ok: false, message: FAULT_MESSAGE, timedOut: true };
    if (thrown instanceof NumberLifecycleError) {
      return { ok: false, error: thrown.detail, message: thrown.message };
    }
    const message = thrown instanceof Error && thrown.message ? thrown.message : FAULT_MESSAGE;
    return { ok: false, message };
  } finally {
    clearTimeout(timer);
  }
}
