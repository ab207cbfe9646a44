import * as crypto from "node:crypto";

/** One-shot SHA-1 (Node 20.12+), else through a hash object. */
const sha1Hex: (text: string) => string =
  typeof crypto.hash === "function"
    ? (text) => crypto.hash("sha1", text)
    : (text) => crypto.createHash("sha1").update(text).digest("hex");

/**
 * The `revision` of an answer (errors.md §2): derived from the answered data alone, so the same
 * data always has the same revision; the first 32 hex digits of the SHA-1 of its JSON. The
 * one-shot `crypto.hash` costs half of setting up a hash object per reply (which showed in the
 * handler's profile); native SHA-1 also beats any hash written in JavaScript on long replies.
 */
export function dataRevision(data: unknown): string {
  return sha1Hex(JSON.stringify(data) ?? "").slice(0, 32);
}
