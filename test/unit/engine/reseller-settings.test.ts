import { describe, expect, it } from "vitest";
import { createMemoryWorld } from "../../../src/compose/memory-world.js";
import type { AccountSpec } from "../../../src/adapters/memory/memory-accounts.js";

const tree = (acme: Partial<AccountSpec>): AccountSpec[] => [
  { id: "root", master: true, reseller: true },
  { id: "acme", parent: "root", reseller: true, allowAdditions: true, ...acme },
  { id: "acme_sales", parent: "acme" },
];

describe("settings read from the reseller (config.md §9 note 2)", () => {
  it("carriers.md §2: an account search uses its reseller's carrier_modules", async () => {
    // Arrange: acme's numbers come from no upstream carrier at all
    const world = await createMemoryWorld({
      accounts: tree({ carrierModules: ["knm_local"] }),
      inventory: [{ number: "+17205550100" }],
    });
    // Act
    const below = await world.engine.search({ prefix: "720", account: "acme_sales" });
    const anonymous = await world.engine.search({ prefix: "720" });
    // Assert
    expect(below).toEqual({ ok: true, value: [] });
    expect(anonymous).toEqual({
      ok: true,
      value: [{ number: "+17205550100", state: "discovery" }],
    });
  });

  it("carriers.md §2: without a reseller setting the system carrier list applies", async () => {
    const world = await createMemoryWorld({
      accounts: tree({}),
      inventory: [{ number: "+17205550100" }],
    });
    const below = await world.engine.search({ prefix: "720", account: "acme_sales" });
    expect(below).toEqual({ ok: true, value: [{ number: "+17205550100", state: "discovery" }] });
  });

  it("features.md §2: the owner's reseller's allowed_features decides which providers run", async () => {
    // Arrange: acme allows prepend only, so CNAM is stored but not activated
    const world = await createMemoryWorld({
      accounts: tree({ allowedFeatures: ["prepend"] }),
      numbers: [{ number: "+13035550100", state: "in_service", assignedTo: "acme_sales" }],
    });
    // Act
    const updated = await world.engine.update({
      number: "+13035550100",
      requester: "acme_sales",
      patch: { cnam: { display_name: "Acme" }, prepend: { enabled: true, name: "ACME" } },
    });
    // Assert
    expect(updated.ok && Object.keys(updated.value.features).sort()).toEqual(["local", "prepend"]);
    expect(updated.ok && updated.value.public["cnam"]).toEqual({ display_name: "Acme" });
  });
});
