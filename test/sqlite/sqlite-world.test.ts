import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createSqliteWorld } from "../../src/compose/sqlite-world.js";
import { unwrap } from "../../src/domain/errors.js";
import { tempFolder } from "../support/sqlite.js";

const ACCOUNTS = [
  { id: "master", master: true, reseller: true },
  { id: "acme", parent: "master", allowAdditions: true },
];
const N = "+14155550100";

describe("createSqliteWorld", () => {
  const folder = tempFolder();

  it("seeds a new database once, and a reopened one keeps what the engine wrote", async () => {
    const path = join(folder, "sub", "world.db");
    const setup = {
      path,
      accounts: ACCOUNTS,
      tokens: [["token-acme", "acme"]] as const,
      numbers: [{ number: "+14155550199", state: "in_service" as const, assignedTo: "acme" }],
    };
    const first = await createSqliteWorld(setup);
    expect(first.created).toBe(true);
    unwrap(await first.engine.create({ requester: "acme", number: N, account: "acme" }));
    first.close();

    const second = await createSqliteWorld({ ...setup, numbers: [] });
    expect(second.created).toBe(false);
    expect((await second.engine.inspect(N))?.assignedTo).toBe("acme");
    expect((await second.engine.inspect("+14155550199"))?.state).toBe("in_service");
    expect(await second.tokens.accountFor("token-acme")).toBe("acme");
    expect((await second.accounts.get("acme"))?.tree).toEqual(["master"]);
    const { events } = await second.repository.eventsSince(undefined, 10);
    expect(
      events.map(({ event: e }) => (e.type === "number" ? [e.number, e.operation] : [])),
    ).toEqual([[N, "create"]]);
    second.close();
  });

  it("an in-memory world starts empty each time", async () => {
    const a = await createSqliteWorld({ accounts: ACCOUNTS });
    unwrap(await a.engine.create({ requester: "acme", number: N, account: "acme" }));
    const b = await createSqliteWorld({ accounts: ACCOUNTS });
    expect(await b.engine.inspect(N)).toBeUndefined();
    a.close();
    b.close();
  });
});
