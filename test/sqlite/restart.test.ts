import type { NumberEvent } from "../../src/domain/events.js";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openSqliteDatabase } from "../../src/adapters/sqlite/sqlite-database.js";
import { SqliteNumberRepository } from "../../src/adapters/sqlite/sqlite-repository.js";
import { killHard } from "../support/child.js";
import { checkRestart, numberPath } from "../support/restart-check.js";
import { startSandbox, stopSandbox } from "../support/sandbox.js";
import { tempFolder } from "../support/sqlite.js";

const RESELLER = "token-reseller";
const CUSTOMER = "token-customer-a";

describe("the sandbox server on SQLite across restarts", () => {
  const folder = tempFolder("numbers-restart-");

  it("keeps every number, owner, state and public field, and seeds the demo world only once", async () => {
    const store = `sqlite:${join(folder, "sub", "numbers.db")}`;
    await checkRestart(store, store);
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
