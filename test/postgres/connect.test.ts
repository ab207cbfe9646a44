import { describe, expect, it } from "vitest";
import { connectPostgres, redactUrl } from "../../src/adapters/postgres/connect.js";
import { singleWrite } from "../../src/ports/repository.js";
import { aNumber } from "../contracts/a-number.js";
import { postgresUrl, testDatabase } from "../support/postgres.js";

const db = testDatabase();

describe("redactUrl", () => {
  it.each([
    [
      "postgres://app:s3cr%40t@db.example:5432/numbers",
      "postgres://app:***@db.example:5432/numbers",
    ],
    ["postgres://app@db.example/numbers", "postgres://app@db.example/numbers"],
    ["host=db password=hunter2 user=app", "host=db password=*** user=app"],
  ])("%s is shown as %s", (url, shown) => {
    expect(redactUrl(url)).toBe(shown);
  });
});

describe("connectPostgres", () => {
  it("opens a migrated store on the URL, usable at once, and closes its pool", async () => {
    const connection = await connectPostgres(postgresUrl(), {
      schema: db.freshSchema(),
      maxConnections: 2,
    });
    try {
      const [revision] = await connection.repository.commit(
        singleWrite(aNumber({ number: "+14155550100", state: "available" }), null),
      );
      expect((await connection.repository.get("+14155550100"))?.revision).toBe(revision);
    } finally {
      await connection.close();
    }
  });

  it("fails on an unreachable server with one line naming the URL without its password", async () => {
    const failure = await connectPostgres("postgres://app:s3cret@127.0.0.1:1/numbers").catch(
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(Error);
    const message = (failure as Error).message;
    expect(message).toMatch(
      /^cannot open PostgreSQL store postgres:\/\/app:\*\*\*@127\.0\.0\.1:1\/numbers: .*ECONNREFUSED/,
    );
    expect(message).not.toContain("s3cret");
    expect(message).not.toContain("\n");
  });
});
