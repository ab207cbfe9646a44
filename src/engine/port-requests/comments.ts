import { isJsonObject, setOwn, type JsonObject, type JsonValue } from "../../domain/json.js";
import { portFail, portOk, type PortResult } from "../../domain/port-request-errors.js";

/** The stored list after a body's comments: the old ones kept, the new ones added (§4.4). */
export interface MergedComments {
  readonly comments: readonly JsonObject[];
  /** The new comments as stored, in list order (one `commented` event each). */
  readonly added: readonly JsonObject[];
}

const FORBIDDEN_COMMENT = {
  message: "forbidden",
  comments: {
    forbidden: {
      message: "you're not allowed to make private comment or set action_required",
      cause: "comments",
    },
  },
};

const PRIVATE_ACTION = {
  comments: {
    rejected: {
      message: "setting action_required on private comment is not allowed",
      cause: "comments",
    },
  },
};

const timestampOf = (comment: JsonObject): number =>
  typeof comment["timestamp"] === "number" ? comment["timestamp"] : 0;

/**
 * Applies a body's `comments` (the whole list) to the stored ones (§4.4): the new comments are
 * those newer than the last stored one; only the port authority (or the super-duper admin) may
 * send private or action-required ones, never both at once; each new one is stamped with the
 * requester's account. The result is sorted by timestamp.
 */
export function mergeComments(
  stored: readonly JsonObject[],
  sent: JsonValue | undefined,
  requester: string,
  authority: boolean,
): PortResult<MergedComments> {
  if (!Array.isArray(sent)) return portOk({ comments: stored, added: [] });
  const last = stored.reduce((max, c) => Math.max(max, timestampOf(c)), Number.NEGATIVE_INFINITY);
  const added: JsonObject[] = [];
  for (const comment of sent.filter(isJsonObject)) {
    if (timestampOf(comment) <= last) continue;
    const isPrivate = comment["is_private"] === true || comment["superduper_comment"] === true;
    const action = comment["action_required"] === true;
    if (!authority && (isPrivate || action)) {
      return portFail({ kind: "forbidden", data: FORBIDDEN_COMMENT });
    }
    if (isPrivate && action) return portFail({ kind: "validation", data: PRIVATE_ACTION });
    const stamped: JsonObject = {};
    for (const [key, value] of Object.entries(comment)) setOwn(stamped, key, value);
    stamped["account_id"] = requester;
    added.push(stamped);
  }
  const comments = [...stored, ...added].sort((a, b) => timestampOf(a) - timestampOf(b));
  return portOk({ comments, added });
}
