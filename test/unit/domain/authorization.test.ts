import { describe, expect, it } from "vitest";
import {
  isSelfOrAncestor,
  isStrictAncestor,
  resellerOf,
  SYSTEM,
} from "../../../src/domain/accounts.js";
import {
  creatableStates,
  mayActOnAccount,
  mayAddNumbers,
  mayHardDelete,
  mayIdentify,
  mayPutReservedInService,
  mayReassignReserved,
  mayRelease,
  mayTransferInService,
  passesAuthorize,
  passesReadCheck,
  type AuthFacts,
} from "../../../src/domain/authorization.js";
import { lookupOf } from "../../support/accounts.js";

const accounts = lookupOf();
/** The admin in a branch of its own, so being the admin is not also being an ancestor. */
const sideAdmin = lookupOf([
  { id: "top", reseller: true },
  { id: "admin", parent: "top", master: true },
  { id: "acme", parent: "top", reseller: true },
  { id: "shop", parent: "top", reseller: true },
]);
const facts = (f: Omit<AuthFacts, "accounts" | "state"> & Partial<AuthFacts>): AuthFacts => ({
  accounts,
  state: "in_service",
  ...f,
});

describe("states.md §1: ANC and SANC", () => {
  it("ANC holds for the account itself and its ancestors only", () => {
    expect(isSelfOrAncestor(accounts, "acme", "acme")).toBe(true);
    expect(isSelfOrAncestor(accounts, "root", "acme_sales_east")).toBe(true);
    expect(isSelfOrAncestor(accounts, "acme_sales", "acme")).toBe(false);
  });

  it("ANC is false when either side is empty or the account is unknown", () => {
    expect(isSelfOrAncestor(accounts, undefined, "acme")).toBe(false);
    expect(isSelfOrAncestor(accounts, "acme", "")).toBe(false);
    expect(isSelfOrAncestor(accounts, "ghost", "ghost")).toBe(false);
  });

  it("SANC excludes the account itself", () => {
    expect(isStrictAncestor(accounts, "acme", "acme")).toBe(false);
    expect(isStrictAncestor(accounts, "acme", "acme_sales")).toBe(true);
  });

  it("an account's reseller is itself when flagged, else its nearest reseller ancestor", () => {
    expect(resellerOf(accounts, "acme")).toBe("acme");
    expect(resellerOf(accounts, "acme_sales_east")).toBe("acme");
    expect(resellerOf(accounts, "plain")).toBe("root");
  });
});

describe("authorization.md §3.1: the read check (master form)", () => {
  it("allows system", () => {
    expect(passesReadCheck(facts({ requester: SYSTEM, owner: "globex" }))).toBe(true);
  });

  it("denies an empty requester on an owned number", () => {
    expect(passesReadCheck(facts({ requester: "", owner: "globex" }))).toBe(false);
  });

  it("allows only the super-duper admin when there is neither owner nor target", () => {
    expect(passesReadCheck(facts({ requester: "root", state: "released" }))).toBe(true);
    expect(passesReadCheck(facts({ requester: "acme", state: "released" }))).toBe(false);
  });

  it("checks ANC(requester, target) when there is no owner", () => {
    const unowned = { state: "discovery" } as const;
    expect(passesReadCheck(facts({ ...unowned, requester: "acme", target: "acme_sales" }))).toBe(
      true,
    );
    expect(passesReadCheck(facts({ ...unowned, requester: "acme_sales", target: "acme" }))).toBe(
      false,
    );
  });

  it("checks ANC(requester, owner) when there is an owner: requester = owner passes", () => {
    expect(passesReadCheck(facts({ requester: "acme_sales", owner: "acme_sales" }))).toBe(true);
    expect(passesReadCheck(facts({ requester: "acme", owner: "acme_sales" }))).toBe(true);
    expect(passesReadCheck(facts({ requester: "acme_sales_east", owner: "acme_sales" }))).toBe(
      false,
    );
    expect(passesReadCheck(facts({ requester: "globex", owner: "acme_sales" }))).toBe(false);
  });

  it("states.md §11 note 2: an available number is readable by anyone", () => {
    expect(
      passesReadCheck(facts({ requester: "globex_ops", owner: "acme", state: "available" })),
    ).toBe(true);
  });

  it("states.md §11 note 2: a descendant may read its parent's reserved number", () => {
    expect(
      passesReadCheck(facts({ requester: "acme_sales", owner: "acme", state: "reserved" })),
    ).toBe(true);
    expect(
      passesReadCheck(facts({ requester: "acme_sales", owner: "acme", state: "in_service" })),
    ).toBe(false);
  });

  it("a number reserved by the super-duper admin is readable by anyone", () => {
    expect(passesReadCheck(facts({ requester: "globex", owner: "root", state: "reserved" }))).toBe(
      true,
    );
  });

  it("the super-duper admin reads every number", () => {
    expect(
      passesReadCheck(facts({ requester: "root", owner: "globex_ops", state: "port_out" })),
    ).toBe(true);
  });
});

