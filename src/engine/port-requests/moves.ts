import type { JsonObject } from "../../domain/json.js";
import { KAZOO_NOTIFICATIONS, type PortRequestEvent } from "../../domain/port-request-events.js";
import {
  portFail,
  portOk,
  type PortFailure,
  type PortResult,
} from "../../domain/port-request-errors.js";
import { schemaErrors } from "../../domain/port-request-schema.js";
import { scheduledDateOf } from "../../domain/port-schedule.js";
import {
  allPublicFields,
  portPublicFieldsOf,
  sortedNumbers,
  splitPublicFields,
  type PortRequestRecord,
} from "../../domain/port-request.js";
import type { PortTarget } from "../../domain/port-states.js";
import { mergePatch } from "../../domain/record.js";
import type { PortRejectReason } from "../../machine/port-request-machine.js";
import { decidePortMove } from "../../machine/port-request-table.js";
import type { EngineContext } from "../context.js";
import { hasAuthorityOver, loadForChange, viewFor, type PortAsker } from "./access.js";
import { mergeComments } from "./comments.js";
import { handOverNumbers } from "./completion.js";
import { normalizeNumbers, numberConflicts } from "./numbers.js";
import {
  commentEvents,
  commitRequest,
  eventBase,
  transitionEntry,
  withRetries,
  type NumberSide,
} from "./write.js";

/** A move of §5.7: the target and the optional reason and body. */
export interface PortMove {
  readonly target: PortTarget;
  /** Public fields merged into the request before the move (PATCH rule, no state restriction). */
  readonly body?: JsonObject | undefined;
  /** `?reason=`; the body's `reason` wins (C18). */
  readonly reason?: string | undefined;
}

const REFUSALS: Record<PortRejectReason, (target: PortTarget) => PortFailure> = {
  not_allowed: (target) => ({
    kind: "validation",
    data: {
      port_state: {
        enum: {
          message:
            "you're not allowed to change to new state from current state, please contact your port authority",
          cause: target,
        },
      },
    },
  }),
  cannot_move: (target) => ({
    kind: "validation",
    data: {
      port_state: {
        enum: { message: "Cannot move to new state from current state", cause: target },
      },
    },
  }),
  schedule_required: () => ({
    kind: "validation",
    data: {
      scheduled_date: { required: { message: "scheduled_date or schedule_on is required" } },
    },
  }),
};

/** The request after the move's body: merged, validated (§8.2, P16), comments applied. */
function mergedRequest(
  ctx: EngineContext,
  current: PortRequestRecord,
  move: PortMove,
  requester: string,
  authority: boolean,
): PortResult<{ record: PortRequestRecord; added: readonly JsonObject[] }> {
  const fields = mergePatch(allPublicFields(current), portPublicFieldsOf(move.body ?? {}));
  const schema = schemaErrors(fields, current.state === "completed");
  if (schema !== undefined) return portFail({ kind: "validation", data: schema });
  const split = splitPublicFields(fields);
  const normalized = normalizeNumbers(ctx, split.numbers);
  if (!normalized.ok) return normalized;
  const comments = mergeComments(current.comments, fields["comments"], requester, authority);
  if (!comments.ok) return comments;
  const record: PortRequestRecord = {
    ...current,
    name: split.name,
    numbers: normalized.value.numbers,
    public: split.public,
    comments: comments.value.comments,
  };
  return portOk({ record, added: comments.value.added });
}

/**
 * A move (§5.7): load, merge and validate the body, comments, then the machine decides
 * (permission, table, date); the steps run (P5 re-check on submit, the date of `schedule_on`,
 * the hand-over of a completion) and the request, its transition and every number are
 * committed together with their events. Any failure changes nothing (P8).
 */
export function movePortRequest(
  ctx: EngineContext,
  asker: PortAsker,
  id: string,
  move: PortMove,
): Promise<PortResult<JsonObject>> {
  return withRetries(async () => {
    const loaded = await loadForChange(ctx, asker, id);
    if (!loaded.ok) return loaded;
    const { stored, current, accounts } = loaded.value;
    const authority = hasAuthorityOver(accounts, current, asker.requester);
    const merged = mergedRequest(ctx, current, move, asker.requester, authority);
    if (!merged.ok) return merged;
    let record = merged.value.record;
    const bodyReason = move.body?.["reason"];
    const reason = typeof bodyReason === "string" ? bodyReason : move.reason;
    const decision = decidePortMove(current.state, move.target, {
      accounts,
      requester: asker.requester,
      account: current.account,
      portAuthority: current.portAuthority,
      hasScheduleDate:
        record.public["schedule_on"] !== undefined ||
        Number.isInteger(record.public["scheduled_date"]),
      config: ctx.config,
    });
    if (decision.kind === "reject") return portFail(REFUSALS[decision.reason](move.target));
    let numberSide: NumberSide = {};
    const numbersBefore = sortedNumbers(record.numbers);
    for (const step of decision.steps) {
      switch (step) {
        case "checkNumbers": {
          const given = new Map(numbersBefore.map((n) => [n, n]));
          const numbers = { numbers: { ...record.numbers }, given };
          const checked = await numberConflicts(ctx, record.account, record.id, numbers);
          if (!checked.ok) return checked;
          numberSide = { guards: checked.value };
          break;
        }
        case "setScheduledDate": {
          const on = record.public["schedule_on"];
          if (on === undefined) break;
          const date = scheduledDateOf(on);
          if (!date.ok) return portFail(date.error);
          record = { ...record, public: { ...record.public, scheduled_date: date.value } };
          break;
        }
        case "handOverNumbers": {
          const handOver = await handOverNumbers(ctx, record);
          if (!handOver.ok) return portFail({ kind: "completion_failed", data: handOver.failures });
          numberSide = { writes: handOver.writes, guards: handOver.guards };
          record = { ...record, numbers: {}, portedNumbers: { ...record.numbers } };
          break;
        }
        case "recordTransition": {
          const entry = transitionEntry(ctx, accounts, {
            from: current.state,
            to: decision.target,
            reason,
            requester: asker.requester,
            record,
          });
          record = {
            ...record,
            state: decision.target,
            transitions: [entry, ...record.transitions],
          };
          break;
        }
        case "save":
          record = { ...record, modified: ctx.now() };
          break;
      }
    }
    const transitioned: PortRequestEvent = {
      type: "port_request.transitioned",
      ...eventBase(ctx, record, asker.requester),
      from: current.state,
      to: decision.target,
      ...(reason === undefined ? {} : { reason }),
      kazoo_notification: KAZOO_NOTIFICATIONS[decision.target],
      numbers: numbersBefore,
      ...(decision.target === "completed" ? { ported_numbers: numbersBefore } : {}),
    };
    const events = [
      transitioned,
      ...commentEvents(ctx, record, asker.requester, merged.value.added),
    ];
    await commitRequest(ctx, id, stored, record, events, numberSide);
    return portOk(viewFor(accounts, record, asker));
  });
}
