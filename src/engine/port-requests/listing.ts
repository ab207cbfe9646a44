import { isSuperduperAdmin, masterOf, type AccountLookup } from "../../domain/accounts.js";
import { setOwn, type JsonObject, type JsonValue } from "../../domain/json.js";
import { toE164 } from "../../domain/normalization.js";
import { portFail, portOk, type PortResult } from "../../domain/port-request-errors.js";
import type { PortRequestRecord } from "../../domain/port-request.js";
import { PORT_SETS, PORT_STATES, isPortState, type PortState } from "../../domain/port-states.js";
import type { PortRequestQuery } from "../../ports/port-requests.js";
import type { EngineContext } from "../context.js";
import {
  isVisibleThrough,
  loadVisible,
  viewFor,
  visibleComments,
  type PortAsker,
} from "./access.js";

/** Kazoo's `crossbar.maximum_range`: the widest `modified_from … modified_to` (§5.2). */
const MAXIMUM_RANGE_S = 2_682_000;

/** Which requests a listing starts from (§5.2, §4.2). */
export type PortListScope = "account" | "descendants" | "authority";

const NAMED_SETS: Readonly<Record<string, ReadonlySet<PortState>>> = {
  all: new Set(PORT_STATES),
  active: PORT_SETS.active,
  progressing: PORT_SETS.progressing,
  suspended: PORT_SETS.suspended,
  completed: PORT_SETS.completed,
};

/** `by_types` as a set of states, `last_submitted`, or the validation failure naming bad items (C8). */
function parseByTypes(
  raw: string | undefined,
): PortResult<{ readonly states: ReadonlySet<PortState>; readonly lastSubmitted: boolean }> {
  const items = (raw ?? "active").split(",").map((item) => item.trim());
  const states = new Set<PortState>();
  const bad: string[] = [];
  let lastSubmitted = false;
  for (const item of items) {
    if (item === "last_submitted") lastSubmitted = true;
    else if (Object.hasOwn(NAMED_SETS, item)) for (const s of NAMED_SETS[item] ?? []) states.add(s);
    else if (isPortState(item)) states.add(item);
    else bad.push(item);
  }
  if (bad.length > 0) {
    return portFail({
      kind: "validation",
      data: {
        by_types: {
          enum: {
            message: `query string by_types contained invalid values: ${bad.join(", ")}`,
            cause: bad.join(","),
          },
        },
      },
    });
  }
  return portOk({ states, lastSubmitted });
}

/** The `modified_from … modified_to` range for closed requests (§5.2, C20). */
function parseRange(
  ctx: EngineContext,
  query: Readonly<Record<string, string>>,
): PortResult<readonly [number, number]> {
  const read = (key: string, fallback: number): number | undefined => {
    const value = query[key];
    if (value === undefined) return fallback;
    return /^\d+$/.test(value) ? Number(value) : undefined;
  };
  const to = read("modified_to", ctx.now());
  const from = to === undefined ? undefined : read("modified_from", to - MAXIMUM_RANGE_S);
  if (to === undefined || from === undefined || to - from > MAXIMUM_RANGE_S || from > to) {
    return portFail({
      kind: "validation",
      data: {
        modified_from: {
          date_range: {
            message: `modified_from must be within ${MAXIMUM_RANGE_S} seconds before modified_to`,
            cause: query["modified_from"] ?? "",
          },
        },
      },
    });
  }
  return portOk([from, to]);
}

/** A list entry: the view plus a top-level `account_id` (§5.2). */
function entryOf(accounts: AccountLookup, record: PortRequestRecord, asker: PortAsker): JsonObject {
  return { ...viewFor(accounts, record, asker), account_id: record.account };
}

/** Grouped by account ascending, entries by `created`, then `id` (P15, C5). */
function grouped(accounts: AccountLookup, records: readonly PortRequestRecord[], asker: PortAsker) {
  const groups = new Map<string, JsonObject[]>();
  for (const record of records) {
    const list = groups.get(record.account) ?? [];
    list.push(entryOf(accounts, record, asker));
    groups.set(record.account, list);
  }
  return [...groups.keys()].sort().map((account) => ({
    account_id: account,
    account_name:
      accounts(account)?.name ??
      records.find((r) => r.account === account)?.accountName ??
      "unknown",
    port_requests: groups.get(account) ?? [],
  }));
}

/** The newest transition into `submitted` (for `last_submitted`). */
const lastSubmission = (record: PortRequestRecord): JsonValue =>
  record.transitions.find((t) => {
    const move = t["transition"];
    return (
      typeof move === "object" &&
      move !== null &&
      !Array.isArray(move) &&
      move["new"] === "submitted"
    );
  }) ?? null;

