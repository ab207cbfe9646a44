import assert from "node:assert/strict";
import type { PortRequestRecord } from "../domain/port-request.js";
import type { PortState } from "../domain/port-states.js";
import type { PortRequestRepository, PortRequestWrite } from "../ports/port-requests.js";
import type { NumberRepository } from "../ports/repository.js";
import { described, failureOf } from "./assertions.js";

/** A store under test: its number repository (whose `commit` writes requests) and its request reads. */
export interface PortRequestStore {
  readonly numbers: NumberRepository;
  readonly requests: PortRequestRepository;
}

/** Makes a fresh, empty store for each case. */
export type PortRequestStoreFactory = () => PortRequestStore | Promise<PortRequestStore>;

export const NOW = 63_640_000_000;
export const A = "+14158867900";
export const B = "+14158867901";

/** A request for the suite, every field set, with non-ASCII JSON to catch lossy storage. */
export function aPortRequest(
  id: string,
  numbers: readonly string[],
  init: Partial<PortRequestRecord> = {},
): PortRequestRecord {
  return {
    id,
    account: "acme",
    accountName: "Acme Café",
    tree: ["root", "reseller"],
    state: "unconfirmed",
    portAuthority: "reseller",
    portAuthorityName: "Reseller 東京",
    name: `Port ${id}`,
    numbers: Object.fromEntries(numbers.map((n) => [n, { used_by: "callflow" }])),
    comments: [{ author: "Ann", content: "née", timestamp: NOW, account_id: "acme" }],
    public: { bill: { name: "Acme" }, custom: [1, null, true] },
    transitions: [{ type: "transition", timestamp: NOW, transition: { new: "unconfirmed" } }],
    attachments: { "loa.pdf": { contentType: "application/pdf", length: 3, data: "AAEC" } },
    created: NOW,
    modified: NOW,
    ...init,
  };
}

/** A write of `record` over `expected` (its deletion when `deleted`), with no events. */
export const write = (
  record: PortRequestRecord,
  expected: number | null,
  deleted = false,
): PortRequestWrite => ({
  id: record.id,
  record: deleted ? null : record,
  expected,
  events: [],
});

/** Commits request writes alone. */
export const commitRequests = (store: PortRequestStore, ...writes: PortRequestWrite[]) =>
  store.numbers.commit({ writes: [], portRequests: writes });

/** The stored revision of a request, or null. */
export async function revisionOf(store: PortRequestStore, id: string): Promise<number | null> {
  return (await store.requests.getPortRequest(id))?.revision ?? null;
}

/** Asserts the call fails with an error of `type`, and answers it. */
export async function assertFails<E>(
  call: () => unknown,
  type: new (...args: never[]) => E,
  what: string,
): Promise<E> {
  const thrown = await failureOf(call);
  assert.ok(thrown instanceof type, `${what}: expected ${type.name}, got ${described(thrown)}`);
  return thrown;
}

/** The ids of requests, in order. */
export const ids = (records: readonly PortRequestRecord[]) => records.map((r) => r.id);

/** Makes the state of a stored request `state`, from the revision it has now. */
export async function moveTo(store: PortRequestStore, record: PortRequestRecord, state: PortState) {
  const next = { ...record, state };
  await commitRequests(store, write(next, await revisionOf(store, record.id)));
  return next;
}
