import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/**
 * A package loaded on first use instead of at import: importing this library then costs
 * nothing for a dependency the caller never reaches (libphonenumber-js's metadata, hono,
 * better-sqlite3). Each of these ships a CommonJS entry, which `require` loads synchronously.
 */
export function lazyModule<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(name) as T);
}
