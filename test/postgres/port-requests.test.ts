// Port requests on PostgreSQL through the engine: two instances (two pools, one schema) racing
// for overlapping numbers, and a completion landing all its numbers with its move (P5, P8).
import { expect, it } from "vitest";
import { createPostgresWorld, type PostgresWorld } from "../../src/compose/postgres-world.js";
import { PORT_SETS, PORT_STATES } from "../../src/domain/port-states.js";
import { STANDARD_TREE } from "../support/accounts.js";
import { buyWinsOverSubmit, submitWinsOverBuy } from "../support/port-number-race.js";
import { testDatabase } from "../support/postgres.js";

const db = testDatabase();

const ACCOUNTS = [
  { id: "root", master: true, reseller: true, portAuthority: true },
  ...Array.from({ length: 8 }, (_, i) => ({ id: `acct${i}`, parent: "root", name: `A${i}` })),
];
const OPEN_STATES = PORT_STATES.filter((s) => PORT_SETS.active.has(s));
const NUMBERS = Array.from({ length: 6 }, (_, i) => `+1415886790${i}`);

/** Two engines on one new schema, each with its own pool, as two instances would be. */
async function twoInstances(): Promise<[PostgresWorld, PostgresWorld]> {
  const schema = db.freshSchema();
  const first = await createPostgresWorld({ pool: db.pool, schema, accounts: ACCOUNTS });
  const second = await createPostgresWorld({ pool: db.otherPool(), schema, accounts: ACCOUNTS });
  expect([first.created, second.created]).toEqual([true, false]);
  return [first, second];
}

it("two instances creating requests for overlapping numbers never leave a number in two open requests", async () => {
  const [one, two] = await twoInstances();
  // Account i asks for three consecutive numbers starting at i: neighbours overlap.
  const attempts = ACCOUNTS.slice(1).map((account, i) =>
    (i % 2 === 0 ? one : two).engine.portRequests.create(
      { requester: account.id, account: account.id },
      {
        name: `port ${i}`,
        numbers: Object.fromEntries([0, 1, 2].map((k) => [NUMBERS[(i + k) % 6], {}])),
      },
    ),
  );
  const results = await Promise.all(attempts);
  for (const result of results)
    if (!result.ok) expect(result.error.kind, JSON.stringify(result.error)).toBe("validation");
  const won = results.filter((r) => r.ok).length;
  expect(won).toBeGreaterThanOrEqual(1);
  const open = await one.repository.portRequests.findPortRequests({ states: OPEN_STATES });
  expect(open).toHaveLength(won);
  const holders = open.flatMap((r) => Object.keys(r.numbers));
  expect(new Set(holders).size).toBe(holders.length);
});

it("a completion on one instance lands every number with the move, and the other instance reads it", async () => {
  const [one, two] = await twoInstances();
  const asker = { requester: "acct0", account: "acct0" };
  const created = await one.engine.portRequests.create(asker, {
    name: "move us",
    numbers: Object.fromEntries(NUMBERS.map((n) => [n, {}])),
  });
  expect(created.ok).toBe(true);
  const id = created.ok ? (created.value["id"] as string) : "";
  const authority = { requester: "root", account: "acct0" };
  for (const target of ["submitted", "pending", "completed"]) {
    const moved = await (target === "pending" ? two : one).engine.portRequests.move(
      target === "submitted" ? asker : authority,
      id,
      { target: target as "submitted" | "pending" | "completed" },
    );
    expect(moved.ok, JSON.stringify(moved)).toBe(true);
  }
  const stored = await two.repository.portRequests.getPortRequest(id);
  expect(stored?.record.state).toBe("completed");
  const records = await two.repository.getMany(NUMBERS);
  expect(
    NUMBERS.map((n) => [records.get(n)?.record.state, records.get(n)?.record.assignedTo]),
  ).toEqual(NUMBERS.map(() => ["in_service", "acct0"]));
  const page = await two.engine.events.since(undefined, 1000);
  const types = page.events.map((e) => e.event.type);
  expect(types.filter((t) => t === "number")).toHaveLength(NUMBERS.length);
  expect(types.filter((t) => String(t).startsWith("port_request."))).not.toHaveLength(0);
});

/** A new world over the standard account tree on a fresh schema. */
const standardWorld = () =>
  createPostgresWorld({ pool: db.pool, schema: db.freshSchema(), accounts: STANDARD_TREE });

it("a buy committed after a submit's checks read fails the submit (the guard on the number's row)", async () => {
  await buyWinsOverSubmit(await standardWorld());
});

it("a submit committed after a buy's porting check read fails the buy with number_is_porting", async () => {
  await submitWinsOverBuy(await standardWorld());
});
