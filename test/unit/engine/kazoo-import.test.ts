import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MemoryAccountDirectory } from "../../../src/adapters/memory/memory-accounts.js";
import { MemoryNumberRepository } from "../../../src/adapters/memory/memory-repository.js";
import { readDump, writeDump } from "../../../src/cli/kazoo-dump.js";
import type { JsonObject } from "../../../src/domain/json.js";
import { importDocuments } from "../../../src/engine/kazoo-import.js";
import { allRecords } from "../../../src/engine/scan.js";
import type { CommitBatch, NumberRepository } from "../../../src/ports/repository.js";

const FIXTURE = new URL("../../fixtures/kazoo-numbers.jsonl", import.meta.url);
const NOW = 63_900_000_000;
const ACCOUNTS = new MemoryAccountDirectory([{ id: "acct_a" }, { id: "acct_b" }]);

const fixtureText = (): string => readFileSync(FIXTURE, "utf8");
const importText = (text: string, repository: NumberRepository, chunkSize = 1000) =>
  importDocuments(readDump(text), repository, ACCOUNTS, { now: NOW, chunkSize });

async function exportText(repository: NumberRepository): Promise<string> {
  let text = "";
  await writeDump(allRecords(repository), (chunk) => {
    text += chunk;
  });
  return text;
}

/** The documents of an export, by id. */
function exportedDocs(text: string): Map<string, JsonObject> {
  const dump = JSON.parse(text) as { rows: { id: string; doc: JsonObject }[]; total_rows: number };
  expect(dump.total_rows).toBe(dump.rows.length);
  return new Map(dump.rows.map((row) => [row.id, row.doc]));
}

/** Keys of the fixture the engine does not keep: the export leaves them out. */
const DROPPED = ["_rev", "pvt_authorizing_account", "pvt_features_available", "pvt_region"];

/** Values an exported document always has, when the source document lacked them. */
const DEFAULTS: JsonObject = {
  pvt_type: "number",
  pvt_features: {},
  pvt_reserve_history: [],
  pvt_ported_in: false,
  pvt_module_name: "knm_local",
  pvt_created: NOW,
  pvt_modified: NOW,
};

/** What the export must hold for a fixture document: legacy forms in their current spelling. */
function expectedExport(original: JsonObject): JsonObject {
  const { pvt_number_state: legacyState, ...rest } = original;
  const expected: JsonObject = { ...DEFAULTS, ...rest };
  for (const key of DROPPED) delete expected[key];
  if (legacyState !== undefined) expected["pvt_state"] = legacyState;
  const module = expected["pvt_module_name"];
  if (typeof module === "string") expected["pvt_module_name"] = module.replace(/^wnm_/, "knm_");
  const features = expected["pvt_features"];
  if (Array.isArray(features)) {
    expected["pvt_features"] = Object.fromEntries(features.map((name) => [name as string, {}]));
  }
  const history = expected["pvt_reserve_history"];
  if (Array.isArray(history)) {
    expected["pvt_reserve_history"] = history.filter((id, i) => id !== history[i - 1]);
  }
  const number = (expected["_id"] as string).replace(/^(?!\+)/, "+1");
  expected["_id"] = number;
  expected["pvt_db_name"] = encodeURIComponent(`numbers/${number.slice(0, 5)}`);
  return expected;
}

