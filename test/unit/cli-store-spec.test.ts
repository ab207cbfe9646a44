import { describe, expect, it } from "vitest";
import { chooseStore, parseStoreSpec } from "../../src/cli/store-spec.js";

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
});
