import { describe, expect, it } from "vitest";
import {
  makeRecord,
  mergePatch,
  publicFieldsOf,
  publicView,
  recordFingerprint,
} from "../../../src/domain/record.js";

const NOW = 63_627_848_989;

describe("the record (record.md)", () => {
  it("record.md §4: the view of a reserved local number with a user field matches the document's example", () => {
    const record = makeRecord({
      number: "+14155558920",
      state: "reserved",
      now: NOW,
      assignedTo: "acme",
      public: { my_own_field: {} },
      features: { local: {} },
    });

    expect(publicView(record)).toEqual({
      _read_only: { created: NOW, features: ["local"], modified: NOW, state: "reserved" },
      features: ["local"],
      id: "+14155558920",
      state: "reserved",
      my_own_field: {},
    });
  });

  it("record.md §8 note 3: root state, used_by and features shadow public fields of the same name", () => {
    const record = makeRecord({
      number: "+14155558920",
      state: "in_service",
      now: NOW,
      usedBy: "callflow",
      public: { state: "mine", used_by: "me", features: "none" },
    });

    expect(publicView(record)).toMatchObject({
      state: "in_service",
      used_by: "callflow",
      features: ["local"],
    });
  });

  it("record.md §3: keys starting with _ or pvt_, and id, are not public fields", () => {
    expect(publicFieldsOf({ _rev: "1", pvt_state: "x", id: "y", cnam: {}, a: 1 })).toEqual({
      cnam: {},
      a: 1,
    });
  });

  it("decisions.md D4: a merge patch removes null keys, merges objects, replaces other values, keeps the rest", () => {
    expect(
      mergePatch(
        { a: 1, b: { c: 1, d: 2 }, e: [1], f: "x" },
        { a: null, b: { d: null, g: 3 }, e: [], h: "" },
      ),
    ).toEqual({
      b: { c: 1, g: 3 },
      e: [],
      f: "x",
      h: "",
    });
  });

  it("decisions.md D4: an object replaces a stored non-object", () => {
    expect(mergePatch({ a: "text" }, { a: { b: 1 } })).toEqual({ a: { b: 1 } });
  });

  it("two records differing in any stored field have different fingerprints", () => {
    const base = makeRecord({
      number: "+14155558920",
      state: "reserved",
      now: NOW,
      reserveHistory: ["a"],
    });

    expect(recordFingerprint(base)).toBe(recordFingerprint({ ...base }));
    expect(recordFingerprint({ ...base, reserveHistory: ["b"] })).not.toBe(recordFingerprint(base));
    expect(recordFingerprint(undefined)).not.toBe(recordFingerprint(base));
  });
});
