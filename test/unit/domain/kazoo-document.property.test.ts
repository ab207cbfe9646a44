import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { JsonObject, JsonValue } from "../../../src/domain/json.js";
import { fromKazooDocument, kazooDocument } from "../../../src/domain/kazoo-document.js";
import { makeRecord, type NumberRecord } from "../../../src/domain/record.js";
import { NUMBER_STATES } from "../../../src/domain/states.js";

const account = fc.constantFrom("acct_a", "acct_b", "acct_c", "4a7e0c2f9d1b8e6a");
const json = fc
  .jsonValue({ maxDepth: 2 })
  .map((value) => JSON.parse(JSON.stringify(value)) as JsonValue);
const jsonObject = (keys: fc.Arbitrary<string>): fc.Arbitrary<JsonObject> =>
  fc.dictionary(keys, json, { maxKeys: 4 });
const publicKey = fc
  .string({ minLength: 1, maxLength: 8 })
  .filter((key) => !key.startsWith("_") && !key.startsWith("pvt_") && key !== "id");
const digits = (length: number) =>
  fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length })
    .map((d) => d.join(""));

/** An E.164 number that normalizes to itself: NANP or international. */
const e164 = fc.oneof(
  fc
    .tuple(fc.integer({ min: 2, max: 9 }), digits(2), fc.integer({ min: 2, max: 9 }), digits(6))
    .map(([a, b, c, d]) => `+1${a}${b}${c}${d}`),
  fc.tuple(fc.integer({ min: 2, max: 9 }), digits(9)).map(([a, b]) => `+${a}${b}`),
);

/** Any record the engine can hold, every optional field sometimes present. */
export const anyRecord: fc.Arbitrary<NumberRecord> = fc
  .record({
    number: e164,
    state: fc.constantFrom(...NUMBER_STATES),
    assignedTo: fc.option(account, { nil: undefined }),
    prevAssignedTo: fc.option(account, { nil: undefined }),
    reserveHistory: fc
      .array(account, { maxLength: 4 })
      .map((ids) => ids.filter((id, i) => id !== ids[i - 1])),
    usedBy: fc.option(fc.constantFrom("callflow", "trunkstore"), { nil: undefined }),
    features: jsonObject(
      fc.constantFrom("local", "cnam", "e911", "failover", "prepend", "locality"),
    ),
    carrier: fc.constantFrom("local", "simulated", "bandwidth2", "other", "knm_odd", "wnm_odd"),
    carrierData: jsonObject(fc.string({ maxLength: 6 })),
    portedIn: fc.boolean(),
    holdExpires: fc.option(fc.nat(), { nil: undefined }),
    pendingOrder: fc.option(
      fc.record(
        {
          op: fc.constantFrom("acquire" as const, "disconnect" as const),
          event: fc.constantFrom("reserve", "activate", "release"),
          operation: fc.constantFrom("reserve" as const, "activate" as const, "release" as const),
          requester: account,
          target: account,
          since: fc.nat(),
        },
        { requiredKeys: ["op", "event", "operation", "requester", "since"] },
      ),
      { nil: undefined },
    ),
    public: jsonObject(publicKey),
    created: fc.nat(),
    modified: fc.nat(),
  })
  .map((init) => makeRecord({ ...init, now: 0 }));

const NOW = { created: 63_000_000_000, modified: 63_000_000_001 };

describe("Kazoo number documents", () => {
  it("property: record → document → record is the identity", () => {
    fc.assert(
      fc.property(anyRecord, (record) => {
        expect(fromKazooDocument(kazooDocument(record), NOW)).toEqual({ ok: true, record });
      }),
    );
  });

  it("property: the document survives JSON text, and reading it again writes it the same", () => {
    fc.assert(
      fc.property(anyRecord, (record) => {
        const doc = JSON.parse(JSON.stringify(kazooDocument(record)));
        const reading = fromKazooDocument(doc, NOW);
        expect(reading.ok && kazooDocument(reading.record)).toEqual(doc);
      }),
    );
  });

  it("property: legacy forms read as the current ones (pvt_number_state, wnm_ modules, features as a list)", () => {
    fc.assert(
      fc.property(anyRecord, fc.constantFrom("cnam", "e911", "local"), (record, feature) => {
        const current: JsonObject = { ...kazooDocument(record), pvt_features: { [feature]: {} } };
        const { pvt_state: state, ...withoutState } = current;
        const legacy = {
          ...withoutState,
          pvt_number_state: state ?? null,
          pvt_module_name: `wnm_${record.carrier}`,
          pvt_features: [feature],
        };
        expect(fromKazooDocument(legacy, NOW)).toEqual(fromKazooDocument(current, NOW));
      }),
    );
  });

  it("takes the fallback times for a document without timestamps, and local without a module", () => {
    const reading = fromKazooDocument({ _id: "+14155550100", pvt_state: "available" }, NOW);

    expect(reading).toEqual({
      ok: true,
      record: makeRecord({
        number: "+14155550100",
        state: "available",
        now: 0,
        created: NOW.created,
        modified: NOW.modified,
      }),
    });
  });

  it.each([
    ["not an object", ["+14155550100"], "not a JSON object"],
    ["no _id", { pvt_state: "available" }, "no _id"],
    [
      "an _id that does not normalize",
      { _id: "hello", pvt_state: "available" },
      "_id hello is not a number that normalizes",
    ],
    ["no state", { _id: "+14155550100" }, "no pvt_state (nor legacy pvt_number_state)"],
    ["an unknown state", { _id: "+14155550100", pvt_state: "sold" }, 'unknown state "sold"'],
    [
      "a reserve history that is not a list",
      { _id: "+14155550100", pvt_state: "reserved", pvt_reserve_history: "acct_a" },
      "pvt_reserve_history is not a list",
    ],
    [
      "features that are neither",
      { _id: "+14155550100", pvt_state: "available", pvt_features: 5 },
      "pvt_features is neither an object nor a list of names",
    ],
    [
      "a timestamp that is not a number",
      { _id: "+14155550100", pvt_state: "available", pvt_created: "yesterday" },
      "pvt_created is not a number",
    ],
    [
      "an owner that is not a string",
      { _id: "+14155550100", pvt_state: "in_service", pvt_assigned_to: 42 },
      "pvt_assigned_to is not a string",
    ],
    [
      "ported_in that is not a boolean",
      { _id: "+14155550100", pvt_state: "port_in", pvt_ported_in: "yes" },
      "pvt_ported_in is not true or false",
    ],
    [
      "another document type",
      { _id: "+14155550100", pvt_type: "port_request", pvt_state: "available" },
      'pvt_type is "port_request", not "number"',
    ],
    ["a deleted document", { _id: "+14155550100", _deleted: true }, "a deleted CouchDB document"],
  ])("refuses %s, saying why", (_label, doc, reason) => {
    expect(fromKazooDocument(doc, NOW)).toEqual({ ok: false, reason });
  });
});
