import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { JsonObject } from "../../src/domain/json.js";
import { NUMBER_STATES, type NumberState } from "../../src/domain/states.js";
import { aNumber, memoryWorld, N, stored } from "./feature-world.js";

const ADDRESS = {
  street_address: "1 ELM ST",
  locality: "SPRINGFIELD",
  region: "IL",
  postal_code: "62701",
};
const WANTED: JsonObject = {
  cnam: { display_name: "After", inbound_lookup: true },
  dash_e911: ADDRESS,
  prepend: { enabled: true, name: "P" },
  failover: { e164: "+14155550199" },
};
const BEFORE: JsonObject = {
  outbound_cnam: { display_name: "Before" },
  e911: { street_address: "OLD" },
  prepend: { enabled: true, name: "old" },
  failover: { e164: "+14155550000" },
  local: {},
};
const HELD = new Set<NumberState>(["reserved", "in_service", "port_in"]);

/** The features.md §4 table: what a save leaves active in a state, given WANTED and BEFORE. */
function expectedAfterSave(state: NumberState): JsonObject {
  const out: JsonObject = {};
  if (HELD.has(state)) {
    out["outbound_cnam"] = { display_name: "After" };
    out["inbound_cnam"] = { inbound_lookup: true };
    out["e911"] = ADDRESS;
  } else {
    out["outbound_cnam"] = BEFORE["outbound_cnam"] ?? null;
  }
  if (state === "in_service") {
    out["prepend"] = WANTED["prepend"] ?? null;
    out["failover"] = WANTED["failover"] ?? null;
  }
  out["local"] = {};
  return out;
}

describe("keep or drop by state (features.md §4)", () => {
  it("leaves active exactly what the §4 table says after a save, in every state (features.md §4)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...NUMBER_STATES), async (state) => {
        const world = await memoryWorld([aNumber({ state, features: BEFORE })]);

        const result = await world.engine.update({ number: N, requester: "root", patch: WANTED });

        expect(result.ok).toBe(true);
        expect((await stored(world)).features).toEqual(expectedAfterSave(state));
      }),
      { numRuns: 30 },
    );
  });
});
