/** The keyed-retry check: a request retried after any store fault applies exactly once. */
import { expect } from "vitest";
import type { ClosableWorld } from "../../src/compose/stores.js";
import { CLAIM_LEASE_S } from "../../src/domain/idempotency.js";
import { isNumberEvent } from "../../src/domain/events.js";
import { createApiHandler } from "../../src/http/handler.js";
import type { ApiResponse } from "../../src/http/types.js";
import { StoreFaults, type FaultyWorldMaker } from "./store-faults.js";
import { ACCOUNTS, aNumber, N } from "../features/feature-world.js";

const SETUP = {
  accounts: ACCOUNTS,
  tokens: [["tok-sales", "acme_sales"]] as const,
  numbers: [aNumber({ reserveHistory: ["acme_sales"] })],
};

/**
 * The keyed release of N (in service) by acme_sales, the same request every time: run twice it
 * would fail the second time, so a retry succeeds only by replaying the kept answer or by
 * running where the first attempt changed nothing.
 */
function release(world: ClosableWorld): Promise<ApiResponse> {
  return createApiHandler({ engine: world.engine, tokens: world.tokens })({
    method: "DELETE",
    path: `/v2/accounts/acme_sales/phone_numbers/${encodeURIComponent(N)}`,
    headers: { "X-Auth-Token": "tok-sales", "Idempotency-Key": "retry-1" },
  });
}

/** What the release decides (times aside: a retry after the lease runs later). */
async function ownership(world: ClosableWorld) {
  const record = await world.engine.inspect(N);
  return { state: record?.state, owner: record?.assignedTo, history: record?.reserveHistory };
}

const releaseEvents = async (world: ClosableWorld): Promise<number> =>
  (await world.repository.eventsSince(undefined, 1_000)).events
    .map((e) => e.event)
    .filter(isNumberEvent).length;

/**
 * A client that retries a keyed request after a failed answer: whichever store call failed,
 * refused or with its answer lost, the retries (after the claim's lease when the claim could not
 * be given back) end in a 200 and the number released once, with exactly one event.
 */
export async function checkKeyedRetries(make: FaultyWorldMaker): Promise<number> {
  const counting = new StoreFaults();
  const clean = await make(SETUP, counting);
  counting.arm();
  expect((await release(clean)).status).toBe(200);
  counting.disarm();
  const expected = await ownership(clean);
  await clean.close();
  let runs = 0;
  for (let at = 1; at <= counting.calls.length; at++) {
    for (const mode of ["refuse", "lose"] as const) {
      const faults = new StoreFaults();
      const world = await make(SETUP, faults);
      try {
        faults.arm(at, mode);
        const first = await release(world);
        faults.disarm();
        const where = `${mode} call ${at} (${counting.calls[at - 1] ?? "?"})`;
        expect(first.status, where).toBe(500);
        let retry = await release(world);
        if (retry.status === 409) {
          world.clock.advance(CLAIM_LEASE_S + 1);
          retry = await release(world);
        }
        expect(retry.status, `${where}: the retry`).toBe(200);
        expect(await ownership(world), where).toEqual(expected);
        expect(await releaseEvents(world), `${where}: events`).toBe(1);
        runs++;
      } finally {
        await world.close();
      }
    }
  }
  return runs;
}
