import { isJsonObject, setOwn, type JsonObject } from "../../domain/json.js";
import { toE164 } from "../../domain/normalization.js";
import {
  portFail,
  portOk,
  type PortFailure,
  type PortResult,
} from "../../domain/port-request-errors.js";
import { PORT_STATES, PORT_SETS, type PortState } from "../../domain/port-states.js";
import type { PortRequestRecord } from "../../domain/port-request.js";
import type { Awaitable } from "../../ports/awaitable.js";
import type { NumberGuard } from "../../ports/repository.js";
import type { EngineContext } from "../context.js";

/** A request's numbers after normalization: E.164 -> value, and E.164 -> the key as given. */
export interface NormalizedNumbers {
  readonly numbers: JsonObject;
  readonly given: ReadonlyMap<string, string>;
}

/** The PORTING states of a request (§7). */
const PORTING_STATES: readonly PortState[] = ["submitted", "pending", "scheduled"];

const OPEN_STATES = PORT_STATES.filter((s) => PORT_SETS.active.has(s));

const typeEntry = (message: string, cause: string): JsonObject => ({
  type: { message, cause },
});

/** Normalizes number keys to E.164 (§5.3); a key that does not reconcile fails (P16). */
export function normalizeNumbers(
  ctx: EngineContext,
  numbers: JsonObject,
): { ok: true; value: NormalizedNumbers } | { ok: false; error: PortFailure } {
  const out: JsonObject = {};
  const given = new Map<string, string>();
  const errors: JsonObject = {};
  for (const [key, value] of Object.entries(numbers)) {
    const e164 = toE164(key, ctx.rules);
    if (e164 === undefined) {
      setOwn(errors, key, typeEntry("Number is not reconcilable", key));
      continue;
    }
    setOwn(out, e164, isJsonObject(value) ? value : {});
    given.set(e164, key);
  }
  if (Object.keys(errors).length > 0)
    return { ok: false, error: { kind: "validation", data: errors } };
  return { ok: true, value: { numbers: out, given } };
}

/**
 * The number checks of §6.1 with P5, for a request of `account` (its own id `self`, if stored):
 * a number in another open request, or with an owned record, is refused; one entry per
 * refused number, keyed and caused by the number as given (C9). Passing, it answers the
 * guards of the numbers as read: the commit that takes them holds only if none moved since.
 */
export async function numberConflicts(
  ctx: EngineContext,
  account: string,
  self: string | undefined,
  numbers: NormalizedNumbers,
): Promise<PortResult<readonly NumberGuard[]>> {
  const errors: JsonObject = {};
  const keys = Object.keys(numbers.numbers);
  const records = await ctx.deps.repository.getMany(keys);
  for (const number of keys) {
    const asGiven = numbers.given.get(number) ?? number;
    const open = (await ctx.portRequests.findPortRequests({ number, states: OPEN_STATES })).find(
      (r) => r.id !== self && Object.hasOwn(r.numbers, number),
    );
    if (open !== undefined) {
      const message =
        open.account === account
          ? `Number is on a port request already: ${open.id}`
          : "Number is being ported for a different account";
      setOwn(errors, asGiven, typeEntry(message, asGiven));
    } else if (records.get(number)?.record.assignedTo !== undefined) {
      setOwn(errors, asGiven, typeEntry("Number exists on the system already", asGiven));
    }
  }
  if (Object.keys(errors).length > 0) return portFail({ kind: "validation", data: errors });
  return portOk(
    keys.map((number) => ({ number, expected: records.get(number)?.revision ?? null })),
  );
}

/** The one PORTING request holding a number (submitted, pending or scheduled), if any (§7). */
export function portingRequestOf(
  ctx: EngineContext,
  number: string,
): Awaitable<PortRequestRecord | undefined> {
  const found = ctx.portRequests.findPortRequests({ number, states: PORTING_STATES });
  const holding = (requests: readonly PortRequestRecord[]): PortRequestRecord | undefined =>
    requests.find((r) => Object.hasOwn(r.numbers, number));
  return found instanceof Promise ? found.then(holding) : holding(found);
}
