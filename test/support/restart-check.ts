// The restart proof of a durable store, for every store the sandbox server runs on: numbers
// created, reserved, activated and updated over HTTP are all there after a restart, and the demo
// world is seeded only once.
import { expect } from "vitest";
import { startSandbox, stopSandbox, type Sandbox } from "./sandbox.js";

const RESELLER = "token-reseller";
const CUSTOMER = "token-customer-a";

/** The path of a number under an account, with an optional action. */
export const numberPath = (account: string, number: string, rest = ""): string =>
  `/v2/accounts/${account}/phone_numbers/${encodeURIComponent(number)}${rest}`;

/** What a number looks like over the API, without the envelope's per-request fields. */
async function shownNumber(sandbox: Sandbox, number: string): Promise<unknown> {
  const reply = await sandbox.call(CUSTOMER, "GET", numberPath("demo_customer_a", number));
  expect(reply.status).toBe(200);
  return reply.body["data"];
}

/**
 * Serves a new `store` twice: the first run seeds the demo world and changes numbers over HTTP,
 * the second (banner: existing) shows every number, owner, state and public field unchanged.
 * `shown` is how the banner names the store.
 */
export async function checkRestart(store: string, shown: string): Promise<void> {
  const first = await startSandbox(store);
  expect(first.banner).toContain(`(store: ${shown} (new, seeded with the demo world)`);
  const created = ["+14152220100", "+14152220101", "+14152220102"];
  for (const number of created) {
    const reply = await first.call(RESELLER, "PUT", numberPath("demo_reseller", number), {
      cnam: { display_name: "Café ☕ 東京" },
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  }
  const reserve = await first.call(
    CUSTOMER,
    "PUT",
    numberPath("demo_customer_a", created[1]!, "/reserve"),
  );
  expect(reserve.status, JSON.stringify(reserve.body)).toBe(200);
  const activate = await first.call(
    CUSTOMER,
    "PUT",
    numberPath("demo_customer_a", created[2]!, "/activate"),
  );
  expect(activate.status, JSON.stringify(activate.body)).toBe(200);
  const demoNumber = "+16285551000";
  const update = await first.call(CUSTOMER, "POST", numberPath("demo_customer_a", demoNumber), {
    note: "kept",
  });
  expect(update.status, JSON.stringify(update.body)).toBe(200);
  const before = await Promise.all(
    [...created.slice(1), demoNumber].map((number) => shownNumber(first, number)),
  );
  const listed = await first.call(CUSTOMER, "GET", "/v2/accounts/demo_customer_a/phone_numbers");
  expect(await stopSandbox(first)).toBe(0);

  const second = await startSandbox(store);
  expect(second.banner).toContain(`(store: ${shown} (existing)`);
  const after = await Promise.all(
    [...created.slice(1), demoNumber].map((number) => shownNumber(second, number)),
  );
  expect(after).toEqual(before);
  const relisted = await second.call(CUSTOMER, "GET", "/v2/accounts/demo_customer_a/phone_numbers");
  expect(relisted.body["data"]).toEqual(listed.body["data"]);
  const reseller = await second.call(RESELLER, "GET", numberPath("demo_reseller", created[0]!));
  expect(reseller.body["data"]).toMatchObject({
    cnam: { display_name: "Café ☕ 東京" },
  });
  expect(await stopSandbox(second)).toBe(0);
}
