import { makeRecord, type NumberRecord, type RecordInit } from "../../src/domain/record.js";

/** Test clock reading used by record builders (Gregorian seconds). */
export const NOW = 63_640_000_000;

/** A record builder: `aNumber({ number: "+14155550100", state: "reserved", assignedTo: "acme" })`. */
export function aNumber(init: Omit<RecordInit, "now"> & { now?: number }): NumberRecord {
  return makeRecord({ now: NOW, ...init });
}
