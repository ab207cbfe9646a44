import { hasListingFilters, listingPredicate } from "../domain/listing-filter.js";
import { kazooDocument, type NumberRecord } from "../domain/record.js";
import type { EngineContext } from "./context.js";

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
    const all = await ctx.deps.repository.listByOwner(
      request.account,
      startKey === undefined ? {} : { startKey },
    );
    return { numbers: keep(all) };
  }
  const requested = Number.parseInt(query["page_size"] ?? "", 10);
  const pageSize =
    Number.isInteger(requested) && requested > 0 ? requested : ctx.config.pagination_page_size;
  const rows = await ctx.deps.repository.listByOwner(request.account, {
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
