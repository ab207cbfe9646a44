import type { AccountLookup } from "../domain/accounts.js";
import { passesReadCheck } from "../domain/authorization.js";
import { fail, ok, type Result } from "../domain/errors.js";
import { toE164 } from "../domain/normalization.js";
import type { StoredNumber } from "../ports/repository.js";
import type { EngineContext } from "./context.js";
import { readCurrent } from "./hold-expiry.js";
import { wait, type Flow } from "./flow.js";

/** A number loaded for a requester: its E.164 form, its stored record and the accounts involved. */
export interface Loaded {
  readonly number: string;
  readonly stored: StoredNumber;
  readonly accounts: AccountLookup;
}

/** Normalizes an input; a non-reconcilable one fails with `not_reconcilable`. */
export function reconcile(ctx: EngineContext, input: string): Result<string> {
  const number = toE164(input, ctx.rules);
  return number === undefined ? fail({ reason: "not_reconcilable", input }) : ok(number);
}

/**
 * Loads a number the way every single-number operation does (authorization.md §3.1):
 * reconcile, read (expiring a run-out hold first), then the read check against the requester
 * (and the target, if any).
 */
export function* loadForRequester(
  ctx: EngineContext,
  input: string,
  requester: string,
  target?: string,
  dryRun = false,
): Flow<Result<Loaded>> {
  const reconciled = reconcile(ctx, input);
  if (!reconciled.ok) return reconciled;
  const number = reconciled.value;
  const stored = yield* readCurrent(ctx, number, dryRun);
  if (stored === undefined) return fail({ reason: "not_found", number });
  const owner = stored.record.assignedTo;
  const accounts = yield* wait(ctx.accountLookup([requester, target, owner]));
  const readable = passesReadCheck({
    accounts,
    requester,
    target,
    owner,
    state: stored.record.state,
  });
  return readable ? ok({ number, stored, accounts }) : fail({ reason: "unauthorized" });
}