/** The base query of a scope, or the 403 of `GET /v2/port_requests` (§4.2). */
function scopeQuery(
  accounts: AccountLookup,
  scope: PortListScope,
  asker: PortAsker,
): PortResult<PortRequestQuery> {
  if (scope === "account") return portOk({ account: asker.account });
  if (scope === "descendants") return portOk({ descendantsOf: asker.account });
  const me = accounts(asker.requester);
  if (me?.portAuthority === true) return portOk({ authority: asker.requester });
  if (isSuperduperAdmin(accounts, asker.requester)) {
    return portOk({ authority: masterOf(accounts, asker.requester) ?? asker.requester });
  }
  return portFail({ kind: "forbidden", data: { message: "forbidden" } });
}

/** The listings of §5.2 (and §4.2, C6): by state sets, by number, or `last_submitted`. */
export async function listPortRequests(
  ctx: EngineContext,
  asker: PortAsker,
  scope: PortListScope,
  query: Readonly<Record<string, string>>,
): Promise<PortResult<JsonValue>> {
  const accounts = await ctx.accountLookup([asker.requester, asker.account]);
  const base = scopeQuery(accounts, scope, asker);
  if (!base.ok) return base;
  const byNumber = query["by_number"];
  if (byNumber !== undefined) return portOk(await findByNumber(ctx, accounts, asker, byNumber));
  const types = parseByTypes(query["by_types"]);
  if (!types.ok) return types;
  if (types.value.lastSubmitted) {
    const submitted = await ctx.portRequests.findPortRequests({
      ...base.value,
      states: ["submitted"],
    });
    return portOk(submitted.map((r) => ({ id: r.id, transition: lastSubmission(r) })));
  }
  const range = parseRange(ctx, query);
  if (!range.ok) return range;
  const [from, to] = range.value;
  const states = PORT_STATES.filter((s) => types.value.states.has(s));
  const found = await ctx.portRequests.findPortRequests({ ...base.value, states });
  const inRange = found.filter(
    (r) => !PORT_SETS.completed.has(r.state) || (r.modified >= from && r.modified <= to),
  );
  const lookup = await ctx.accountLookup([
    ...new Set(inRange.map((r) => r.account)),
    asker.requester,
  ]);
  return portOk(grouped(lookup, inRange, asker));
}

/** `?by_number=N` (§5.2, P6, C19): every state, `numbers` or `ported_numbers`, A and below. */
async function findByNumber(
  ctx: EngineContext,
  accounts: AccountLookup,
  asker: PortAsker,
  input: string,
): Promise<JsonValue> {
  const number = toE164(input, ctx.rules);
  if (number === undefined) return [];
  const admin = isSuperduperAdmin(accounts, asker.requester);
  const found = await ctx.portRequests.findPortRequests({ number });
  const lookup = await ctx.accountLookup([
    ...new Set(found.map((r) => r.account)),
    asker.requester,
  ]);
  return found
    .filter((r) => admin || isVisibleThrough(r, asker.account))
    .map((r) => entryOf(lookup, r, asker));
}

/** `GET …/{id}`: the view. */
export async function getPortRequest(
  ctx: EngineContext,
  asker: PortAsker,
  id: string,
): Promise<PortResult<JsonObject>> {
  const loaded = await loadVisible(ctx, asker, id);
  if (!loaded.ok) return loaded;
  const accounts = await ctx.accountLookup([asker.requester, asker.account]);
  return portOk(viewFor(accounts, loaded.value.record, asker));
}

/** `GET …/{id}/timeline` (§5.5): transitions and visible comments by timestamp, transitions first on ties. */
export async function portRequestTimeline(
  ctx: EngineContext,
  asker: PortAsker,
  id: string,
): Promise<PortResult<JsonValue>> {
  const loaded = await loadVisible(ctx, asker, id);
  if (!loaded.ok) return loaded;
  const record = loaded.value.record;
  const accounts = await ctx.accountLookup([asker.requester, asker.account]);
  const stamp = (e: JsonObject): number =>
    typeof e["timestamp"] === "number" ? e["timestamp"] : 0;
  const transitions = [...record.transitions].reverse().map((t) => ({ entry: t, kind: 0 }));
  const comments = visibleComments(accounts, record, asker).map((c) => {
    const entry: JsonObject = { type: "comment" };
    for (const [key, value] of Object.entries(c)) setOwn(entry, key, value);
    return { entry, kind: 1 };
  });
  const all = [...transitions, ...comments].sort(
    (a, b) => stamp(a.entry) - stamp(b.entry) || a.kind - b.kind,
  );
  return portOk(all.map((e) => e.entry));
}
