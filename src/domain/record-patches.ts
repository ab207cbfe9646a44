import type { RecordPatch } from "./events.js";
import { isJsonObject, jsonEqual, type JsonObject, type JsonValue } from "./json.js";
import { toDocument, type NumberRecord } from "./record.js";

/** Appends the patches that turn object `from` into object `to`, descending into nested objects. */
function diffObjects(
  from: Readonly<JsonObject>,
  to: Readonly<JsonObject>,
  path: readonly (string | number)[],
  out: RecordPatch[],
): void {
  for (const key of Object.keys(from)) {
    if (!Object.hasOwn(to, key)) out.push({ op: "remove", path: [...path, key] });
  }
  for (const [key, value] of Object.entries(to)) {
    if (!Object.hasOwn(from, key)) {
      out.push({ op: "add", path: [...path, key], value });
      continue;
    }
    const before = from[key] as JsonValue;
    if (isJsonObject(before) && isJsonObject(value))
      diffObjects(before, value, [...path, key], out);
    else if (!jsonEqual(before, value)) out.push({ op: "replace", path: [...path, key], value });
  }
}

/**
 * The change from one record to the next as patches on their stored documents (`toDocument`),
 * in immer's patch format: applying them (immer's `applyPatches`) to the document before gives
 * the document after. Patches are field-level: a changed nested object (`public`, `features`)
 * is described key by key; a changed array or scalar is replaced whole. A record that appears
 * or disappears is one root replacement (to the document, or to null).
 */
export function recordPatches(
  before: NumberRecord | undefined,
  after: NumberRecord | undefined,
): RecordPatch[] {
  if (before === undefined || after === undefined) {
    return before === after
      ? []
      : [{ op: "replace", path: [], value: after === undefined ? null : toDocument(after) }];
  }
  const patches: RecordPatch[] = [];
  diffObjects(toDocument(before), toDocument(after), [], patches);
  return patches;
}
