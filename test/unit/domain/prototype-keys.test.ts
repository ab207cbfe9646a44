import { describe, expect, it } from "vitest";
import { MemoryTokenStore } from "../../../src/adapters/memory/memory-tokens.js";
import type { JsonObject } from "../../../src/domain/json.js";
import { mergePatch } from "../../../src/domain/record.js";
import { createApiHandler } from "../../../src/http/handler.js";
import { aNumber, NUMBER } from "../../support/records.js";
import { aWorld } from "../../support/world.js";

const parsed = (text: string): JsonObject => JSON.parse(text) as JsonObject;

describe("keys named __proto__ are data, never a prototype (decisions.md D4: values kept as sent)", () => {
  it("a merge patch keeps a nested __proto__ key as an own property", () => {
    const patched = mergePatch({}, parsed('{"desk": {"__proto__": {"polluted": true}}}'));

    const desk = patched["desk"] as JsonObject;
    expect(Object.getPrototypeOf(desk)).toBe(Object.prototype);
    expect(Object.hasOwn(desk, "__proto__")).toBe(true);
    expect(JSON.stringify(patched)).toBe('{"desk":{"__proto__":{"polluted":true}}}');
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("an update stores the key as sent and activates nothing through it", async () => {
    const world = await aWorld({
      numbers: [aNumber({ state: "in_service", assignedTo: "acme_sales" })],
    });

    const result = await world.engine.update({
      number: NUMBER,
      requester: "acme_sales",
      patch: parsed('{"extra": {"__proto__": {"cnam": {"display_name": "sneaky"}}}}'),
    });

    expect(result.ok && JSON.stringify(result.value.public)).toBe(
      '{"extra":{"__proto__":{"cnam":{"display_name":"sneaky"}}}}',
    );
    expect(result.ok && result.value.features["outbound_cnam"]).toBeUndefined();
  });

  it("a collection answer keeps a number given as __proto__ as its own key", async () => {
    const world = await aWorld();
    const handle = createApiHandler({
      engine: world.engine,
      tokens: new MemoryTokenStore([["t", "acme"]]),
    });

    const response = await handle({
      method: "POST",
      path: "/v2/accounts/acme/phone_numbers/collection",
      headers: { "X-Auth-Token": "t" },
      body: '{"data": {"numbers": ["__proto__"], "note": 1}}',
    });

    expect(response.status).toBe(400);
    expect(JSON.stringify((response.body as JsonObject)["data"])).toBe(
      '{"__proto__":"not_reconcilable"}',
    );
  });
});
