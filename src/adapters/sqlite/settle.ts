/** Runs synchronous driver work as a promise: a throw becomes a rejection. */
export function settle<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return refused(error);
  }
}

/** A driver failure as a rejected promise (for ports that answer synchronously on success). */
export function refused(error: unknown): Promise<never> {
  return Promise.reject(error instanceof Error ? error : new Error(String(error)));
}
