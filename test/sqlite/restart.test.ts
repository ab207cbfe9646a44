import type { NumberEvent } from "../../src/domain/events.js";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openSqliteDatabase } from "../../src/adapters/sqlite/sqlite-database.js";
import { SqliteNumberRepository } from "../../src/adapters/sqlite/sqlite-repository.js";
import { killHard } from "../support/child.js";
import { startSandbox, stopSandbox, type Sandbox } from "../support/sandbox.js";
import { tempFolder } from "../support/sqlite.js";

const RESELLER = "token-reseller";
const CUSTOMER = "token-customer-a";
const numberPath = (account: string, number: string, rest = ""): string =>
  `/v2/accounts/${account}/phone_numbers/${encodeURIComponent(number)}${rest}`;

/** What a number looks like over the API, without the envelope's per-request fields. */
async function shown(sandbox: Sandbox, number: string): Promise<unknown> {
  const reply = await sandbox.call(CUSTOMER, "GET", numberPath("demo_customer_a", number));
  expect(reply.status).toBe(200);
  return reply.body["data"];
}

describe("the sandbox server on SQLite across restarts", () => {
  const folder = tempFolder("numbers-restart-");

  it("keeps every number, owner, state and public field, and seeds the demo world only once", async () => {
    const store = `sqlite:${join(folder, "sub", "numbers.db")}`;
    const first = await startSandbox(store);
    expect(first.banner).toContain(`(store: ${store} (new, seeded with the demo world)`);
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
      [...created.slice(1), demoNumber].map((number) => shown(first, number)),
    );
    const listed = await first.call(CUSTOMER, "GET", "/v2/accounts/demo_customer_a/phone_numbers");
    expect(await stopSandbox(first)).toBe(0);

    const second = await startSandbox(store);
    expect(second.banner).toContain(`(store: ${store} (existing)`);
    const after = await Promise.all(
      [...created.slice(1), demoNumber].map((number) => shown(second, number)),
    );
    expect(after).toEqual(before);
    const relisted = await second.call(
      CUSTOMER,
      "GET",
      "/v2/accounts/demo_customer_a/phone_numbers",
    );
    expect(relisted.body["data"]).toEqual(listed.body["data"]);
    const reseller = await second.call(RESELLER, "GET", numberPath("demo_reseller", created[0]!));
    expect(reseller.body["data"]).toMatchObject({
      cnam: { display_name: "Café ☕ 東京" },
    });
    expect(await stopSandbox(second)).toBe(0);
  }, 300_000);

  it("replays a keyed request's kept answer after a SIGKILL right after it committed, and moves the number once", async () => {
    const path = join(folder, "keyed.db");
    const store = `sqlite:${path}`;
    const number = "+14152220200";
    const first = await startSandbox(store);
    const made = await first.call(RESELLER, "PUT", numberPath("demo_reseller", number), {});
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    const keyed = { "Idempotency-Key": "reserve-once-1" };
    const answer = await first.call(
      CUSTOMER,
      "PUT",
      numberPath("demo_customer_a", number, "/reserve"),
      undefined,
      keyed,
    );
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    await killHard(first.child);

    const second = await startSandbox(store);
    const retry = await second.call(
      CUSTOMER,
      "PUT",
      numberPath("demo_customer_a", number, "/reserve"),
      undefined,
      keyed,
    );
    expect(retry.status).toBe(answer.status);
    expect(retry.headers.get("Idempotent-Replayed")).toBe("true");
    const { request_id: _a, ...kept } = answer.body;
    const { request_id: _b, ...replayed } = retry.body;
    expect(replayed).toEqual(kept);
    expect(await stopSandbox(second)).toBe(0);

    const database = openSqliteDatabase(path);
    const { events } = await new SqliteNumberRepository(database.db).eventsSince(undefined, 10_000);
    database.close();
    const moves = events
      .map((e) => e.event as NumberEvent)
      .filter((e) => e.number === number)
      .map((e) => e.operation);
    expect(moves).toEqual(["create", "reserve"]);
  }, 300_000);
});
