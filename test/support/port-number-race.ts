import { expect } from "vitest";
import type { World } from "../../src/compose/world.js";
import type { PortRequestRepository } from "../../src/ports/port-requests.js";

// The race of issue 14 inside one process, made deterministic: one side's decision has read the
// store when the other side commits. The store must refuse the late commit, and the loser,
// deciding again, answers the spec's refusal (§6.1 C10 for the submit, §7.1 for the create).
// Needs a world over the standard account tree (test/support/accounts.ts).

const N = "+14158867900";
const CUSTOMER = { requester: "acme_sales", account: "acme_sales" };

/** Runs `interleaved` once, right after the next call of `method` on `target` has read. */
function afterNextRead<T extends object>(
  target: T,
  method: keyof T,
  interleaved: () => Promise<unknown>,
): void {
  const original = target[method] as (...args: unknown[]) => Promise<unknown>;
  let armed = true;
  (target as Record<keyof T, unknown>)[method] = async (...args: unknown[]) => {
    const result = await original.apply(target, args);
    if (armed) {
      armed = false;
      await interleaved();
    }
    return result;
  };
}

async function aDraft(w: World): Promise<string> {
  const created = await w.engine.portRequests.create(CUSTOMER, {
    name: "race",
    numbers: { [N]: {} },
  });
  if (!created.ok) throw new Error(JSON.stringify(created.error));
  const id = created.value["id"];
  if (typeof id !== "string") throw new Error("no id");
  return id;
}

/** A buy committed after the submit's checks read: the submit fails, the number stays with the buyer. */
export async function buyWinsOverSubmit(w: World): Promise<void> {
  const id = await aDraft(w);
  let bought: unknown;
  afterNextRead(w.repository, "getMany", async () => {
    bought = await w.engine.create({ number: N, account: "globex", requester: "globex" });
  });

  const submitted = await w.engine.portRequests.move(CUSTOMER, id, { target: "submitted" });

  expect(bought).toMatchObject({ ok: true, value: { assignedTo: "globex" } });
  expect(submitted).toEqual({
    ok: false,
    error: {
      kind: "validation",
      data: { [N]: { type: { message: "Number exists on the system already", cause: N } } },
    },
  });
  const request = await w.engine.portRequests.get(CUSTOMER, id);
  expect(request).toMatchObject({ ok: true, value: { port_state: "unconfirmed" } });
  expect((await w.repository.get(N))?.record.assignedTo).toBe("globex");
}

/** A submit committed after the buy's porting check read: the buy fails with number_is_porting. */
export async function submitWinsOverBuy(w: World): Promise<void> {
  const id = await aDraft(w);
  const requests = (w.repository as unknown as { portRequests: PortRequestRepository })
    .portRequests;
  let submitted: unknown;
  afterNextRead(requests, "findPortRequests", async () => {
    submitted = await w.engine.portRequests.move(CUSTOMER, id, { target: "submitted" });
  });

  const bought = await w.engine.create({ number: N, account: "globex", requester: "globex" });

  expect(submitted).toMatchObject({ ok: true, value: { port_state: "submitted" } });
  expect(bought).toMatchObject({ ok: false, error: { reason: "number_is_porting" } });
  expect(await w.repository.get(N)).toBeUndefined();
}
