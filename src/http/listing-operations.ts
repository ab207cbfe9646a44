import { isJsonObject, type JsonObject } from "../domain/json.js";
import type { NumberEngine } from "../engine/engine.js";
import { listingEntry } from "../domain/record.js";
import type { ListPage } from "../engine/listing.js";
import { httpFailure } from "./error-mapping.js";
import { success, validationError, type Reply } from "./reply.js";
import { param, type AuthedContext, type RouteContext } from "./route-context.js";

/**
 * Adds the phonebook's answer (minus its `status`) as the `locality` of entries that lack one
 * (collections.md §7); a missing or failing phonebook leaves the entries as they are.
 */
async function addLocalities(engine: NumberEngine, numbers: JsonObject): Promise<void> {
  const lacking = Object.keys(numbers).filter((n) => {
    const entry = numbers[n];
    return isJsonObject(entry) && entry["locality"] === undefined;
  });
  if (lacking.length === 0) return;
  const found = await engine.locality(lacking);
  if (!found.ok) return;
  for (const [number, answer] of Object.entries(found.value)) {
    const entry = numbers[number];
    if (!isJsonObject(entry) || !isJsonObject(answer)) continue;
    entry["locality"] = Object.fromEntries(Object.entries(answer).filter(([k]) => k !== "status"));
  }
}

/** The listing answer (collections.md §7): entries by number, paging keys at the top level. */
async function listingReply(engine: NumberEngine, page: ListPage): Promise<Reply> {
  const numbers: JsonObject = {};
  for (const record of page.numbers) numbers[record.number] = listingEntry(record);
  await addLocalities(engine, numbers);
  const extra: JsonObject = {};
  if (page.paging !== undefined) {
    if (page.paging.startKey !== undefined) extra["start_key"] = page.paging.startKey;
    extra["page_size"] = page.paging.pageSize;
    if (page.paging.nextStartKey !== undefined) extra["next_start_key"] = page.paging.nextStartKey;
  }
  return success({ casquade_quantity: 0, numbers }, extra);
}

const asNumber = (value: string | undefined): number | undefined =>
  value === undefined ? undefined : Number(value);

/** Runs a number search from the query string (collections.md §8). */
async function search(ctx: RouteContext, account: string | undefined): Promise<Reply> {
  const { prefix, quantity, offset, country } = ctx.query;
  if (prefix === undefined) return validationError("prefix", "required", "prefix is required");
  const result = await ctx.engine.search({
    prefix,
    quantity: asNumber(quantity),
    offset: asNumber(offset),
    country,
    account,
  });
  return result.ok ? success(result.value) : httpFailure(result.error, "lookup");
}

/** GET /v2/phone_numbers: the global search, open to anonymous callers. */
export function globalSearch(ctx: RouteContext): Promise<Reply> {
  return search(ctx, ctx.requester);
}

/** GET …/phone_numbers: the account's listing, or the account search when `prefix` is given. */
export async function listNumbers(ctx: AuthedContext): Promise<Reply> {
  const account = param(ctx, "account_id");
  if (ctx.query["prefix"] !== undefined) return search(ctx, account);
  const page = await ctx.engine.list({ account, query: ctx.query });
  const reply = await listingReply(ctx.engine, page);
  if (ctx.query["include_ports"] !== "true" || reply.kind !== "success") return reply;
  const numbers = (reply.data as JsonObject)["numbers"] as JsonObject;
  for (const [number, entry] of await ctx.engine.portRequests.portInEntries(account)) {
    if (!Object.hasOwn(numbers, number)) numbers[number] = entry;
  }
  return reply;
}

/** POST …/fix: nothing to re-synchronize in one store, so it answers the listing. */
export async function fixNumbers(ctx: AuthedContext): Promise<Reply> {
  const account = param(ctx, "account_id");
  return listingReply(ctx.engine, await ctx.engine.list({ account, query: ctx.query }));
}
