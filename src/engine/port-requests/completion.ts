import { SYSTEM } from "../../domain/accounts.js";
import { carrierName } from "../../domain/config.js";
import { errorObject } from "../../domain/errors.js";
import type { NumberEventDraft } from "../../domain/events.js";
import { isJsonObject, setOwn, type JsonObject } from "../../domain/json.js";
import type { PortRequestRecord } from "../../domain/port-request.js";
import { recordPatches } from "../../domain/record-patches.js";
import { makeRecord } from "../../domain/record.js";
import type { NumberGuard, NumberWrite } from "../../ports/repository.js";
import type { EngineContext } from "../context.js";

/** The number writes of a completion, or the per-number failures that refuse it (P8). */
export type HandOver =
  | {
      readonly ok: true;
      readonly writes: readonly NumberWrite[];
      /** The numbers already in service for the account, kept as they were read. */
      readonly guards: readonly NumberGuard[];
    }
  | { readonly ok: false; readonly failures: JsonObject };

/**
 * The numbers of a completion (§6.3, P7, P10, C11, C24): each number of the request becomes
 * `in_service` for the request's account, ported in, on `port_in_module_name`, with `port_id`;
 * an unowned record is taken over (keeping its `created`); one already in service for the
 * account is left alone (guarded as read); any other owned record fails the whole completion with 409.
 */
export async function handOverNumbers(
  ctx: EngineContext,
  request: PortRequestRecord,
): Promise<HandOver> {
  const numbers = Object.keys(request.numbers).sort();
  const existing = await ctx.deps.repository.getMany(numbers);
  const owner = request.account;
  const now = ctx.now();
  const writes: NumberWrite[] = [];
  const guards: NumberGuard[] = [];
  const failures: JsonObject = {};
  for (const number of numbers) {
    const stored = existing.get(number);
    const before = stored?.record;
    if (stored !== undefined && before?.assignedTo === owner && before.state === "in_service") {
      guards.push({ number, expected: stored.revision });
      continue;
    }
    if (before?.assignedTo !== undefined) {
      const error = errorObject({ reason: "number_exists", number });
      setOwn(failures, number, {
        code: error.code,
        error: error.error,
        message: error.message,
        cause: number,
      });
      continue;
    }
    const entry = request.numbers[number];
    const usedBy =
      isJsonObject(entry) && typeof entry["used_by"] === "string" ? entry["used_by"] : undefined;
    const record = makeRecord({
      number,
      state: "in_service",
      assignedTo: owner,
      carrier: carrierName(ctx.config.port_in_module_name),
      portedIn: true,
      usedBy,
      public: { port_id: request.id },
      now,
      created: before?.created ?? now,
    });
    const event: NumberEventDraft = {
      type: "number",
      number,
      operation: "port_completion",
      from: before?.state ?? null,
      to: "in_service",
      account_id: SYSTEM,
      owner_before: null,
      owner_after: owner,
      timestamp: now,
      patches: recordPatches(before, record),
    };
    writes.push({ number, record, expected: stored?.revision ?? null, events: [event] });
  }
  return Object.keys(failures).length > 0 ? { ok: false, failures } : { ok: true, writes, guards };
}
