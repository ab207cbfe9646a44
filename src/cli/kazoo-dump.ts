/** The dump format of CouchDB numbers databases: reading `import` files and writing `export`. */
import { isJsonObject, type JsonValue } from "../domain/json.js";
import { kazooDocument } from "../domain/kazoo-document.js";
import type { NumberRecord } from "../domain/record.js";
import type { ImportEntry, ImportSource } from "../engine/kazoo-import.js";

/** The `_id` of a document, or undefined. */
function idOf(doc: JsonValue | undefined): string | undefined {
  return isJsonObject(doc) && typeof doc["_id"] === "string" && doc["_id"] !== ""
    ? doc["_id"]
    : undefined;
}

/** An `_all_docs` row (`{id, key, value, doc}`) or a bare document, as an entry. */
function entryOf(item: JsonValue, place: string): ImportEntry {
  if (isJsonObject(item) && !Object.hasOwn(item, "_id") && Object.hasOwn(item, "key")) {
    const id = typeof item["id"] === "string" ? item["id"] : place;
    const doc = item["doc"];
    if (doc === undefined) {
      return { where: id, problem: "a row without its document (dump it with include_docs=true)" };
    }
    if (doc === null) return { where: id, problem: "a row whose document is deleted" };
    return { where: idOf(doc) ?? id, doc };
  }
  return { where: idOf(item) ?? place, doc: item };
}

/** Parses a line, undefined when it is not JSON. */
function parseLine(line: string): JsonValue | undefined {
  try {
    return JSON.parse(line) as JsonValue;
  } catch {
    return undefined;
  }
}

/** The opening (`{"total_rows":3,"offset":0,"rows":[`) or closing (`]}`) line of an `_all_docs` file. */
const isEnvelopeLine = (line: string): boolean =>
  (line.startsWith("{") && line.endsWith('"rows":[')) || (line.startsWith("]") && line.length < 64);

/** The entries of a one-document-per-line dump, each line parsed when it is reached; CouchDB's own `_all_docs` lines (rows ending in `,`, the opening and closing lines) read too. */
function fromLines(text: string): ImportSource {
  const lines = text.split("\n");
  const kept = (raw: string): string | undefined => {
    const line = raw.trim().replace(/,$/, "");
    return line === "" || isEnvelopeLine(line) ? undefined : line;
  };
  const total = lines.reduce((count, raw) => count + (kept(raw) === undefined ? 0 : 1), 0);
  function* entries(): Generator<ImportEntry> {
    for (const [i, raw] of lines.entries()) {
      const line = kept(raw);
      if (line === undefined) continue;
      const item = parseLine(line);
      yield item === undefined
        ? { where: `line ${i + 1}`, problem: "not JSON" }
        : entryOf(item, `line ${i + 1}`);
    }
  }
  return { total, entries: entries() };
}

/** The entries of a JSON list, each made when it is reached. */
function fromList(items: readonly JsonValue[], place: string): ImportSource {
  function* entries(): Generator<ImportEntry> {
    for (const [i, item] of items.entries()) yield entryOf(item, `${place} ${i + 1}`);
  }
  return { total: items.length, entries: entries() };
}

/**
 * Reads a dump of a numbers database: an `_all_docs?include_docs=true` JSON (`{"rows": [...]}`),
 * a JSON list of documents, one document, or one document (or row) per line. Never throws: a
 * part that is not a document becomes an entry with a problem.
 */
export function readDump(text: string): ImportSource {
  const whole = parseLine(text);
  if (isJsonObject(whole) && Array.isArray(whole["rows"])) return fromList(whole["rows"], "row");
  if (isJsonObject(whole) && Array.isArray(whole["docs"])) {
    return fromList(whole["docs"], "document");
  }
  if (Array.isArray(whole)) return fromList(whole, "document");
  if (isJsonObject(whole)) return fromList([whole], "document");
  return fromLines(text);
}

/**
 * Writes records as one `_all_docs?include_docs=true` JSON, a row per line, in the order given
 * (`total_rows` comes last, once counted); resolves to the number of rows written.
 */
export async function writeDump(
  records: AsyncIterable<NumberRecord>,
  write: (text: string) => Promise<void> | void,
): Promise<number> {
  await write('{"offset":0,"rows":[');
  let rows = 0;
  for await (const record of records) {
    const row = { id: record.number, key: record.number, value: {}, doc: kazooDocument(record) };
    await write(`${rows === 0 ? "" : ","}\n${JSON.stringify(row)}`);
    rows += 1;
  }
  await write(`\n],"total_rows":${rows}}\n`);
  return rows;
}
