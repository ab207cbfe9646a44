import assert from "node:assert/strict";
import { makeRecord } from "../domain/record.js";
import { PortNumberConflictError, type PortRequestRepository } from "../ports/port-requests.js";
import { RevisionConflictError, type NumberWrite } from "../ports/repository.js";
import { described } from "./assertions.js";
import { withSkips, type ContractCase, type SkipReasons } from "./contract-case.js";
import {
  A,
  B,
  NOW,
  aPortRequest,
  assertFails,
  commitRequests,
  ids,
  moveTo,
  revisionOf,
  write,
  type PortRequestStoreFactory,
} from "./port-request-fixtures.js";
import { numberGuardCases, type NumberGuardCase } from "./port-request-guards.js";

/** The cases of the port request contract. */
export type PortRequestCase =
  | "roundTrip"
  | "staleRevision"
  | "oneOpenRequestPerNumber"
  | "closedRequestsFreeNumbers"
  | "allOrNothing"
  | "queries"
  | "deleteAndEvents"
  | "concurrentClaims"
  | NumberGuardCase;

/**
 * The port request store contract (spec/port-requests.md §8, P5, P8): every store that keeps
 * port requests (memory, SQLite, PostgreSQL, ...) must pass it.
 *
 * @example
 * for (const c of portRequestContract(() => { const r = new MemoryNumberRepository(); return { numbers: r, requests: r.portRequests }; })) it(c.name, c.run);
 */
