import { hasListingFilters, listingPredicate } from "../domain/listing-filter.js";
import { kazooDocument } from "../domain/kazoo-document.js";
import type { NumberRecord } from "../domain/record.js";
import type { PageRequest } from "../ports/repository.js";
import type { EngineContext } from "./context.js";
import { expireListed } from "./hold-expiry.js";

/** List an account's numbers (`GET …/phone_numbers`), with Kazoo's query keys. */
export interface ListRequest {
  readonly account: string;
  /** The query string: `filter_*`, `created_from`, `page_size`, `start_key`, `paginate`, ... */
  readonly query?: Readonly<Record<string, string>> | undefined;
}

/** A page of an account's numbers and the paging keys to echo (collections.md §7). */
export interface ListPage {
  readonly numbers: readonly NumberRecord[];
  /** Present when paging was on. */
  readonly paging?: {
    readonly startKey?: string;
    readonly pageSize: number;
    readonly nextStartKey?: string;
  };
}

/** An owner's rows, read again after expiring any run-out hold among them (extensions.md X1). */
async function listExpiringHolds(
  ctx: EngineContext,
  account: string,
  page: PageRequest,
): Promise<readonly NumberRecord[]> {
  const rows = await ctx.deps.repository.listByOwner(account, page);
  return (await expireListed(ctx, rows)) ? ctx.deps.repository.listByOwner(account, page) : rows;
}

/**
 * Lists an account's numbers in number order. Paging is on unless filters are given
 * (`paginate` forces it); with paging, filters apply to the rows of the page.
 */
export async function listNumbers(ctx: EngineContext, request: ListRequest): Promise<ListPage> {
  const query = request.query ?? {};
  const predicate = listingPredicate(query);
  const keep = (records: readonly NumberRecord[]): NumberRecord[] =>
    records.filter((record) => predicate(kazooDocument(record)));
  const paginate =
    query["paginate"] === undefined ? !hasListingFilters(query) : query["paginate"] === "true";
  const startKey = query["start_key"];
  if (!paginate) {
    const page = startKey === undefined ? {} : { startKey };
    const all = await listExpiringHolds(ctx, request.account, page);
    return { numbers: keep(all) };
  }
  const requested = Number.parseInt(query["page_size"] ?? "", 10);
  const pageSize =
    Number.isInteger(requested) && requested > 0 ? requested : ctx.config.pagination_page_size;
  const rows = await listExpiringHolds(ctx, request.account, {
    limit: pageSize + 1,
    ...(startKey === undefined ? {} : { startKey }),
  });
  const page = rows.slice(0, pageSize);
  const next = rows[pageSize];
  return {
    numbers: keep(page),
    paging: {
      pageSize: rows.length >= pageSize ? pageSize : page.length,
      ...(startKey === undefined ? {} : { startKey }),
      ...(next === undefined ? {} : { nextStartKey: next.number }),
    },
  };
}
