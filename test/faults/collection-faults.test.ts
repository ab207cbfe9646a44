import { describe, expect, it } from "vitest";
import type { E911Rule } from "../../src/adapters/providers/simulated-e911.js";
import { errorObject } from "../../src/domain/errors.js";
import { recordFingerprint } from "../../src/domain/record.js";
import { aNumber, memoryWorld } from "../features/feature-world.js";
import { checkCollectionCommitAtomic, refuseWhole } from "../checks/collections.js";

const HIT = "+14155550101";
const SPARED = "+14155550102";
const ADDRESS = {
  street_address: "1 ELM ST",
  locality: "SPRINGFIELD",
  region: "IL",
  postal_code: "62701",
};
const RULES: E911Rule[] = [{ match: { street_address: "1 ELM ST" }, result: "valid" }];
const byCarrier = (number: string) => ({
  code: 500,
  error: "unspecified_fault",
  message: "fault by carrier",
  cause: number,
});

describe("collections under faults: only the affected numbers fail (collections.md §3, errors.md §3)", () => {
  it("activates every number but the one whose acquire fails (carriers.md §3)", async () => {
    const discovery = (number: string) =>
      aNumber({ number, state: "discovery", assignedTo: undefined, carrier: "simulated" });
    const world = await memoryWorld([discovery(HIT), discovery(SPARED)], {
      inventory: [{ number: HIT }, { number: SPARED }],
      faults: [{ port: "carrier", op: "acquire", number: HIT }],
    });
    const before = recordFingerprint(await world.engine.inspect(HIT));

    const result = await world.engine.activateMany({
      numbers: [HIT, SPARED],
      account: "acme_sales",
      requester: "acme_sales",
    });

    expect(result.ok && [...result.value.failed].map(([n, e]) => [n, errorObject(e)])).toEqual([
      [HIT, byCarrier(HIT)],
    ]);
    expect(recordFingerprint(await world.engine.inspect(HIT))).toBe(before);
    expect((await world.engine.inspect(SPARED))?.state).toBe("in_service");
  });

  it("releases every number but the one whose disconnect fails (decisions.md D10)", async () => {
    const held = (number: string) =>
      aNumber({ number, carrier: "simulated", reserveHistory: ["acme_sales"] });
    const world = await memoryWorld([held(HIT), held(SPARED)], {
      faults: [{ port: "carrier", op: "disconnect", number: HIT }],
    });
    const before = recordFingerprint(await world.engine.inspect(HIT));

    const result = await world.engine.releaseMany({
      numbers: [HIT, SPARED],
      requester: "acme_sales",
    });

    expect(result.ok && [...result.value.failed].map(([n, e]) => [n, errorObject(e)])).toEqual([
      [HIT, byCarrier(HIT)],
    ]);
    expect(recordFingerprint(await world.engine.inspect(HIT))).toBe(before);
    expect((await world.engine.inspect(SPARED))?.state).toBe("available");
  });

  it("updates every number but the one whose E911 provisioning fails (features.md §3.2)", async () => {
    const world = await memoryWorld([aNumber({ number: HIT }), aNumber({ number: SPARED })], {
      e911: RULES,
      faults: [{ port: "e911", op: "provision", number: HIT, message: "e911 down" }],
    });
    const before = recordFingerprint(await world.engine.inspect(HIT));

    const result = await world.engine.updateMany({
      numbers: [HIT, SPARED],
      requester: "acme_sales",
      patch: { dash_e911: ADDRESS },
    });

    expect(result.ok && [...result.value.failed].map(([n, e]) => [n, errorObject(e)])).toEqual([
      [HIT, { code: 500, error: "unspecified_fault", message: "e911 down" }],
    ]);
    expect(recordFingerprint(await world.engine.inspect(HIT))).toBe(before);
    expect((await world.engine.inspect(SPARED))?.features["e911"]).toEqual(ADDRESS);
  });

  it("refuses a bulk activate before committing anything when one number's E911 address is invalid (the dry pass validates)", async () => {
    const pooled = (number: string, street: string) =>
      aNumber({
        number,
        state: "available",
        assignedTo: undefined,
        public: { dash_e911: { ...ADDRESS, street_address: street } },
      });
    const world = await memoryWorld([pooled(SPARED, "1 ELM ST"), pooled(HIT, "9 NOWHERE RD")], {
      e911: RULES,
    });
    const before = [recordFingerprint(await world.engine.inspect(SPARED))];

    const result = await world.engine.activateMany({
      numbers: [SPARED, HIT],
      account: "acme_sales",
      requester: "acme_sales",
    });

    expect(result.ok && [...result.value.failed.keys()]).toEqual([HIT]);
    expect(result.ok && result.value.failed.get(HIT)?.reason).toBe("e911_invalid");
    expect([recordFingerprint(await world.engine.inspect(SPARED))]).toEqual(before);
    expect(world.e911?.registrations().size).toBe(0);
  });
});

describe("a collection pass whose commit fails (collections.md §2)", () => {
  it("writes none of its numbers and fails each of them with database_error", async () => {
    await checkCollectionCommitAtomic(refuseWhole);
  });
});
