import type { JsonObject, JsonValue } from "../../domain/json.js";
import type { PortResult } from "../../domain/port-request-errors.js";
import { toPortDocument } from "../../domain/port-request.js";
import type { EngineContext } from "../context.js";
import type { PortAsker } from "./access.js";
import {
  changeAttachment,
  listAttachments,
  readAttachment,
  type AttachmentChange,
  type AttachmentContent,
} from "./attachments.js";
import { createPortRequest, deletePortRequest, updatePortRequest } from "./create-update.js";
import {
  getPortRequest,
  listPortRequests,
  portRequestTimeline,
  type PortListScope,
} from "./listing.js";
import { movePortRequest, type PortMove } from "./moves.js";
import { listedPortEntries } from "./hooks.js";

/**
 * The port request operations (spec/port-requests.md), each for an asker (the authenticated
 * account and the URL account, after the request gates) and returning a PortResult.
 */
export class PortRequestService {
  readonly #ctx: EngineContext;

  /** Operations over an engine's shared state. */
  constructor(ctx: EngineContext) {
    this.#ctx = ctx;
  }

  /** Creates an `unconfirmed` request for the URL account (§5.3). */
  create(asker: PortAsker, body: JsonObject): Promise<PortResult<JsonObject>> {
    return createPortRequest(this.#ctx, asker, body);
  }

  /** Reads one request's view (§5.5). */
  get(asker: PortAsker, id: string): Promise<PortResult<JsonObject>> {
    return getPortRequest(this.#ctx, asker, id);
  }

  /** Replaces (POST) or merges (PATCH) a request's public fields (§5.4). */
  update(
    asker: PortAsker,
    id: string,
    body: JsonObject,
    mode: "replace" | "merge",
  ): Promise<PortResult<JsonObject>> {
    return updatePortRequest(this.#ctx, asker, id, body, mode);
  }

  /** Deletes a request in a deletable state (§5.6). */
  delete(asker: PortAsker, id: string): Promise<PortResult<JsonObject>> {
    return deletePortRequest(this.#ctx, asker, id);
  }

  /** Moves a request to a target state (§5.7). */
  move(asker: PortAsker, id: string, move: PortMove): Promise<PortResult<JsonObject>> {
    return movePortRequest(this.#ctx, asker, id, move);
  }

  /** Lists requests of the URL account, its descendants, or the requester's managed ones (§5.2, §4.2). */
  list(
    asker: PortAsker,
    scope: PortListScope,
    query: Readonly<Record<string, string>>,
  ): Promise<PortResult<JsonValue>> {
    return listPortRequests(this.#ctx, asker, scope, query);
  }

  /** Transitions and visible comments by time (§5.5). */
  timeline(asker: PortAsker, id: string): Promise<PortResult<JsonValue>> {
    return portRequestTimeline(this.#ctx, asker, id);
  }

  /** Attachment metadata (§10). */
  attachments(asker: PortAsker, id: string): Promise<PortResult<JsonObject>> {
    return listAttachments(this.#ctx, asker, id);
  }

  /** One attachment's bytes (§10). */
  attachment(asker: PortAsker, id: string, name: string): Promise<PortResult<AttachmentContent>> {
    return readAttachment(this.#ctx, asker, id, name);
  }

  /** Adds, replaces or deletes an attachment (§10, P14). */
  changeAttachment(
    asker: PortAsker,
    id: string,
    change: AttachmentChange,
  ): Promise<PortResult<JsonObject>> {
    return changeAttachment(this.#ctx, asker, id, change);
  }

  /** Listing entries of the numbers in the account's LISTED requests (`include_ports=true`, §7.3). */
  portInEntries(account: string): Promise<Map<string, JsonObject>> {
    return listedPortEntries(this.#ctx, account);
  }

  /** The stored request in the conformance `inspect_port_request` shape, no authorization. */
  async inspect(id: string): Promise<JsonObject | undefined> {
    const stored = await this.#ctx.portRequests.getPortRequest(id);
    return stored === undefined ? undefined : toPortDocument(stored.record);
  }
}
