import type { RecordPatch } from "./events.js";
import { jsonEqual, type JsonObject } from "./json.js";
import { toDocument, type NumberRecord } from "./record.js";

/**
 * The change from one record to the next as patches on their stored documents (`toDocument`),
 * in immer's patch format: applying them to the document before gives the document after. A
 * record that appears or disappears is one root replacement (to the document, or to null).
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
  const from: JsonObject = toDocument(before);
  const to: JsonObject = toDocument(after);
  const patches: RecordPatch[] = [];
  for (const key of Object.keys(from)) {
    if (!Object.hasOwn(to, key)) patches.push({ op: "remove", path: [key] });
  }
  for (const [key, value] of Object.entries(to)) {
    if (!Object.hasOwn(from, key)) patches.push({ op: "add", path: [key], value });
    else if (!jsonEqual(from[key], value)) patches.push({ op: "replace", path: [key], value });
  }
  return patches;
}
