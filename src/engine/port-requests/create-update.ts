import { findPortAuthority, isSuperduperAdmin } from "../../domain/accounts.js";
import type { JsonObject } from "../../domain/json.js";
import { mergePatch } from "../../domain/record.js";
import { portFail, portOk, type PortResult } from "../../domain/port-request-errors.js";
import { schemaErrors } from "../../domain/port-request-schema.js";
import {
  allPublicFields,
  portPublicFieldsOf,
  splitPublicFields,
  type PortRequestRecord,
} from "../../domain/port-request.js";
import { PORT_SETS } from "../../domain/port-states.js";
import type { PortRequestEvent } from "../../domain/port-request-events.js";
import type { NumberGuard } from "../../ports/repository.js";
import type { EngineContext } from "../context.js";
import { hasAuthorityOver, loadForChange, loadVisible, viewFor, type PortAsker } from "./access.js";
import { mergeComments } from "./comments.js";
import { normalizeNumbers, numberConflicts } from "./numbers.js";
import { commentEvents, commitRequest, eventBase, transitionEntry, withRetries } from "./write.js";

/** The fields of a request after the schema, P16 and the number checks, ready to store. */
interface CheckedFields {
  readonly name: string;
  readonly numbers: JsonObject;
  readonly public: JsonObject;
  readonly sentComments: JsonObject["comments"] | undefined;
  /** The numbers as the checks read them, for the commit (none for a completed request). */
  readonly guards: readonly NumberGuard[];
}

/**
 * Schema (§8.2), number keys (P16), then the number checks of §6.1 with P5 for a request of
 * `account` (its own id `self` when stored; C1: a completed request's numbers are not checked).
 */
export async function checkFields(
  ctx: EngineContext,
  fields: JsonObject,
  account: string,
  self: PortRequestRecord | undefined,
): Promise<PortResult<CheckedFields>> {
  const completed = self?.state === "completed";
  const schema = schemaErrors(fields, completed);
  if (schema !== undefined) return portFail({ kind: "validation", data: schema });
  const split = splitPublicFields(fields);
  const normalized = normalizeNumbers(ctx, split.numbers);
  if (!normalized.ok) return normalized;
  const checked = completed
    ? portOk([])
    : await numberConflicts(ctx, account, self?.id, normalized.value);
  if (!checked.ok) return checked;
  return portOk({
    name: split.name,
    numbers: normalized.value.numbers,
    public: split.public,
    sentComments: fields["comments"],
    guards: checked.value,
  });
}

/** `PUT /v2/accounts/{A}/port_requests` (§5.3): a new `unconfirmed` request of account A. */
export function createPortRequest(
  ctx: EngineContext,
  asker: PortAsker,
  body: JsonObject,
): Promise<PortResult<JsonObject>> {
  return withRetries(async () => {
    const accounts = await ctx.accountLookup([asker.requester, asker.account]);
    const fields = portPublicFieldsOf(body);
    const checked = await checkFields(ctx, fields, asker.account, undefined);
    if (!checked.ok) return checked;
    const authority = findPortAuthority(accounts, asker.account);
    const authorityAccounts = await ctx.accountLookup([authority]);
    const powers = authority === asker.requester || isSuperduperAdmin(accounts, asker.requester);
    const comments = mergeComments([], checked.value.sentComments, asker.requester, powers);
    if (!comments.ok) return comments;
    const now = ctx.now();
    const accountName = accounts(asker.account)?.name;
    const authorityName = authorityAccounts(authority)?.name;
    const draft: PortRequestRecord = {
      id: ctx.newId(),
      account: asker.account,
      ...(accountName === undefined ? {} : { accountName }),
      tree: [...(accounts(asker.account)?.tree ?? [])],
      state: "unconfirmed",
      portAuthority: authority,
      ...(authorityName === undefined ? {} : { portAuthorityName: authorityName }),
      name: checked.value.name,
      numbers: checked.value.numbers,
      comments: comments.value.comments,
      public: checked.value.public,
      transitions: [],
      attachments: {},
      created: now,
      modified: now,
    };
    const entry = transitionEntry(ctx, accounts, {
      to: "unconfirmed",
      requester: asker.requester,
      record: draft,
    });
    const record = { ...draft, transitions: [entry] };
    const events: PortRequestEvent[] = [
      { type: "port_request.created", ...eventBase(ctx, record, asker.requester) },
      ...commentEvents(ctx, record, asker.requester, comments.value.added),
    ];
    await commitRequest(ctx, record.id, undefined, record, events, {
      guards: checked.value.guards,
    });
    return portOk(viewFor(accounts, record, asker));
  });
}

/** POST (replace) or PATCH (merge) of a request's public fields (§5.4). */
export function updatePortRequest(
  ctx: EngineContext,
  asker: PortAsker,
  id: string,
  body: JsonObject,
  mode: "replace" | "merge",
): Promise<PortResult<JsonObject>> {
  return withRetries(async () => {
    const loaded = await loadForChange(ctx, asker, id);
    if (!loaded.ok) return loaded;
    const { stored, current, accounts } = loaded.value;
    const editable = mayEdit(current, isSuperduperAdmin(accounts, asker.requester));
    if (editable !== undefined) return portFail(editable);
    const sent = portPublicFieldsOf(body);
    const fields =
      mode === "merge"
        ? mergePatch(allPublicFields(current), sent)
        : { ...sent, comments: sent["comments"] ?? [...current.comments] };
    const checked = await checkFields(ctx, fields, current.account, current);
    if (!checked.ok) return checked;
    const powers = hasAuthorityOver(accounts, current, asker.requester);
    const comments = mergeComments(
      current.comments,
      checked.value.sentComments,
      asker.requester,
      powers,
    );
    if (!comments.ok) return comments;
    const record: PortRequestRecord = {
      ...current,
      name: checked.value.name,
      numbers: checked.value.numbers,
      public: checked.value.public,
      comments: comments.value.comments,
      modified: ctx.now(),
    };
    const events = commentEvents(ctx, record, asker.requester, comments.value.added);
    await commitRequest(ctx, id, stored, record, events, { guards: checked.value.guards });
    return portOk(viewFor(accounts, record, asker));
  });
}

/** §5.4: only SUSPENDED requests change, except for the super-duper admin. */
export function mayEdit(
  record: PortRequestRecord,
  admin: boolean,
): { kind: "validation"; data: JsonObject } | undefined {
  if (admin || PORT_SETS.suspended.has(record.state)) return undefined;
  return {
    kind: "validation",
    data: {
      [record.state]: {
        type: {
          message: "Updating port requests not allowed in current port state",
          cause: record.state,
        },
      },
    },
  };
}

/** `DELETE …/{id}` (§5.6): only in a DELETABLE state; answers the view as it was. */
export function deletePortRequest(
  ctx: EngineContext,
  asker: PortAsker,
  id: string,
): Promise<PortResult<JsonObject>> {
  return withRetries(async () => {
    const loaded = await loadVisible(ctx, asker, id);
    if (!loaded.ok) return loaded;
    const { record } = loaded.value;
    if (!PORT_SETS.deletable.has(record.state)) return portFail({ kind: "not_deletable" });
    const accounts = await ctx.accountLookup([asker.requester, asker.account]);
    const event: PortRequestEvent = {
      type: "port_request.deleted",
      ...eventBase(ctx, record, asker.requester),
      state: record.state,
      by: "api",
    };
    await commitRequest(ctx, id, loaded.value, null, [event]);
    return portOk(viewFor(accounts, record, asker));
  });
}
