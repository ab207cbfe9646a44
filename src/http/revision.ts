/**
 * The `revision` of an answer (errors.md §2): derived from the answered data alone, so the same
 * data always has the same revision. 128 bits from four FNV-1a lanes over the data's JSON, as
 * 32 hex digits. It names data and guards nothing, so a cryptographic hash (and a hash object
 * set up per reply, which cost 8% of a GET in the handler's profile) buys nothing here.
 */
export function dataRevision(data: unknown): string {
  const text = JSON.stringify(data) ?? "";
  let a = 0x811c9dc5;
  let b = 0x01000193;
  let c = 0x9e3779b9;
  let d = 0x85ebca6b;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x01000193) ^ (a >>> 13);
    c = Math.imul(c ^ code, 0x0100019d) ^ (b >>> 7);
    d = Math.imul(d ^ code, 0x01000197) ^ (c >>> 11);
  }
  return [a, b, c, d].map((lane) => (lane >>> 0).toString(16).padStart(8, "0")).join("");
}
