import { findPortAuthority, isSuperduperAdmin, type AccountLookup } from "../../domain/accounts.js";
import type { JsonObject } from "../../domain/json.js";
import { portFail, portOk, type PortResult } from "../../domain/port-request-errors.js";
import {
  isPrivateComment,
  portRequestView,
  type PortRequestRecord,
} from "../../domain/port-request.js";
import type { StoredPortRequest } from "../../ports/port-requests.js";
import type { EngineContext } from "../context.js";

/** Who asks, through which account of the URL. */
export interface PortAsker {
  /** The authenticated account. */
  readonly requester: string;
  /** The account named in the URL (`/v2/accounts/{A}/…`). */
  readonly account: string;
}

/** P3: a request is reachable through account A only if it belongs to A or a descendant of A. */
export function isVisibleThrough(record: PortRequestRecord, account: string): boolean {
  return record.account === account || record.tree.includes(account);
}

/** Loads a request reachable through the URL account, else 404 `bad_identifier` (P3). */
export async function loadVisible(
  ctx: EngineContext,
  asker: PortAsker,
  id: string,
): Promise<PortResult<StoredPortRequest>> {
  const stored = await ctx.portRequests.getPortRequest(id);
  if (stored === undefined || !isVisibleThrough(stored.record, asker.account)) {
    return portFail({ kind: "bad_identifier" });
  }
  return portOk(stored);
}

/** A request loaded for a change, with the accounts that decide it. */
export interface LoadedForChange {
  readonly stored: StoredPortRequest;
  readonly current: PortRequestRecord;
  /** The requester, the URL account and the request's account, with their ancestors. */
  readonly accounts: AccountLookup;
}

/** Loads a visible request (P3) and the accounts an update or a move decides with. */
export async function loadForChange(
  ctx: EngineContext,
  asker: PortAsker,
  id: string,
): Promise<PortResult<LoadedForChange>> {
  const loaded = await loadVisible(ctx, asker, id);
  if (!loaded.ok) return loaded;
  const current = loaded.value.record;
  const accounts = await ctx.accountLookup([asker.requester, asker.account, current.account]);
  return portOk({ stored: loaded.value, current, accounts });
}

/** The requester has the powers of the request's port authority (§3): it, or the super-duper admin. */
export function hasAuthorityOver(
  accounts: AccountLookup,
  record: PortRequestRecord,
  requester: string,
): boolean {
  return requester === record.portAuthority || isSuperduperAdmin(accounts, requester);
}

/**
 * May see private comments (§4.4, C17): the request's port authority, the port authority
 * computed for the URL account, or the super-duper admin.
 */
export function maySeePrivate(
  accounts: AccountLookup,
  record: PortRequestRecord,
  asker: PortAsker,
): boolean {
  return (
    hasAuthorityOver(accounts, record, asker.requester) ||
    findPortAuthority(accounts, asker.account) === asker.requester
  );
}

/** The comments the asker may see (§4.4). */
export function visibleComments(
  accounts: AccountLookup,
  record: PortRequestRecord,
  asker: PortAsker,
): JsonObject[] {
  const all = maySeePrivate(accounts, record, asker);
  return record.comments.filter((c) => all || !isPrivateComment(c));
}

/** The view of a request (§5.1) as the asker may see it. */
export function viewFor(
  accounts: AccountLookup,
  record: PortRequestRecord,
  asker: PortAsker,
): JsonObject {
  return portRequestView(record, visibleComments(accounts, record, asker));
}
