import {
  SYSTEM,
  isSelfOrAncestor,
  isStrictAncestor,
  isSuperduperAdmin,
  type AccountLookup,
} from "./accounts.js";
import type { NumberState } from "./states.js";

/** What the authorization predicates look at for one number and one operation. */
export interface AuthFacts {
  readonly accounts: AccountLookup;
  /** The authenticated account, or `system`. */
  readonly requester: string;
  /** The account the operation gives the number to (URL account), if any. */
  readonly target?: string | undefined;
  /** The number's current owner, if any. */
  readonly owner?: string | undefined;
  /** The number's stored state. */
  readonly state: NumberState;
}

const isSystem = (f: AuthFacts): boolean => f.requester === SYSTEM;
const isAdmin = (f: AuthFacts): boolean => isSuperduperAdmin(f.accounts, f.requester);

/** Seed read-check core with master's super-duper short-cut (authorization.md §3.1). */
function seedReadCheck(f: AuthFacts): boolean {
  if (isSystem(f)) return true;
  if (!f.requester) return false;
  if (isAdmin(f)) return true;
  if (f.owner) return isSelfOrAncestor(f.accounts, f.requester, f.owner);
  if (f.target) return isSelfOrAncestor(f.accounts, f.requester, f.target);
  return false;
}

/**
 * Read check, master form (authorization.md §3.1, states.md §11 note 2): pool numbers are
 * readable by anyone; otherwise the seed rule; otherwise "reserved from parent".
 */
export function passesReadCheck(f: AuthFacts): boolean {
  if (f.state === "available") return true;
  if (seedReadCheck(f)) return true;
  return (
    f.state === "reserved" &&
    f.owner !== undefined &&
    (isSuperduperAdmin(f.accounts, f.owner) || isSelfOrAncestor(f.accounts, f.owner, f.requester))
  );
}

/** AUTHORIZE, seed predicate (decisions.md D9): system, or the target or an ancestor of it. */
export function passesAuthorize(f: AuthFacts): boolean {
  return isSystem(f) || isSelfOrAncestor(f.accounts, f.requester, f.target);
}

/**
 * AUTH_REASSIGN_RESERVED as states.md §11 note 5 recommends: system, an unowned number,
 * the owner or an ancestor of it, or a strict descendant of the owner.
 */
export function mayReassignReserved(f: AuthFacts): boolean {
  return (
    isSystem(f) ||
    !f.owner ||
    isSelfOrAncestor(f.accounts, f.requester, f.owner) ||
    isStrictAncestor(f.accounts, f.owner, f.requester)
  );
}

/**
 * AUTH_RESERVED_TO_IN_SERVICE, seed (states.md §4): the new owner is the owner or below it,
 * and the requester is the owner, below it, or strictly above it.
 */
export function mayPutReservedInService(f: AuthFacts): boolean {
  return (
    isSelfOrAncestor(f.accounts, f.owner, f.target) &&
    (isSystem(f) ||
      isSelfOrAncestor(f.accounts, f.owner, f.requester) ||
      isStrictAncestor(f.accounts, f.requester, f.owner))
  );
}

/** AUTH_IN_SERVICE_TRANSFER, seed: requester at or below the target, or strictly above it. */
export function mayTransferInService(f: AuthFacts): boolean {
  return (
    isSystem(f) ||
    isSelfOrAncestor(f.accounts, f.target, f.requester) ||
    isStrictAncestor(f.accounts, f.requester, f.target)
  );
}

/** Release check (states.md §7.1 step 3, §7.2 step 3): system, the admin, the owner or an ancestor. */
export function mayRelease(f: AuthFacts): boolean {
  return isSystem(f) || isAdmin(f) || isSelfOrAncestor(f.accounts, f.requester, f.owner);
}

/** Hard-delete check (states.md §8): system or the super-duper admin. */
export function mayHardDelete(f: Pick<AuthFacts, "accounts" | "requester">): boolean {
  return f.requester === SYSTEM || isSuperduperAdmin(f.accounts, f.requester);
}

/**
 * May the requester add numbers (authorization.md §4, §11 note 2): system, the super-duper
 * admin, or an account with `pvt_wnm_allow_additions`.
 */
export function mayAddNumbers(accounts: AccountLookup, requester: string): boolean {
  if (requester === SYSTEM) return true;
  const account = accounts(requester);
  return account !== undefined && (account.superduperAdmin || account.allowAdditions);
}

/** States a requester may ask for with `create_with_state` (authorization.md §4, master). */
export function creatableStates(
  accounts: AccountLookup,
  requester: string,
): readonly NumberState[] {
  if (requester === SYSTEM || isSuperduperAdmin(accounts, requester)) {
    return ["aging", "available", "in_service", "port_in", "reserved"];
  }
  return accounts(requester)?.allowAdditions ? ["in_service", "reserved", "port_in"] : ["port_in"];
}

/** Identify check (decisions.md D7): the super-duper admin, the owner or an ancestor of it. */
export function mayIdentify(f: Pick<AuthFacts, "accounts" | "requester" | "owner">): boolean {
  return (
    f.requester === SYSTEM ||
    isSuperduperAdmin(f.accounts, f.requester) ||
    isSelfOrAncestor(f.accounts, f.requester, f.owner)
  );
}

/** Request gate (decisions.md D11): the URL account itself, an ancestor, or the admin. */
export function mayActOnAccount(
  accounts: AccountLookup,
  requester: string,
  urlAccount: string,
): boolean {
  return (
    isSuperduperAdmin(accounts, requester) || isSelfOrAncestor(accounts, requester, urlAccount)
  );
}
