import { SYSTEM, masterOf, type AccountLookup } from "../../domain/accounts.js";
import type { JsonObject } from "../../domain/json.js";
import type { PortRequestEvent } from "../../domain/port-request-events.js";
import type { PortRequestRecord } from "../../domain/port-request.js";
import type { PortState } from "../../domain/port-states.js";
import { portFail, type PortResult } from "../../domain/port-request-errors.js";
import { PortNumberConflictError, type StoredPortRequest } from "../../ports/port-requests.js";
import {
  RevisionConflictError,
  type NumberGuard,
  type NumberWrite,
} from "../../ports/repository.js";
import type { EngineContext } from "../context.js";

/** What a transition entry records (§2.5). */
export interface TransitionFacts {
  readonly from?: PortState;
  readonly to: PortState;
  readonly reason?: string | undefined;
  /** The requester, or `system` (then the master account is named, C2). */
  readonly requester: string;
  readonly record: PortRequestRecord;
}

/** A transition entry of §2.5 (keys without a value omitted). */
export function transitionEntry(
  ctx: EngineContext,
  accounts: AccountLookup,
  facts: TransitionFacts,
): JsonObject {
  const id =
    facts.requester === SYSTEM
      ? (masterOf(accounts, facts.record.account) ?? SYSTEM)
      : facts.requester;
  const name = accounts(id)?.name;
  const account: JsonObject = name === undefined ? { id } : { id, name };
  const reason = facts.reason === undefined ? {} : { reason: facts.reason };
  return {
    type: "transition",
    timestamp: ctx.now(),
    ...reason,
    transition:
      facts.from === undefined ? { new: facts.to } : { previous: facts.from, new: facts.to },
    authorization: { ...reason, account },
  };
}

/** The fields every port request event carries (§9). */
export function eventBase(
  ctx: EngineContext,
  record: PortRequestRecord,
  requester: string,
): Pick<PortRequestEvent, "port_request_id" | "account_id" | "timestamp" | "acting_account_id"> {
  return {
    port_request_id: record.id,
    account_id: record.account,
    timestamp: ctx.now(),
    acting_account_id: requester,
  };
}

/** One `commented` event per new comment, in list order. */
export function commentEvents(
  ctx: EngineContext,
  record: PortRequestRecord,
  requester: string,
  added: readonly JsonObject[],
): PortRequestEvent[] {
  return added.map((comment) => ({
    type: "port_request.commented",
    ...eventBase(ctx, record, requester),
    comment,
  }));
}

/** What a request's commit carries besides the request: number writes and number guards. */
export interface NumberSide {
  /** Numbers written with the request (a completion's hand-over). */
  readonly writes?: readonly NumberWrite[];
  /** Numbers the request takes without writing them, at the revisions its checks read. */
  readonly guards?: readonly NumberGuard[];
}

/**
 * Commits a request's new version (or its deletion) over the one read, with its events, any
 * number writes first, and guards on the numbers its checks read: one batch, so a store applies
 * all of it or nothing (P8), and a number that moved since the checks fails the commit. Inside
 * a unit of work (a keyed request, extensions.md X2) the batch is staged and commits with the
 * kept answer.
 */
export async function commitRequest(
  ctx: EngineContext,
  id: string,
  stored: StoredPortRequest | undefined,
  record: PortRequestRecord | null,
  events: readonly PortRequestEvent[],
  numbers: NumberSide = {},
): Promise<void> {
  const guards = numbers.guards ?? [];
  await ctx.commitOrStage({
    writes: numbers.writes ?? [],
    portRequests: [{ id, record, expected: stored?.revision ?? null, events }],
    ...(guards.length === 0 ? {} : { guards }),
  });
}

/** How many times an operation runs when its commit keeps losing races. */
const ATTEMPTS = 3;

/**
 * Runs an operation that reads, decides and commits, again when its commit lost a race (a
 * revision moved, or the store refused a number held by another open request, P5: the next
 * attempt's checks then name it). A store failure, or a third lost race, is `database_error`.
 */
export async function withRetries<T>(
  attempt: () => Promise<PortResult<T>>,
): Promise<PortResult<T>> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (thrown) {
      const race =
        thrown instanceof RevisionConflictError || thrown instanceof PortNumberConflictError;
      if (race && i < ATTEMPTS) continue;
      return portFail({
        kind: "database_error",
        cause: race ? "conflict" : thrown instanceof Error ? thrown.message : String(thrown),
      });
    }
  }
}