export function portRequestContract(
  make: PortRequestStoreFactory,
  skip: SkipReasons<PortRequestCase> = {},
): ContractCase[] {
  return withSkips<PortRequestCase>(
    [
      {
        id: "roundTrip",
        name: "a request reads back exactly as written, with a revision that grows on each write",
        run: async () => {
          const store = await make();
          assert.equal(await store.requests.getPortRequest("r1"), undefined, "absent request");
          const record = aPortRequest("r1", [A, B]);
          await commitRequests(store, write(record, null));
          const first = await store.requests.getPortRequest("r1");
          assert.deepEqual(first?.record, record, "the stored request");
          const changed = { ...record, name: "renamed", modified: NOW + 1 };
          await commitRequests(store, write(changed, first?.revision ?? null));
          const second = await store.requests.getPortRequest("r1");
          assert.deepEqual(second?.record, changed, "the rewritten request");
          assert.ok((second?.revision ?? 0) > (first?.revision ?? 0), "the revision grew");
        },
      },
      {
        id: "staleRevision",
        name: "a write that read another revision, or creates an existing id, changes nothing",
        run: async () => {
          const store = await make();
          const record = aPortRequest("r1", [A]);
          await commitRequests(store, write(record, null));
          const revision = await revisionOf(store, "r1");
          await assertFails(
            () => commitRequests(store, write({ ...record, name: "x" }, (revision ?? 0) + 1000)),
            RevisionConflictError,
            "stale revision",
          );
          await assertFails(
            () => commitRequests(store, write({ ...record, name: "x" }, null)),
            RevisionConflictError,
            "create over an existing request",
          );
          assert.deepEqual((await store.requests.getPortRequest("r1"))?.record, record);
        },
      },
      {
        id: "oneOpenRequestPerNumber",
        name: "P5: the store refuses a second open request holding a number, also inside one batch",
        run: async () => {
          const store = await make();
          await commitRequests(store, write(aPortRequest("r1", [A]), null));
          const refused = await assertFails(
            () => commitRequests(store, write(aPortRequest("r2", [B, A], { account: "x" }), null)),
            PortNumberConflictError,
            "second open request",
          );
          assert.equal(refused.number, A, "the conflict names the number");
          assert.equal(refused.holder, "r1", "the conflict names the holder");
          assert.equal(await store.requests.getPortRequest("r2"), undefined, "r2 not written");
          await assertFails(
            () =>
              commitRequests(
                store,
                write(aPortRequest("r3", [B]), null),
                write(aPortRequest("r4", [B]), null),
              ),
            PortNumberConflictError,
            "two new requests of one batch",
          );
          assert.equal(await store.requests.getPortRequest("r3"), undefined, "r3 not written");
          const r1 = aPortRequest("r1", [A, B], { state: "submitted" });
          await commitRequests(store, write(r1, await revisionOf(store, "r1")));
          assert.deepEqual((await store.requests.getPortRequest("r1"))?.record, r1, "r1 grew");
        },
      },
      {
        id: "closedRequestsFreeNumbers",
        name: "completed, canceled and deleted requests hold no number; rejected and drafts do",
        run: async () => {
          const store = await make();
          const r1 = aPortRequest("r1", [A]);
          await commitRequests(store, write(r1, null));
          await moveTo(store, r1, "rejected");
          await assertFails(
            () => commitRequests(store, write(aPortRequest("r2", [A]), null)),
            PortNumberConflictError,
            "a rejected request holds its numbers",
          );
          await moveTo(store, r1, "canceled");
          const r2 = aPortRequest("r2", [A]);
          await commitRequests(store, write(r2, null));
          await commitRequests(store, write(r2, await revisionOf(store, "r2"), true));
          await commitRequests(store, write(aPortRequest("r3", [A]), null));
          await assertFails(
            () => moveTo(store, r1, "unconfirmed"),
            PortNumberConflictError,
            "reopening a request whose number moved on",
          );
        },
      },
      {
        id: "allOrNothing",
        name: "P8: number writes and request writes of one batch land together or not at all",
        run: async () => {
          const store = await make();
          const r1 = aPortRequest("r1", [A, B], { state: "pending" });
          await commitRequests(store, write(r1, null));
          const completed = { ...r1, state: "completed" as const, numbers: {} };
          const numberWrite = (number: string, expected: number | null): NumberWrite => ({
            number,
            record: makeRecord({ number, state: "in_service", assignedTo: "acme", now: NOW }),
            expected,
            events: [],
          });
          const revision = await revisionOf(store, "r1");
          await assertFails(
            () =>
              store.numbers.commit({
                writes: [numberWrite(A, null), numberWrite(B, 12345)],
                portRequests: [write(completed, revision)],
              }),
            RevisionConflictError,
            "a stale number",
          );
          assert.equal(await store.numbers.get(A), undefined, "no number written");
          assert.equal((await store.requests.getPortRequest("r1"))?.record.state, "pending");
          await assertFails(
            () =>
              store.numbers.commit({
                writes: [numberWrite(A, null)],
                portRequests: [write(completed, (revision ?? 0) + 1000)],
              }),
            RevisionConflictError,
            "a stale request",
          );
          assert.equal(await store.numbers.get(A), undefined, "no number written");
          await store.numbers.commit({
            writes: [numberWrite(A, null), numberWrite(B, null)],
            portRequests: [write(completed, revision)],
          });
          assert.equal((await store.numbers.get(B))?.record.state, "in_service");
          assert.equal((await store.requests.getPortRequest("r1"))?.record.state, "completed");
        },
      },
      {
        id: "queries",
        name: "queries filter by account, descendants, authority, number and states, by created then id",
        run: async () => {
          const store = await make();
          await commitRequests(
            store,
            write(aPortRequest("b", [A], { created: NOW + 1 }), null),
            write(
              aPortRequest("a", [B], {
                created: NOW + 1,
                account: "sub",
                tree: ["root", "reseller", "acme"],
              }),
              null,
            ),
            write(
              aPortRequest("c", [], {
                state: "completed",
                portedNumbers: { [A]: {} },
                created: NOW,
              }),
              null,
            ),
            write(
              aPortRequest("d", ["+14158867909"], {
                portAuthority: "root",
                account: "other",
                tree: ["root"],
              }),
              null,
            ),
          );
          const find = async (query: Parameters<PortRequestRepository["findPortRequests"]>[0]) =>
            ids(await store.requests.findPortRequests(query));
          assert.deepEqual(await find({}), ["c", "d", "a", "b"], "all, by created then id");
          assert.deepEqual(await find({ account: "acme" }), ["c", "b"], "by account");
          assert.deepEqual(await find({ descendantsOf: "acme" }), ["a"], "strict descendants");
          assert.deepEqual(
            await find({ descendantsOf: "reseller" }),
            ["c", "a", "b"],
            "deeper tree",
          );
          assert.deepEqual(await find({ authority: "root" }), ["d"], "by authority");
          assert.deepEqual(await find({ number: A }), ["c", "b"], "numbers or ported numbers");
          assert.deepEqual(await find({ states: ["completed", "pending"] }), ["c"], "by states");
          assert.deepEqual(await find({ states: [] }), [], "no state asked");
          assert.deepEqual(await find({ account: "acme", number: B }), [], "all keys must hold");
        },
      },
      {
        id: "deleteAndEvents",
        name: "a deleted request is gone and the events of request writes join the outbox after the number events of their batch",
        run: async () => {
          const store = await make();
          const r1 = aPortRequest("r1", [A]);
          const event = {
            type: "port_request.created" as const,
            port_request_id: "r1",
            account_id: "acme",
            timestamp: NOW,
            acting_account_id: "acme",
          };
          const numberEvent = {
            type: "number" as const,
            number: B,
            operation: "create" as const,
            from: null,
            to: "available" as const,
            account_id: "acme",
            owner_before: null,
            owner_after: null,
            timestamp: NOW,
            patches: [],
          };
          await store.numbers.commit({
            writes: [
              {
                number: B,
                record: makeRecord({ number: B, state: "available", now: NOW }),
                expected: null,
                events: [numberEvent],
              },
            ],
            portRequests: [{ ...write(r1, null), events: [event] }],
          });
          const page = await store.numbers.eventsSince(undefined, 10);
          assert.deepEqual(
            page.events.map((e) => e.event.type),
            ["number", "port_request.created"],
          );
          assert.deepEqual(page.events[1]?.event, event, "the request event as written");
          await commitRequests(store, write(r1, await revisionOf(store, "r1"), true));
          assert.equal(await store.requests.getPortRequest("r1"), undefined, "deleted");
          assert.deepEqual(
            await store.requests.findPortRequests({ number: A }),
            [],
            "not found by number",
          );
        },
      },
      {
        id: "concurrentClaims",
        name: "P5 under concurrency: of many concurrent requests for one number exactly one is stored",
        run: async () => {
          const store = await make();
          const attempts = Array.from({ length: 8 }, async (_, i) =>
            commitRequests(store, write(aPortRequest(`r${i}`, [A], { account: `acct${i}` }), null)),
          );
          const outcomes = await Promise.allSettled(attempts);
          const won = outcomes.filter((o) => o.status === "fulfilled").length;
          assert.equal(won, 1, "exactly one request holds the number");
          for (const o of outcomes) {
            if (o.status === "rejected")
              assert.ok(o.reason instanceof PortNumberConflictError, described(o.reason));
          }
          assert.equal((await store.requests.findPortRequests({ number: A })).length, 1);
        },
      },
      ...numberGuardCases(make),
    ],
    skip,
  );
}
