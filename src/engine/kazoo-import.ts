import type { AccountDirectory } from "../ports/accounts.js";
import { isJsonObject, type JsonValue } from "../domain/json.js";
import { fromKazooDocument, isDesignDocument } from "../domain/kazoo-document.js";
import { sameContent, type NumberRecord } from "../domain/record.js";
import { NUMBER_STATES, type NumberState } from "../domain/states.js";
import {
  RevisionConflictError,
  type NumberRepository,
  type NumberWrite,
} from "../ports/repository.js";

/** One document of a dump, or why the dump had none at that place. */
export interface ImportEntry {
  /** The document's `_id`, or its place in the dump when it has none. */
  readonly where: string;
  readonly doc?: JsonValue;
  /** Set when the entry is not a document (not JSON, a row without its doc, ...). */
  readonly problem?: string;
}

/** The entries of a dump, read as they are consumed, and how many there are. */
export interface ImportSource {
  readonly total: number;
  readonly entries: Iterable<ImportEntry>;
}

/** A document left out, and why. */
export interface SkippedDocument {
  readonly where: string;
  readonly reason: string;
}

/** What an import did. */
export interface ImportReport {
  /** Entries read from the dump, design documents included. */
  readonly read: number;
  readonly created: number;
  readonly updated: number;
  /** Documents whose record was already stored exactly so (a re-run). */
  readonly unchanged: number;
  readonly skipped: readonly SkippedDocument[];
  /** `_design/…` documents: not numbers, left out and counted apart. */
  readonly designDocuments: number;
  /** Imported numbers (created, updated or unchanged) by state. */
  readonly byState: Readonly<Record<NumberState, number>>;
  /** Accounts the imported numbers name (owner, previous owner, reservers) that the directory does not know. */
  readonly unknownAccounts: readonly string[];
}