describe("importing a dump of Kazoo number documents", () => {
  it("imports every legacy form, skips each broken document with its reason, counts design documents apart", async () => {
    const repository = new MemoryNumberRepository();

    const report = await importText(fixtureText(), repository);

    expect(report).toEqual({
      read: 22,
      created: 8,
      updated: 0,
      unchanged: 0,
      designDocuments: 1,
      byState: {
        discovery: 1,
        available: 1,
        reserved: 1,
        in_service: 2,
        port_in: 1,
        port_out: 0,
        released: 0,
        disconnected: 0,
        aging: 1,
        deleted: 1,
      },
      unknownAccounts: ["acct_gone"],
      skipped: [
        { where: "line 10", reason: "not JSON" },
        { where: "line 11", reason: "not a JSON object" },
        { where: "line 12", reason: "no _id" },
        { where: "hello", reason: "_id hello is not a number that normalizes" },
        { where: "+14155550191", reason: 'unknown state "sold"' },
        { where: "+14155550192", reason: "pvt_reserve_history is not a list" },
        { where: "+14155550193", reason: "pvt_features is neither an object nor a list of names" },
        { where: "+14155550194", reason: "pvt_created is not a number" },
        { where: "+14155550195", reason: "pvt_assigned_to is not a string" },
        { where: "+14155550196", reason: "pvt_ported_in is not true or false" },
        { where: "+14155550101", reason: "a second document for +14155550101" },
        {
          where: "+14155550197",
          reason: "a row without its document (dump it with include_docs=true)",
        },
        { where: "+14155550198", reason: 'pvt_type is "port_request", not "number"' },
      ],
    });
  });

  it("exports what it imported, field by field: legacy forms in their current spelling, unkept keys dropped", async () => {
    const repository = new MemoryNumberRepository();
    await importText(fixtureText(), repository);

    const docs = exportedDocs(await exportText(repository));

    const source = fixtureText()
      .split("\n")
      .slice(1, 9)
      .map((line) => JSON.parse(line) as JsonObject);
    expect([...docs.keys()]).toEqual([
      "+14155550101",
      "+14155550102",
      "+14155550103",
      "+14155550104",
      "+14155550105",
      "+14155550106",
      "+14155550107",
      "+442071838750",
    ]);
    for (const original of source) {
      const expected = expectedExport(original);
      const id = expected["_id"] as string;
      const exported = docs.get(id) ?? {};
      for (const key of new Set([...Object.keys(expected), ...Object.keys(exported)])) {
        expect({ id, key, value: exported[key] }).toEqual({ id, key, value: expected[key] });
      }
    }
  });

  it("is idempotent: a second run changes nothing and says every number was unchanged", async () => {
    const repository = new MemoryNumberRepository();
    await importText(fixtureText(), repository);
    const before = await exportText(repository);
    const revisions = await repository.getMany(["+14155550101", "+14155550103"]);

    const again = await importText(fixtureText(), repository);

    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 8 });
    expect(again.skipped).toHaveLength(13);
    expect(await exportText(repository)).toBe(before);
    expect(await repository.getMany(["+14155550101", "+14155550103"])).toEqual(revisions);
  });

  it("export → import → export changes nothing, whichever form the dump has", async () => {
    const first = new MemoryNumberRepository();
    await importText(fixtureText(), first);
    const exported = await exportText(first);
    const second = new MemoryNumberRepository();
    const third = new MemoryNumberRepository();

    const fromJson = await importText(exported, second);
    const asLines = exported
      .split("\n")
      .filter((line) => line.startsWith('{"id"'))
      .map((line) => line.replace(/,$/, ""))
      .join("\n");
    await importText(asLines, third);

    expect(fromJson).toMatchObject({ created: 8, skipped: [] });
    expect(await exportText(second)).toBe(exported);
    expect(await exportText(third)).toBe(exported);
  });

  it("updates a stored record that differs from the dump, and keeps stored times for a document without them", async () => {
    const repository = new MemoryNumberRepository();
    await importText(fixtureText(), repository);
    const edited = fixtureText()
      .replace('"my_own_field":{"colour":"blue"}', '"my_own_field":{"colour":"red"}')
      .replace(
        '{"_id":"+14155550103","pvt_state":"available"}',
        '{"_id":"+14155550103","pvt_state":"available","note":"x"}',
      );

    const report = await importDocuments(readDump(edited), repository, ACCOUNTS, { now: NOW + 50 });

    expect(report).toMatchObject({ created: 0, updated: 2, unchanged: 6 });
    const stored = await repository.get("+14155550103");
    expect(stored?.record).toMatchObject({ created: NOW, modified: NOW, public: { note: "x" } });
  });

  it("writes each chunk all or nothing: a failing store keeps the chunks before and nothing of the failed one", async () => {
    const repository = new MemoryNumberRepository();
    let commits = 0;
    const failingSecond: NumberRepository = Object.assign(Object.create(repository) as object, {
      commit: (batch: CommitBatch) => {
        commits += 1;
        return commits === 2 ? Promise.reject(new Error("disk full")) : repository.commit(batch);
      },
      getMany: (numbers: readonly string[]) => repository.getMany(numbers),
    }) as NumberRepository;

    await expect(importText(fixtureText(), failingSecond, 5)).rejects.toThrow("disk full");

    const kept = await exportText(repository);
    expect([...exportedDocs(kept).keys()]).toEqual([
      "+14155550101",
      "+14155550102",
      "+14155550103",
      "+14155550104",
    ]);
  });
});
