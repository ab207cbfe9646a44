/** Starts the sandbox API server (implemented with the HTTP layer). */
export function serve(_args: readonly string[]): Promise<number | undefined> {
  return Promise.reject(new Error("the sandbox server is not built yet"));
}
