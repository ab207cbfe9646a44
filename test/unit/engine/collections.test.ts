import { describe, expect, it } from "vitest";
import { failure, success } from "../../support/expectations.js";
import { aNumber } from "../../support/records.js";
import { snapshot, worldWith } from "../../support/world.js";

const A = "+14155550101";
const B = "+14155550102";

describe("collection bodies (errors.md §4, normalization.md §3)", () => {
  it.each([
    ["missing", undefined, "required", "list of numbers missing"],
    ["empty", [], "minimum", "minimum 1 number required"],
    ["not a list", "+14155550101", "type", "numbers must be a list"],
    [
      "two inputs normalizing alike",
      ["4155550101", "+14155550101"],
      "uniqueItems",
      "some numbers appear twice",
    ],
  ] as const)(
    "errors.md §4: a %s numbers field is refused (%s)",
    async (_, numbers, rule, message) => {
      const world = await worldWith([]);

      const result = await world.engine.createMany({
        numbers: numbers as never,
        account: "acme",
        requester: "acme",
      });

      expect(failure(result)).toEqual({
        reason: "invalid_request",
        field: "numbers",
        rule,
        message,
      });
      expect(await snapshot(world.repository)).toEqual({});
    },
  );

  it("normalization.md §3: each number is processed and reported under its input string", async () => {
    const world = await worldWith([
      aNumber({ number: B, state: "in_service", assignedTo: "globex" }),
    ]);

    const outcome = success(
      await world.engine.createMany({
        numbers: ["4155550101", "4155550102"],
        account: "acme_sales",
        requester: "acme",
      }),
    );

    expect([...outcome.failed.keys()]).toEqual(["4155550102"]);
    expect(outcome.failed.get("4155550102")).toEqual({ reason: "number_exists", number: B });
  });

  it("errors.md §3 with collections.md §3.1: a failure found in the dry-run pass commits no create", async () => {
    const world = await worldWith([
      aNumber({ number: B, state: "in_service", assignedTo: "globex" }),
    ]);

    success(
      await world.engine.createMany({ numbers: [A, B], account: "acme_sales", requester: "acme" }),
    );

    expect(await world.engine.inspect(A)).toBeUndefined();
    expect(await snapshot(world.repository)).toEqual(world.before);
  });

  it("errors.md §7 note 3: a bulk release persists its successes even when another number fails", async () => {
    const world = await worldWith([
      aNumber({ number: A, state: "in_service", assignedTo: "acme" }),
      aNumber({ number: B, state: "in_service", assignedTo: "globex" }),
    ]);

    const outcome = success(await world.engine.releaseMany({ numbers: [A, B], requester: "acme" }));

    expect(outcome.failed.get(B)).toEqual({ reason: "unauthorized" });
    expect(await world.engine.inspect(A)).toMatchObject({ state: "available" });
    expect(await world.engine.inspect(B)).toMatchObject({
      state: "in_service",
      assignedTo: "globex",
    });
  });

  it("errors.md §7 note 3: a bulk update persists its successes even when another number fails", async () => {
    const world = await worldWith([
      aNumber({ number: A, state: "in_service", assignedTo: "acme" }),
      aNumber({ number: B, state: "in_service", assignedTo: "globex" }),
    ]);

    const outcome = success(
      await world.engine.updateMany({ numbers: [A, B], requester: "acme", patch: { x: 1 } }),
    );

    expect([...outcome.failed.keys()]).toEqual([B]);
    expect((await world.engine.inspect(A))?.public).toEqual({ x: 1 });
    expect((await world.engine.inspect(B))?.public).toEqual({});
  });
});
