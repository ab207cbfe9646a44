import { describe, expect, it } from "vitest";
import {
  chooseStore,
  parseStoreSpec,
  postgresTarget,
  storeName,
} from "../../src/cli/store-spec.js";

describe("choosing a store (--store, NUMBERS_STORE)", () => {
  it("reads memory, sqlite paths and postgres URLs", () => {
    expect(parseStoreSpec("memory")).toEqual({ kind: "memory" });
    expect(parseStoreSpec("sqlite:./data/n.db")).toEqual({ kind: "sqlite", path: "./data/n.db" });
    expect(parseStoreSpec("sqlite::memory:")).toEqual({ kind: "sqlite", path: ":memory:" });
    expect(parseStoreSpec("postgres://u@h/db")).toEqual({
      kind: "postgres",
      url: "postgres://u@h/db",
    });
    expect(parseStoreSpec("postgresql://h/db")).toEqual({
      kind: "postgres",
      url: "postgresql://h/db",
    });
  });

  it("answers an error naming the value for anything else", () => {
    expect(parseStoreSpec("mysql://x")).toEqual({ error: expect.stringContaining("mysql://x") });
    expect(parseStoreSpec("sqlite:")).toEqual({ error: expect.stringContaining("path") });
  });

  it("prefers the option, then NUMBERS_STORE, then SQLite under ./data", () => {
    expect(chooseStore("memory", { NUMBERS_STORE: "sqlite:x.db" })).toEqual({ kind: "memory" });
    expect(chooseStore(undefined, { NUMBERS_STORE: "sqlite:x.db" })).toEqual({
      kind: "sqlite",
      path: "x.db",
    });
    expect(chooseStore(undefined, {})).toEqual({ kind: "sqlite", path: "./data/numbers.db" });
  });

  it("names a postgres store without its password, and reads its schema from ?schema=", () => {
    expect(storeName({ kind: "postgres", url: "postgres://app:s3cret@db/n?schema=a" })).toBe(
      "postgres://app:***@db/n?schema=a",
    );
    expect(postgresTarget("postgres://db/n")).toEqual({ url: "postgres://db/n", schema: "public" });
    expect(postgresTarget("postgres://db/n?schema=tenant%201")).toEqual({
      url: "postgres://db/n",
      schema: "tenant 1",
    });
    expect(postgresTarget("postgres://db/n?sslmode=disable&schema=x&application_name=nl")).toEqual({
      url: "postgres://db/n?sslmode=disable&application_name=nl",
      schema: "x",
    });
  });
});