/** How an import runs. */
export interface ImportOptions {
  /** Documents written per batch (each batch is all-or-nothing); default 1,000. */
  readonly chunkSize?: number;
  /** The time given to documents without `pvt_created` / `pvt_modified`. */
  readonly now: number;
  /** Told after every batch: entries handled so far and in all. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** How often a batch is read and tried again after another writer moved one of its numbers. */
const ATTEMPTS = 3;

type Outcome = "created" | "updated" | "unchanged";

interface Counts {
  created: number;
  updated: number;
  unchanged: number;
  designDocuments: number;
  byState: Record<NumberState, number>;
  skipped: SkippedDocument[];
  accounts: Set<string>;
  seen: Set<string>;
}

/** The documents of a chunk that read as records, each with the place it came from; the rest is skipped. */
function readChunk(entries: readonly ImportEntry[], counts: Counts, now: number): ReadDocument[] {
  const records: ReadDocument[] = [];
  for (const { where, doc, problem } of entries) {
    if (problem !== undefined || doc === undefined) {
      counts.skipped.push({ where, reason: problem ?? "no document" });
      continue;
    }
    if (isDesignDocument(doc)) {
      counts.designDocuments += 1;
      continue;
    }
    const reading = fromKazooDocument(doc, { created: now, modified: now });
    if (!reading.ok) counts.skipped.push({ where, reason: reading.reason });
    else if (counts.seen.has(reading.record.number)) {
      counts.skipped.push({ where, reason: `a second document for ${reading.record.number}` });
    } else {
      counts.seen.add(reading.record.number);
      records.push({ doc, record: reading.record, timed: hasTimes(doc) });
    }
  }
  return records;
}

/** A document read as a record; `timed` when it carried both of its timestamps. */
interface ReadDocument {
  readonly doc: JsonValue;
  readonly record: NumberRecord;
  readonly timed: boolean;
}

const hasTimes = (doc: JsonValue): boolean =>
  isJsonObject(doc) &&
  typeof doc["pvt_created"] === "number" &&
  typeof doc["pvt_modified"] === "number";

/** The record a document stands for next to a stored one: missing timestamps keep the stored ones. */
function recordBeside(read: ReadDocument, existing: NumberRecord | undefined): NumberRecord {
  if (read.timed || existing === undefined) return read.record;
  const reading = fromKazooDocument(read.doc, existing);
  return reading.ok ? reading.record : read.record;
}

/** The writes that make the store hold the chunk's records, with each one's outcome. */
async function planChunk(
  repository: NumberRepository,
  docs: readonly ReadDocument[],
): Promise<{ writes: NumberWrite[]; outcomes: [NumberRecord, Outcome][] }> {
  const stored = await repository.getMany(docs.map((d) => d.record.number));
  const writes: NumberWrite[] = [];
  const outcomes: [NumberRecord, Outcome][] = [];
  for (const read of docs) {
    const { number } = read.record;
    const existing = stored.get(number);
    const record = recordBeside(read, existing?.record);
    if (existing !== undefined && isSame(existing.record, record)) {
      outcomes.push([record, "unchanged"]);
      continue;
    }
    writes.push({ number, record, expected: existing?.revision ?? null, events: [] });
    outcomes.push([record, existing === undefined ? "created" : "updated"]);
  }
  return { writes, outcomes };
}

const isSame = (a: NumberRecord, b: NumberRecord): boolean =>
  sameContent(a, b) && a.modified === b.modified;

/** Writes one chunk all-or-nothing, reading it again when another writer got there first. */
async function writeChunk(
  repository: NumberRepository,
  docs: readonly ReadDocument[],
): Promise<[NumberRecord, Outcome][]> {
  for (let attempt = 1; ; attempt += 1) {
    const { writes, outcomes } = await planChunk(repository, docs);
    try {
      if (writes.length > 0) await repository.commit({ writes });
      return outcomes;
    } catch (error) {
      if (!(error instanceof RevisionConflictError) || attempt >= ATTEMPTS) throw error;
    }
  }
}

/** The entries in runs of `size`, each read only when its run is taken. */
function* chunksOf(entries: Iterable<ImportEntry>, size: number): Generator<ImportEntry[]> {
  let chunk: ImportEntry[] = [];
  for (const entry of entries) {
    chunk.push(entry);
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** The accounts a record names: owner, previous owner and reservers. */
const accountsOf = (record: NumberRecord): string[] => [
  ...(record.assignedTo === undefined ? [] : [record.assignedTo]),
  ...(record.prevAssignedTo === undefined ? [] : [record.prevAssignedTo]),
  ...record.reserveHistory,
];

/**
 * Imports Kazoo number documents into a repository, a chunk per atomic batch: documents that are
 * not numbers are skipped with their reason, design documents counted apart, a number already
 * stored exactly so is left alone (so a re-run writes nothing), and no event is emitted (the
 * imported records are a starting point, not changes). A store failure stops the import after
 * the batches already committed.
 */
export async function importDocuments(
  source: ImportSource,
  repository: NumberRepository,
  accounts: AccountDirectory,
  options: ImportOptions,
): Promise<ImportReport> {
  const chunkSize = options.chunkSize ?? 1000;
  const counts: Counts = {
    created: 0,
    updated: 0,
    unchanged: 0,
    designDocuments: 0,
    byState: Object.fromEntries(NUMBER_STATES.map((s) => [s, 0])) as Record<NumberState, number>,
    skipped: [],
    accounts: new Set(),
    seen: new Set(),
  };
  let done = 0;
  for (const chunk of chunksOf(source.entries, chunkSize)) {
    const docs = readChunk(chunk, counts, options.now);
    for (const [record, outcome] of await writeChunk(repository, docs)) {
      counts[outcome] += 1;
      counts.byState[record.state] += 1;
      for (const id of accountsOf(record)) counts.accounts.add(id);
    }
    done += chunk.length;
    options.onProgress?.(done, source.total);
  }
  const unknownAccounts: string[] = [];
  for (const id of [...counts.accounts].sort()) {
    if ((await accounts.get(id)) === undefined) unknownAccounts.push(id);
  }
  const { created, updated, unchanged, skipped, designDocuments, byState } = counts;
  return {
    read: done,
    created,
    updated,
    unchanged,
    skipped,
    designDocuments,
    byState,
    unknownAccounts,
  };
}
