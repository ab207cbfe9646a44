import { redactUrl } from "../adapters/postgres/connect.js";

/** Where a command keeps its numbers: the value of `--store` or `NUMBERS_STORE`. */
export type StoreSpec =
  | { readonly kind: "memory" }
  | { readonly kind: "sqlite"; readonly path: string }
  | { readonly kind: "postgres"; readonly url: string };

/** The store used when neither `--store` nor `NUMBERS_STORE` names one. */
export const DEFAULT_STORE = "sqlite:./data/numbers.db";

/**
 * Reads a store value: `memory`, `sqlite:PATH` (a file path or `:memory:`) or a
 * `postgres://` / `postgresql://` URL. Returns an error message for anything else.
 */
export function parseStoreSpec(value: string): StoreSpec | { readonly error: string } {
  if (value === "memory") return { kind: "memory" };
  if (value.startsWith("sqlite:")) {
    const path = value.slice("sqlite:".length);
    return path === ""
      ? { error: "sqlite: needs a path, e.g. sqlite:./data/numbers.db" }
      : { kind: "sqlite", path };
  }
  if (/^postgres(ql)?:\/\//.test(value)) return { kind: "postgres", url: value };
  return { error: `unknown store "${value}": use memory, sqlite:PATH or postgres://…` };
}

/** The store a command uses: the `--store` value, else `NUMBERS_STORE`, else the default. */
export function chooseStore(
  option: string | undefined,
  env: Readonly<Record<string, string | undefined>> = process.env,
): StoreSpec | { readonly error: string } {
  return parseStoreSpec(option ?? env["NUMBERS_STORE"] ?? DEFAULT_STORE);
}

/** How a store reads in messages: `memory`, `sqlite:./data/numbers.db` or its URL without its password. */
export function storeName(spec: StoreSpec): string {
  return spec.kind === "memory"
    ? "memory"
    : spec.kind === "sqlite"
      ? `sqlite:${spec.path}`
      : redactUrl(spec.url);
}

/**
 * The connection URL and schema of a PostgreSQL store value: a `schema=NAME` query parameter
 * names the schema holding the tables (default `public`) and is not passed to the driver.
 */
export function postgresTarget(url: string): { readonly url: string; readonly schema: string } {
  const [base = url, query] = url.split(/\?(.*)/s, 2);
  if (query === undefined) return { url, schema: "public" };
  let schema = "public";
  const kept = query.split("&").filter((pair) => {
    if (!pair.startsWith("schema=")) return true;
    schema = decodeURIComponent(pair.slice("schema=".length)) || "public";
    return false;
  });
  return { url: kept.length === 0 ? base : `${base}?${kept.join("&")}`, schema };
}
