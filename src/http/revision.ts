import * as crypto from "node:crypto";

/** One-shot SHA-1 (Node 20.12+), else through a hash object. */
const sha1Hex: (text: string) => string =
  typeof crypto.hash === "function"
    ? (text) => crypto.hash("sha1", text)
    : (text) => crypto.createHash("sha1").update(text).digest("hex");

/** Objects with more keys than this are fed to the hash member by member (see {@link dataRevision}). */
const SPLIT_KEYS = 64;

type Plain = Record<string, unknown>;

/** A plain object (no `toJSON`) that `JSON.stringify` would write member by member. */
function isPlainObject(value: unknown): value is Plain {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return (
    (proto === Object.prototype || proto === null) &&
    typeof (value as { toJSON?: unknown }).toJSON !== "function"
  );
}

const isLarge = (value: unknown): value is Plain =>
  isPlainObject(value) && Object.keys(value).length > SPLIT_KEYS;

/**
 * Feeds the JSON text of the plain object `value` to `hash`: the same text as
 * `JSON.stringify(value)`, written member by member, each member's key and value stringified
 * alone (a large member again member by member when `descend`), members whose value has no
 * JSON form left out.
 */
function feed(hash: crypto.Hash, value: Plain, descend: boolean): void {
  let separator = "{";
  for (const key of Object.keys(value)) {
    const member = value[key];
    if (descend && isLarge(member)) {
      hash.update(`${separator}${JSON.stringify(key)}:`);
      feed(hash, member, false);
    } else {
      const text = JSON.stringify(member) as string | undefined;
      if (text === undefined) continue;
      hash.update(`${separator}${JSON.stringify(key)}:${text}`);
    }
    separator = ",";
  }
  hash.update(separator === "{" ? "{}" : "}");
}

/**
 * The `revision` of an answer (errors.md §2): derived from the answered data alone, so the same
 * data always has the same revision; the first 32 hex digits of the SHA-1 of its JSON.
 *
 * A small answer is stringified and hashed in one shot (`crypto.hash` costs half of a hash
 * object set up per reply). A large one (a collection's 1000 public views) is fed to a hash
 * object member by member: `JSON.stringify` returns a large text as a rope of pieces, and
 * handing it to the hash first copies it flat, which cost more than the stringify itself; the
 * members' small texts go to the hash as they are. Both give the SHA-1 of the same bytes.
 */
export function dataRevision(data: unknown): string {
  const large = isLarge(data);
  if (!large && !(isPlainObject(data) && Object.values(data).some(isLarge)))
    return sha1Hex(JSON.stringify(data) ?? "").slice(0, 32);
  const hash = crypto.createHash("sha1");
  feed(hash, data, !large);
  return hash.digest("hex").slice(0, 32);
}
