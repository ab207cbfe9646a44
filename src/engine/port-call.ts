import { NumberLifecycleError, type NumberError } from "../domain/errors.js";

/** The outcome of a call to a port: its value, or the failure as a catalogue error or a text. */
export type PortOutcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error?: NumberError; readonly message: string };

/**
 * Calls a port with a deadline. A throw, a rejection or a missed deadline becomes a failed
 * outcome; a thrown NumberLifecycleError keeps its catalogue entry.
 */
export async function callPort<T>(
  timeoutMs: number,
  call: () => Promise<T>,
): Promise<PortOutcome<T>> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timeout")), timeoutMs);
  });
  try {
    return { ok: true, value: await Promise.race([call(), deadline]) };
  } catch (thrown) {
    if (thrown instanceof NumberLifecycleError) {
      return { ok: false, error: thrown.detail, message: thrown.message };
    }
    const message = thrown instanceof Error && thrown.message ? thrown.message : "fault by carrier";
    return { ok: false, message };
  } finally {
    clearTimeout(timer);
  }
}