describe("states.md §4 AUTHORIZE (decisions.md D9: seed predicate)", () => {
  it("passes for system, the target itself and an ancestor of the target", () => {
    expect(passesAuthorize(facts({ requester: SYSTEM }))).toBe(true);
    expect(passesAuthorize(facts({ requester: "acme_sales", target: "acme_sales" }))).toBe(true);
    expect(passesAuthorize(facts({ requester: "acme", target: "acme_sales" }))).toBe(true);
  });

  it("fails for a descendant of the target, an unrelated account, or no target", () => {
    expect(passesAuthorize(facts({ requester: "acme_sales", target: "acme" }))).toBe(false);
    expect(passesAuthorize(facts({ requester: "globex", target: "acme" }))).toBe(false);
    expect(passesAuthorize(facts({ requester: "acme" }))).toBe(false);
  });

  it("ignores the current owner (D9: no re-check against the owner)", () => {
    expect(passesAuthorize(facts({ requester: "globex", target: "globex", owner: "acme" }))).toBe(
      true,
    );
  });
});

describe("states.md §4 AUTH_REASSIGN_RESERVED (§11 note 5: master form)", () => {
  it("passes for system and for a number without owner", () => {
    expect(mayReassignReserved(facts({ requester: SYSTEM, owner: "acme" }))).toBe(true);
    expect(mayReassignReserved(facts({ requester: "globex" }))).toBe(true);
  });

  it("authorization.md §11 note 5: requester = owner may hand its reserved number on", () => {
    expect(mayReassignReserved(facts({ requester: "acme", owner: "acme" }))).toBe(true);
  });

  it("passes for a strict ancestor and a strict descendant of the owner", () => {
    expect(mayReassignReserved(facts({ requester: "root", owner: "acme" }))).toBe(true);
    expect(mayReassignReserved(facts({ requester: "acme_sales", owner: "acme" }))).toBe(true);
  });

  it("fails for an account outside the owner's lineage", () => {
    expect(mayReassignReserved(facts({ requester: "globex", owner: "acme" }))).toBe(false);
    expect(mayReassignReserved(facts({ requester: "acme_support", owner: "acme_sales" }))).toBe(
      false,
    );
  });
});

describe("states.md §4 AUTH_RESERVED_TO_IN_SERVICE (seed)", () => {
  it("E7: a descendant puts its parent's reserved number in service for itself", () => {
    expect(
      mayPutReservedInService(
        facts({ requester: "acme_sales", owner: "acme", target: "acme_sales" }),
      ),
    ).toBe(true);
  });

  it("authorization.md §11 note 5: requester = owner = target passes", () => {
    expect(
      mayPutReservedInService(facts({ requester: "acme", owner: "acme", target: "acme" })),
    ).toBe(true);
  });

  it("a strict ancestor of the owner may put it in service below the owner", () => {
    expect(
      mayPutReservedInService(facts({ requester: "root", owner: "acme", target: "acme_sales" })),
    ).toBe(true);
  });

  it("fails when the new owner is not the owner or below it, even for system", () => {
    expect(
      mayPutReservedInService(facts({ requester: SYSTEM, owner: "acme", target: "globex" })),
    ).toBe(false);
  });

  it("fails for a requester outside the owner's lineage", () => {
    expect(
      mayPutReservedInService(facts({ requester: "globex", owner: "acme", target: "acme" })),
    ).toBe(false);
  });
});

describe("states.md §4 AUTH_IN_SERVICE_TRANSFER (seed)", () => {
  it("passes for system, requester = target, a requester below the target, a strict ancestor", () => {
    expect(mayTransferInService(facts({ requester: SYSTEM, target: "globex" }))).toBe(true);
    expect(mayTransferInService(facts({ requester: "globex", target: "globex" }))).toBe(true);
    expect(mayTransferInService(facts({ requester: "acme_sales", target: "acme" }))).toBe(true);
    expect(mayTransferInService(facts({ requester: "acme", target: "acme_sales" }))).toBe(true);
  });

  it("fails for a requester outside the target's lineage", () => {
    expect(mayTransferInService(facts({ requester: "globex", target: "acme" }))).toBe(false);
  });
});

