import { describe, expect, it } from "vitest";
import { createMemoryWorld } from "../../src/compose/memory-world.js";
import { createApiHandler } from "../../src/http/handler.js";
import { createHonoApp } from "../../src/http/hono-app.js";
import { MemoryTokenStore } from "../../src/adapters/memory/memory-tokens.js";
import { lifecycleMachine } from "../../src/machine/lifecycle-machine.js";
import { deriveTransitionTable } from "../../src/machine/transition-table.js";
import type { NumberRecord } from "../../src/domain/record.js";
import { putRecord } from "../../src/testing/repository-fixtures.js";
import { aNumber, memoryWorld, N } from "../features/feature-world.js";
import { checkPortFaultChangesNothing } from "../checks/carrier-faults.js";
import {
  checkCollectionCommitAtomic,
  refuseWhole,
  type FailingCommit,
} from "../checks/collections.js";
import { checkIsolation, NUMBER as ISOLATED, type IsolationScenario } from "../checks/isolation.js";
import { checkEarlyAnswerKeepsConnection, serveApp } from "../checks/keep-alive.js";
import {
  checkTransitions,
  NUMBER,
  OTHERS,
  type TransitionScenario,
} from "../checks/transitions.js";

/**
 * Issue 11, acceptance: for each area a test injects the bug through the engine's options or
 * ports (never by editing the source) and shows the matching check failing, after showing the
 * same check passing without the bug.
 */

const simulated = (number: string) =>
  ({ number, state: "available", reserveHistory: [], carrier: "simulated" }) as const;

/** a1 holds the number, released once a0 had reserved it before: it must go back to a0. */
const RELEASE_WITH_EARLIER_RESERVER: TransitionScenario = {
  tree: [
    { id: "a0", reseller: true, allowAdditions: true, master: true },
    { id: "a1", parent: "a0", reseller: false, allowAdditions: false, master: false },
  ],
  record: {
    ...simulated(NUMBER),
    state: "reserved",
    assignedTo: "a1",
    reserveHistory: ["a1", "a0"],
  },
  others: [simulated(OTHERS[0] as string), simulated(OTHERS[1] as string)],
  config: { released_state: "available", should_age: false, should_permanently_delete: false },
  operations: [{ kind: "release", requester: "a1", hard: false }],
};

/** b releases a number the admin (in another branch) reserved: b is outside its hierarchy. */
const OUTSIDER_RELEASES: IsolationScenario = {
  tree: [
    { id: "a0", reseller: true, allowAdditions: true, master: false },
    { id: "a1", parent: "a0", reseller: true, allowAdditions: true, master: true },
    { id: "a2", parent: "a0", reseller: false, allowAdditions: false, master: false },
  ],
  record: { ...simulated(ISOLATED), state: "reserved" },
  owner: "a1",
  outsider: "a2",
  op: "release",
};

/** A store that applies the first write of a batch on its own, then fails the rest: torn. */
const tearAfterFirst: FailingCommit = async (inner, batch) => {
  await inner.commit({ writes: batch.writes.slice(0, 1) });
  throw new Error("disk full");
};

describe("acceptance: each check fails when its bug is injected (issue 11)", () => {
  it("a wrong guard: the transitions check fails when the unwind ignores earlier reservers", async () => {
    const wrong = deriveTransitionTable(
      lifecycleMachine.provide({ guards: { historyRemainsAfterUnwind: () => false } }),
    );

    await checkTransitions(RELEASE_WITH_EARLIER_RESERVER);
    await expect(checkTransitions(RELEASE_WITH_EARLIER_RESERVER, wrong)).rejects.toThrow(
      "expected 'available' to be 'reserved'",
    );
  });

  it("a missing authorization check: the isolation check fails when release stops checking who asks", async () => {
    const unchecked = deriveTransitionTable(
      lifecycleMachine.provide({ guards: { mayRelease: () => true } }),
    );

    await checkIsolation(OUTSIDER_RELEASES);
    await expect(checkIsolation(OUTSIDER_RELEASES, unchecked)).rejects.toThrow(
      "release on reserved succeeded",
    );
  });

  it("a write before a carrier call: the fault check fails when the record is written before a failing acquire", async () => {
    const discovery = aNumber({ state: "discovery", assignedTo: undefined, carrier: "simulated" });
    const activate = (world: Awaited<ReturnType<typeof memoryWorld>>) =>
      world.engine.activate({ number: N, account: "acme_sales", requester: "acme_sales" });
    const error = { code: 500, error: "unspecified_fault", message: "fault by carrier", cause: N };
    const faults = [{ port: "carrier" as const, op: "acquire" }];
    const honest = await memoryWorld([discovery], { inventory: [{ number: N }], faults });
    const eager = await memoryWorld([discovery], { inventory: [{ number: N }], faults });
    const acquire = eager.upstream.acquire.bind(eager.upstream);
    eager.upstream.acquire = async (record: NumberRecord) => {
      const stored = await eager.repository.get(record.number);
      await putRecord(eager.repository, record, stored?.revision ?? null);
      return acquire(record);
    };

    await checkPortFaultChangesNothing(honest, [N], activate, error);
    await expect(checkPortFaultChangesNothing(eager, [N], activate, error)).rejects.toThrow(
      "a failed port call left a change behind",
    );
  });

  it("a torn collection: the collection check fails on a store whose commit is not atomic", async () => {
    await checkCollectionCommitAtomic(refuseWhole);
    await expect(checkCollectionCommitAtomic(tearAfterFirst)).rejects.toThrow(
      "a failed collection commit wrote some numbers",
    );
  });

  it("an early answer that breaks the connection: the keep-alive check fails when oversized bodies are not drained", async () => {
    const world = await createMemoryWorld({
      accounts: [{ id: "acme", master: true, reseller: true }],
    });
    const handler = createApiHandler({
      engine: world.engine,
      tokens: new MemoryTokenStore([["tok", "acme"]]),
    });
    const list = {
      method: "GET",
      path: "/v2/accounts/acme/phone_numbers",
      headers: { "X-Auth-Token": "tok" },
    };
    const oversized = {
      ...list,
      method: "POST",
      path: `${list.path}/%2B14155550100`,
      body: "x".repeat(2 * 1024 * 1024),
    };
    const draining = await serveApp(createHonoApp(handler));
    const cutting = await serveApp(createHonoApp(handler, { maxDrainBytes: 0 }));
    try {
      await checkEarlyAnswerKeepsConnection(draining.port, list, oversized, 413);
      await expect(
        checkEarlyAnswerKeepsConnection(cutting.port, list, oversized, 413),
      ).rejects.toThrow("the early answer closes the connection");
    } finally {
      draining.close();
      cutting.close();
    }
  });
});
