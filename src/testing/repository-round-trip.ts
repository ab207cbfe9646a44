import assert from "node:assert/strict";
import type { JsonObject } from "../domain/json.js";
import type { NumberRecord } from "../domain/record.js";
import type { NumberRepository } from "../ports/repository.js";
import type { CaseDefinition } from "./contract-case.js";
import { aRecord, putRecord } from "./repository-fixtures.js";
import type { RepositoryFactory } from "./repository-writes.js";

/** The round-trip cases of the repository contract. */
export type RepositoryRoundTripCase = "roundTrip";

const T0 = 63_640_000_000;

/** JSON whose keys include `__proto__`, `constructor` and an empty key: data, never prototypes. */
const trickyKeys = (): JsonObject =>
  JSON.parse(
    '{"__proto__": {"polluted": true}, "constructor": {"prototype": 1}, "": "empty key", "toString": "x"}',
  ) as JsonObject;

/** A public document of about 500 KB, with nesting and every JSON type. */
function bigDocument(): JsonObject {
  const rows = Array.from({ length: 2_000 }, (_, i) => ({
    i,
    text: `row ${i} ${"Zürich ☎ 📞 ".repeat(18)}`,
    flags: [true, false, null, i / 7],
  }));
  return { rows, nested: { deep: { deeper: { deepest: {} } } } };
}

/** Records that together set every field of NumberRecord, with values lossy storage mangles. */
function roundTripRecords(): NumberRecord[] {
  return [
    aRecord("+14155550100", {
      state: "reserved",
      assignedTo: "acme 東京 👩‍💻",
      prevAssignedTo: "prev-owner",
      reserveHistory: ["acme 東京 👩‍💻", "prev-owner", ""],
      usedBy: "callflow",
      features: { cnam: { inbound_lookup: true }, local: {}, trap: trickyKeys() },
      carrier: "simulated",
      carrierData: { order: { id: 9_007_199_254_740_991, price: -0.125, tags: [] }, empty: {} },
      portedIn: true,
      holdExpires: T0 + 600,
      pendingOrder: {
        op: "acquire",
        event: "reserve",
        operation: "reserve",
        requester: "acme",
        target: "acme",
        since: T0 - 5,
      },
      public: {
        cnam: { display_name: "Café 東京 🎉", note: 'line\nbreak\ttab "quote" \\ \u0000 nul' },
        emoji: "👨‍👩‍👧‍👦🏳️‍🌈",
        empty: {},
        emptyList: [],
        ...trickyKeys(),
      },
      created: T0 - 100,
      modified: T0,
    }),
    aRecord("+14155550101", { state: "in_service", assignedTo: "acme", public: bigDocument() }),
    aRecord("+14155550102", { state: "available" }),
  ];
}

async function assertReadsBack(
  repository: NumberRepository,
  records: readonly NumberRecord[],
  what: string,
): Promise<void> {
  for (const record of records) {
    const stored = await repository.get(record.number);
    assert.deepEqual(stored?.record, record, `${what}: get(${record.number})`);
    assert.equal(
      Object.getPrototypeOf(stored.record.public),
      Object.prototype,
      `${what}: a __proto__ key of ${record.number} changed its public object's prototype`,
    );
  }
  const many = await repository.getMany(records.map((r) => r.number));
  for (const record of records)
    assert.deepEqual(many.get(record.number)?.record, record, `${what}: getMany`);
  for (const record of records) {
    const listed = [
      ...(record.assignedTo === undefined ? [] : await repository.listByOwner(record.assignedTo)),
      ...(await repository.listByState(record.state)),
      ...(await repository.scanPrefix(record.number.slice(0, 5), record.state)),
    ].filter((r) => r.number === record.number);
    const expected = record.assignedTo === undefined ? 2 : 3;
    assert.equal(listed.length, expected, `${what}: ${record.number} in every list`);
    for (const r of listed) assert.deepEqual(r, record, `${what}: ${record.number} as listed`);
  }
}

/** Cases on records read back exactly as written, whatever their fields hold. */
export function repositoryRoundTripCases(
  make: RepositoryFactory,
): CaseDefinition<RepositoryRoundTripCase>[] {
  return [
    {
      id: "roundTrip",
      name: "every record field reads back as written: unicode and emoji, a 500 KB public document, empty objects, __proto__ keys as data",
      run: async () => {
        const repository = await make();
        const records = roundTripRecords();
        const revisions = [];
        for (const record of records) revisions.push(await putRecord(repository, record, null));
        await assertReadsBack(repository, records, "after create");
        const updated = records.map((record) => ({
          ...record,
          public: { ...trickyKeys(), replaced: "🙂" },
          features: {},
          modified: record.modified + 1,
        }));
        for (const [i, record] of updated.entries())
          await putRecord(repository, record, revisions[i] ?? null);
        await assertReadsBack(repository, updated, "after update");
        assert.equal(({} as { polluted?: boolean }).polluted, undefined, "Object.prototype");
      },
    },
  ];
}
