/** Runs conformance scenarios (implemented with the runner). */
export function conformance(_args: readonly string[]): Promise<number | undefined> {
  return Promise.reject(new Error("the conformance runner is not built yet"));
}
