import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { JsonObject, JsonValue } from "../../src/domain/json.js";
import type { NumberEngine } from "../../src/engine/engine.js";
import { STANDARD_TREE } from "../support/accounts.js";
import { aNumber } from "../support/records.js";
import { aWorld, snapshot } from "../support/world.js";

const ACCOUNT_IDS = STANDARD_TREE.map((a) => a.id);

/** Any string, biased towards strings that look like numbers or account ids. */
const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.stringMatching(/^\+?[0-9]{0,16}$/),
  fc.constantFrom(...ACCOUNT_IDS, "system", "", "+14155550100", "4155550100", "+141510010+15"),
);
const anyPayload = fc.dictionary(fc.string(), fc.jsonValue()) as fc.Arbitrary<JsonObject>;

type Call = (engine: NumberEngine) => Promise<{ ok: boolean }>;

const anyCall: fc.Arbitrary<Call> = fc.oneof(
  fc.tuple(anyText, anyText, anyText, anyPayload).map(
    ([number, account, requester, fields]): Call =>
      (e) =>
        e.create({ number, account, requester, publicFields: fields }),
  ),
  fc.tuple(anyText, anyText, anyPayload).map(
    ([number, requester, patch]): Call =>
      (e) =>
        e.update({ number, requester, patch }),
  ),
  fc.tuple(anyText, anyText, anyText).map(
    ([number, account, requester]): Call =>
      (e) =>
        e.reserve({ number, account, requester }),
  ),
  fc.tuple(anyText, anyText, anyText).map(
    ([number, account, requester]): Call =>
      (e) =>
        e.activate({ number, account, requester }),
  ),
  fc.tuple(anyText, anyText, fc.boolean()).map(
    ([number, requester, hard]): Call =>
      (e) =>
        e.release({ number, requester, hard }),
  ),
  fc.tuple(anyText, anyText).map(
    ([number, requester]): Call =>
      (e) =>
        e.identify({ number, requester }),
  ),
  fc.tuple(anyText, fc.integer(), fc.integer(), anyText).map(
    ([prefix, quantity, offset, country]): Call =>
      (e) =>
        e.search({ prefix, quantity, offset, country }),
  ),
  fc.tuple(fc.jsonValue() as fc.Arbitrary<JsonValue>, anyText, anyPayload).map(
    ([numbers, requester, patch]): Call =>
      (e) =>
        e.updateMany({ numbers, requester, patch }),
  ),
);

describe("bad input (issue: any string, any account id, any payload)", () => {
  it("every operation answers a Result, and a refused one writes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(anyCall, async (call) => {
        const world = await aWorld({
          numbers: [aNumber({ state: "in_service", assignedTo: "acme_sales" })],
        });
        const before = await snapshot(world.repository);

        const result = await call(world.engine);

        expect(typeof result.ok).toBe("boolean");
        if (!result.ok) expect(await snapshot(world.repository)).toEqual(before);
      }),
      { numRuns: 400 },
    );
  });
});
