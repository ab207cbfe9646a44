import { SYSTEM, isSelfOrAncestor, isSuperduperAdmin } from "../../domain/accounts.js";
import { isJsonObject, type JsonObject } from "../../domain/json.js";
import type { PortRequestEvent } from "../../domain/port-request-events.js";
import type { PortRequestRecord } from "../../domain/port-request.js";
import type { EngineContext } from "../context.js";
import type { Awaitable } from "../../ports/awaitable.js";
import { movePortRequest } from "./moves.js";
import { portingRequestOf } from "./numbers.js";
import { commitRequest, eventBase } from "./write.js";

/** What the sweep did to port requests (§11). */
export interface PortSweepCounts {
  readonly deletedPortRequests: number;
  readonly portReminders: number;
}

/**
 * §6.4: a call for a number with no record that is in a PORTING request completes that request
 * as `system` with reason `inbound call` (the table still applies: a `submitted` one stays). A
 * failed completion changes nothing and the call is not refused.
 */
export async function completeOnCall(ctx: EngineContext, number: string): Promise<void> {
  if (!ctx.config.fetch_account_from_ports) return;
  const request = await portingRequestOf(ctx, number);
  if (request === undefined) return;
  await movePortRequest(ctx, { requester: SYSTEM, account: request.account }, request.id, {
    target: "completed",
    reason: "inbound call",
  });
}

/**
 * P11 (amending D7), C16: the account of a number with no record that is in a PORTING request,
 * for the request's account, its ancestors and the super-duper admin; undefined otherwise.
 */
export async function identifyThroughPorts(
  ctx: EngineContext,
  number: string,
  requester: string,
): Promise<string | undefined> {
  if (!ctx.config.fetch_account_from_ports) return undefined;
  const request = await portingRequestOf(ctx, number);
  if (request === undefined) return undefined;
  const accounts = await ctx.accountLookup([requester, request.account]);
  const allowed =
    isSuperduperAdmin(accounts, requester) ||
    isSelfOrAncestor(accounts, requester, request.account);
  return allowed ? request.account : undefined;
}

/** §7.1: the number is in a PORTING request of any account (a create answers `number_is_porting`). */
export function isPorting(ctx: EngineContext, number: string): Awaitable<boolean> {
  const holder = portingRequestOf(ctx, number);
  return holder instanceof Promise
    ? holder.then((request) => request !== undefined)
    : holder !== undefined;
}

const SWEPT_STATES = ["unconfirmed", "rejected", "canceled", "completed"] as const;

/**
 * The port request clean-up of §11 (P12b): deletes requests left unchanged longer than
 * `unfinished_port_request_lifetime_s` unless they are progressing, then reminds of each
 * remaining `unconfirmed` one; each in `created`, then `id`, order (C4).
 */
export async function sweepPortRequests(ctx: EngineContext): Promise<PortSweepCounts> {
  const now = ctx.now();
  const lifetime = ctx.config.unfinished_port_request_lifetime_s;
  let deletedPortRequests = 0;
  const expired = await ctx.portRequests.findPortRequests({ states: SWEPT_STATES });
  for (const record of expired) {
    if (record.modified + lifetime >= now) continue;
    const stored = await ctx.portRequests.getPortRequest(record.id);
    if (stored === undefined || stored.record.modified !== record.modified) continue;
    const event: PortRequestEvent = {
      type: "port_request.deleted",
      ...eventBase(ctx, record, SYSTEM),
      state: record.state,
      by: "sweep",
    };
    if (await tryCommit(ctx, record, stored.revision, null, event)) deletedPortRequests++;
  }
  let portReminders = 0;
  if (ctx.config.port_unconfirmed_reminders) {
    for (const record of await ctx.portRequests.findPortRequests({ states: ["unconfirmed"] })) {
      const stored = await ctx.portRequests.getPortRequest(record.id);
      if (stored === undefined) continue;
      const event: PortRequestEvent = {
        type: "port_request.unconfirmed_reminder",
        ...eventBase(ctx, record, SYSTEM),
      };
      if (await tryCommit(ctx, record, stored.revision, stored.record, event)) portReminders++;
    }
  }
  return { deletedPortRequests, portReminders };
}

/** Commits one sweep change; a lost race leaves the request to the next sweep. */
async function tryCommit(
  ctx: EngineContext,
  record: PortRequestRecord,
  revision: number,
  next: PortRequestRecord | null,
  event: PortRequestEvent,
): Promise<boolean> {
  try {
    await commitRequest(ctx, record.id, { record, revision }, next, [event]);
    return true;
  } catch {
    return false;
  }
}

/**
 * §7.3 (C15, C22): one listing entry per number of the account's LISTED requests
 * (`submitted`, `pending`, `scheduled`, `rejected`), as `port_in` with the request's id and state.
 */
export async function listedPortEntries(
  ctx: EngineContext,
  account: string,
): Promise<Map<string, JsonObject>> {
  const out = new Map<string, JsonObject>();
  const requests = await ctx.portRequests.findPortRequests({
    account,
    states: ["submitted", "pending", "scheduled", "rejected"],
  });
  for (const request of requests) {
    for (const [number, entry] of Object.entries(request.numbers)) {
      const usedBy = isJsonObject(entry) ? entry["used_by"] : undefined;
      out.set(number, {
        state: "port_in",
        features: [],
        assigned_to: account,
        ...(usedBy === undefined ? {} : { used_by: usedBy }),
        created: request.created,
        updated: request.modified,
        port_id: request.id,
        port_state: request.state,
      });
    }
  }
  return out;
}