describe("states.md §7.1 step 3: the release check", () => {
  it("passes for system, the admin, the owner and an ancestor of the owner", () => {
    for (const requester of [SYSTEM, "root", "acme_sales", "acme"]) {
      expect(mayRelease(facts({ requester, owner: "acme_sales" }))).toBe(true);
    }
  });

  it("fails for a descendant of the owner, an unrelated account, and anyone but system/admin when unowned", () => {
    expect(mayRelease(facts({ requester: "acme_sales_east", owner: "acme_sales" }))).toBe(false);
    expect(mayRelease(facts({ requester: "globex", owner: "acme_sales" }))).toBe(false);
    expect(mayRelease(facts({ requester: "acme" }))).toBe(false);
  });

  it("passes for the admin even when it is no ancestor of the owner", () => {
    expect(mayRelease(facts({ accounts: sideAdmin, requester: "admin", owner: "acme" }))).toBe(
      true,
    );
    expect(mayRelease(facts({ accounts: sideAdmin, requester: "shop", owner: "acme" }))).toBe(
      false,
    );
  });
});

describe("states.md §8: the hard-delete check", () => {
  it("passes only for system and the super-duper admin, not for the owner", () => {
    expect(mayHardDelete({ accounts, requester: SYSTEM })).toBe(true);
    expect(mayHardDelete({ accounts, requester: "root" })).toBe(true);
    expect(mayHardDelete({ accounts, requester: "acme" })).toBe(false);
  });
});

describe("authorization.md §4 and §11 note 2: who may add numbers", () => {
  it("allows system, the super-duper admin and accounts with pvt_wnm_allow_additions", () => {
    expect(mayAddNumbers(accounts, SYSTEM)).toBe(true);
    expect(mayAddNumbers(accounts, "root")).toBe(true);
    expect(mayAddNumbers(accounts, "acme")).toBe(true);
  });

  it("refuses other accounts and unknown ones", () => {
    expect(mayAddNumbers(accounts, "plain")).toBe(false);
    expect(mayAddNumbers(accounts, "ghost")).toBe(false);
  });

  it("refuses a reseller without pvt_wnm_allow_additions", () => {
    expect(mayAddNumbers(sideAdmin, "shop")).toBe(false);
    expect(mayAddNumbers(sideAdmin, "admin")).toBe(true);
  });

  it("lets the admin create in every state and an adding account only in service or reserved", () => {
    expect([...creatableStates(accounts, "root")].sort()).toEqual([
      "aging",
      "available",
      "in_service",
      "port_in",
      "reserved",
    ]);
    expect(creatableStates(accounts, "acme")).toEqual(
      expect.arrayContaining(["in_service", "reserved"]),
    );
    expect(creatableStates(accounts, "acme")).not.toContain("available");
    expect(creatableStates(accounts, "plain")).not.toContain("in_service");
  });
});

describe("decisions.md D7: the identify check", () => {
  it("passes for the admin, the owner and an ancestor of the owner", () => {
    for (const requester of ["root", "acme_sales", "acme"]) {
      expect(mayIdentify({ accounts, requester, owner: "acme_sales" })).toBe(true);
    }
  });

  it("fails for a descendant, an unrelated account, and anyone but the admin when unowned", () => {
    expect(mayIdentify({ accounts, requester: "acme_sales_east", owner: "acme_sales" })).toBe(
      false,
    );
    expect(mayIdentify({ accounts, requester: "globex", owner: "acme_sales" })).toBe(false);
    expect(mayIdentify({ accounts, requester: "acme", owner: undefined })).toBe(false);
    expect(mayIdentify({ accounts, requester: "root", owner: undefined })).toBe(true);
  });
});

describe("decisions.md D11: the request gate", () => {
  it("lets the URL account, its ancestors and the admin act", () => {
    expect(mayActOnAccount(accounts, "acme_sales", "acme_sales")).toBe(true);
    expect(mayActOnAccount(accounts, "acme", "acme_sales")).toBe(true);
    expect(mayActOnAccount(accounts, "root", "globex_ops")).toBe(true);
  });

  it("refuses descendants and unrelated accounts", () => {
    expect(mayActOnAccount(accounts, "acme_sales", "acme")).toBe(false);
    expect(mayActOnAccount(accounts, "globex", "acme")).toBe(false);
  });
});
