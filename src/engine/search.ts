import { fromReseller, resellerOf, type AccountLookup } from "../domain/accounts.js";
import { carrierName } from "../domain/config.js";
import { fail, ok, type Result } from "../domain/errors.js";
import type { JsonObject } from "../domain/json.js";
import { searchPrefix } from "../domain/normalization.js";
import { makeRecord } from "../domain/record.js";
import type { Carrier, CarrierOffer } from "../ports/carrier.js";
import { RevisionConflictError, singleWrite } from "../ports/repository.js";
import type { EngineContext } from "./context.js";
import { callPort } from "./port-call.js";

/** A number search (`GET /v2/phone_numbers`, or the account search when `account` is set). */
export interface SearchRequest {
  /** 3 to 10 characters: digits after the country code, or an E.164 prefix with `+`. */
  readonly prefix: string;
  readonly quantity?: number | undefined;
  readonly offset?: number | undefined;
  /** ISO 3166 alpha-2, default `US`. */
  readonly country?: string | undefined;
  /** The searching account; without one only the system carrier list is consulted. */
  readonly account?: string | undefined;
}

const ACCOUNT_CARRIERS = ["reserved", "reserved_reseller", "local"];

/** The carriers a search consults, in order (carriers.md §2). */
function carrierList(
  ctx: EngineContext,
  accounts: AccountLookup,
  account: string | undefined,
): Carrier[] {
  const withAccount = account !== undefined;
  const modules = withAccount
    ? fromReseller(accounts, account, (a) => a.carrierModules, ctx.config.carrier_modules)
    : ctx.config.carrier_modules;
  const configured = modules.map(carrierName);
  const names = withAccount
    ? [...ACCOUNT_CARRIERS, ...configured.filter((name) => !ACCOUNT_CARRIERS.includes(name))]
    : configured;
  return names.map((name) => ctx.carrier(name)).filter((c): c is Carrier => c !== undefined);
}

/**
 * An external offer becomes a `discovery` record unless the number already has a record, which
 * is never overwritten (carriers.md §4 "create found", §8 note 2). Returns the state to report.
 */
async function discover(
  ctx: EngineContext,
  carrier: Carrier,
  offer: CarrierOffer,
): Promise<string> {
  return ctx.lock.run(offer.number, async () => {
    const existing = await ctx.deps.repository.get(offer.number);
    if (existing !== undefined) return existing.record.state;
    const record = makeRecord({
      number: offer.number,
      state: "discovery",
      now: ctx.now(),
      carrier: carrier.name,
      carrierData: offer.carrierData,
    });
    try {
      await ctx.deps.repository.commit(singleWrite(record, null));
      return "discovery";
    } catch (thrown) {
      if (!(thrown instanceof RevisionConflictError)) throw thrown;
      return (await ctx.deps.repository.get(offer.number))?.record.state ?? "discovery";
    }
  });
}

function validate(request: SearchRequest): string | undefined {
  if (request.prefix.length < 3 || request.prefix.length > 10)
    return "prefix must be 3 to 10 characters";
  if (request.quantity !== undefined && !Number.isInteger(request.quantity))
    return "quantity must be an integer";
  if (request.offset !== undefined && (!Number.isInteger(request.offset) || request.offset < 0)) {
    return "offset must be a non-negative integer";
  }
  if (request.country !== undefined && request.country.length !== 2)
    return "country must be 2 letters";
  return undefined;
}

/**
 * Searches the carriers in order until `quantity` numbers were found (carriers.md §4): each
 * carrier is asked for what is still missing; a failing carrier is skipped; results are
 * de-duplicated by number, first occurrence winning (§5.3).
 */
export async function searchNumbers(
  ctx: EngineContext,
  request: SearchRequest,
): Promise<Result<JsonObject[]>> {
  const problem = validate(request);
  if (problem !== undefined)
    return fail({ reason: "invalid_request", field: "prefix", rule: "search", message: problem });
  const country = (request.country ?? "US").toUpperCase();
  const prefix = searchPrefix(request.prefix, country);
  if (prefix === undefined) {
    return fail({
      reason: "invalid_request",
      field: "country",
      rule: "enum",
      message: "unknown country",
    });
  }
  const quantity = Math.min(Math.max(request.quantity ?? 1, 1), ctx.config.maximum_search_quantity);
  const account = request.account;
  const accounts = await ctx.accountLookup([account]);
  const resellerId = account === undefined ? undefined : resellerOf(accounts, account);
  const results: JsonObject[] = [];
  const seen = new Set<string>();
  for (const carrier of carrierList(ctx, accounts, account)) {
    const remaining = quantity - results.length;
    if (remaining < 1) break;
    const outcome = await callPort(ctx.config.port_call_timeout_ms, () =>
      carrier.search({
        prefix,
        quantity: remaining,
        offset: request.offset ?? 0,
        country,
        ...(account === undefined ? {} : { accountId: account }),
        ...(resellerId === undefined ? {} : { resellerId }),
      }),
    );
    if (!outcome.ok || outcome.value.kind === "not_available") continue;
    for (const offer of outcome.value.offers) {
      if (seen.has(offer.number)) continue;
      seen.add(offer.number);
      const state = carrier.isLocal
        ? (offer.state ?? "available")
        : await discover(ctx, carrier, offer);
      results.push({ ...(offer.fields ?? {}), number: offer.number, state });
    }
    if (outcome.value.kind === "stopping_here") break;
  }
  return ok(results);
}
