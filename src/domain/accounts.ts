/** The requester id of internal callers: it bypasses every authorization check. */
export const SYSTEM = "system";

/** The account facts the lifecycle needs (authorization.md §1). */
export interface Account {
  readonly id: string;
  readonly name?: string;
  /** Ancestor ids, root first (`pvt_tree`). */
  readonly tree: readonly string[];
  /** `pvt_superduper_admin`: the cluster's master account. */
  readonly superduperAdmin: boolean;
  /** `pvt_wnm_allow_additions`: may create numbers. */
  readonly allowAdditions: boolean;
  /** Flagged reseller by its services document. */
  readonly reseller: boolean;
  /** Manages the port requests of its sub-accounts (port-requests.md §3, P4). */
  readonly portAuthority?: boolean;
  /** `pvt_enabled` is not false. */
  readonly enabled: boolean;
  /** Reseller account config `number_manager.carrier_modules`: carriers searched below it. */
  readonly carrierModules?: readonly string[];
  /** Reseller account config `number_manager.allowed_features`: providers allowed below it. */
  readonly allowedFeatures?: readonly string[];
}

/** A read-only snapshot of the accounts an operation involves, keyed by id. */
export type AccountLookup = (id: string) => Account | undefined;

/** ANC(x, y): x is y or an ancestor of y; false when either is empty or y is unknown. */
export function isSelfOrAncestor(
  accounts: AccountLookup,
  x: string | undefined,
  y: string | undefined,
): boolean {
  if (!x || !y) return false;
  const target = accounts(y);
  if (target === undefined) return false;
  return x === y || target.tree.includes(x);
}

/** SANC(x, y): x is a strict ancestor of y. */
export function isStrictAncestor(
  accounts: AccountLookup,
  x: string | undefined,
  y: string | undefined,
): boolean {
  if (!x || !y || x === y) return false;
  return accounts(y)?.tree.includes(x) ?? false;
}

/** True when the account exists and is the super-duper admin. */
export function isSuperduperAdmin(accounts: AccountLookup, id: string | undefined): boolean {
  return id !== undefined && (accounts(id)?.superduperAdmin ?? false);
}

/**
 * A setting read "from the reseller" (config.md §9 note 2): the owner's reseller's account
 * config, falling back to the system value.
 */
export function fromReseller<T>(
  accounts: AccountLookup,
  id: string | undefined,
  read: (account: Account) => T | undefined,
  fallback: T,
): T {
  const reseller = id === undefined ? undefined : resellerOf(accounts, id);
  const account = reseller === undefined ? undefined : accounts(reseller);
  return (account === undefined ? undefined : read(account)) ?? fallback;
}

/** The account's reseller: itself when flagged reseller, else its nearest reseller ancestor. */
export function resellerOf(accounts: AccountLookup, id: string): string | undefined {
  const account = accounts(id);
  if (account === undefined) return undefined;
  if (account.reseller) return account.id;
  for (let i = account.tree.length - 1; i >= 0; i--) {
    const ancestorId = account.tree[i];
    if (ancestorId !== undefined && accounts(ancestorId)?.reseller) return ancestorId;
  }
  return account.tree[0];
}

/** The master account above an account (the first super-duper admin of its tree, or itself). */
export function masterOf(accounts: AccountLookup, id: string): string | undefined {
  if (isSuperduperAdmin(accounts, id)) return id;
  return accounts(id)?.tree.find((ancestor) => isSuperduperAdmin(accounts, ancestor));
}

/**
 * The port authority of an account's requests (port-requests.md §3): the master for the master
 * itself; else the nearest strict ancestor flagged `portAuthority`; else the master account.
 */
export function findPortAuthority(accounts: AccountLookup, id: string): string {
  if (isSuperduperAdmin(accounts, id)) return id;
  const tree = accounts(id)?.tree ?? [];
  for (let i = tree.length - 1; i >= 0; i--) {
    const ancestor = tree[i] as string;
    if (accounts(ancestor)?.portAuthority === true) return ancestor;
  }
  return masterOf(accounts, id) ?? tree[0] ?? id;
}
