import { isSuperduperAdmin } from "../../domain/accounts.js";
import type { JsonObject } from "../../domain/json.js";
import { portFail, portOk, type PortResult } from "../../domain/port-request-errors.js";
import {
  attachmentsView,
  type PortAttachment,
  type PortRequestRecord,
} from "../../domain/port-request.js";
import type { EngineContext } from "../context.js";
import { loadVisible, type PortAsker } from "./access.js";
import { mayEdit } from "./create-update.js";
import { commitRequest, withRetries } from "./write.js";

/** Content types an attachment may have (P14). */
const ATTACHMENT_TYPES = [
  "application/pdf",
  "application/x-pdf",
  "application/octet-stream",
  "text/plain",
];
const PDF_TYPES = new Set(["application/pdf", "application/x-pdf"]);
const NAME = /^[A-Za-z0-9._-]{1,128}$/;
/** At most this many attachments per request (P14). */
const MAX_ATTACHMENTS = 10;

/** An upload: the bytes read (or the note that the body went past the limit) and their type. */
export interface Upload {
  readonly contentType: string | undefined;
  readonly bytes: Uint8Array;
  /** The transport stopped reading at `port_attachment_max_bytes`: the body is larger. */
  readonly truncated: boolean;
}

/** An attachment's bytes and type, for `GET …/attachments/{name}`. */
export interface AttachmentContent {
  readonly name: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

const mediaType = (contentType: string | undefined): string =>
  (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";

/** `GET …/{id}/attachments`: `{name: {content_type, length}}`. */
export async function listAttachments(
  ctx: EngineContext,
  asker: PortAsker,
  id: string,
): Promise<PortResult<JsonObject>> {
  const loaded = await loadVisible(ctx, asker, id);
  return loaded.ok ? portOk(attachmentsView(loaded.value.record)) : loaded;
}

/** `GET …/{id}/attachments/{name}`: the bytes, or 404 for an unknown name (C12). */
export async function readAttachment(
  ctx: EngineContext,
  asker: PortAsker,
  id: string,
  name: string,
): Promise<PortResult<AttachmentContent>> {
  const loaded = await loadVisible(ctx, asker, id);
  if (!loaded.ok) return loaded;
  const attachment = loaded.value.record.attachments[name];
  if (attachment === undefined || !Object.hasOwn(loaded.value.record.attachments, name)) {
    return portFail({ kind: "bad_identifier" });
  }
  return portOk({
    name,
    contentType: attachment.contentType,
    bytes: Buffer.from(attachment.data, "base64"),
  });
}

/** What a change of attachments does: add (PUT with `filename`), replace (POST) or delete. */
export type AttachmentChange =
  | { readonly kind: "add"; readonly filename: string | undefined; readonly upload: Upload }
  | { readonly kind: "replace"; readonly name: string; readonly upload: Upload }
  | { readonly kind: "delete"; readonly name: string };

/** The stored name of an added attachment: `.pdf` appended for a PDF without it (C12). */
const storedName = (filename: string, type: string): string =>
  PDF_TYPES.has(type) && !filename.toLowerCase().endsWith(".pdf") ? `${filename}.pdf` : filename;

/** The checks of C25, in order, then the new attachment map. */
function changed(
  ctx: EngineContext,
  record: PortRequestRecord,
  change: AttachmentChange,
): PortResult<Record<string, PortAttachment>> {
  const attachments: Record<string, PortAttachment> = { ...record.attachments };
  const known = (name: string): boolean => Object.hasOwn(record.attachments, name);
  if (change.kind === "delete") {
    if (!known(change.name)) return portFail({ kind: "bad_identifier" });
    delete attachments[change.name];
    return portOk(attachments);
  }
  const type = mediaType(change.upload.contentType);
  if (!ATTACHMENT_TYPES.includes(type)) return portFail({ kind: "unsupported_media" });
  const { bytes, truncated } = change.upload;
  if (truncated || bytes.byteLength > ctx.config.port_attachment_max_bytes) {
    return portFail({ kind: "too_large" });
  }
  const given = change.kind === "add" ? change.filename : change.name;
  if (given === undefined || !NAME.test(given)) {
    return portFail({
      kind: "validation",
      data: {
        filename: {
          pattern: {
            message: "attachment names are 1 to 128 characters of A-Z a-z 0-9 . _ -",
            cause: given ?? "",
          },
        },
      },
    });
  }
  if (change.kind === "replace" && !known(given)) return portFail({ kind: "bad_identifier" });
  const name = change.kind === "add" ? storedName(given, type) : given;
  if (!known(name) && Object.keys(attachments).length >= MAX_ATTACHMENTS) {
    return portFail({
      kind: "validation",
      data: {
        attachments: {
          maxItems: { message: `at most ${MAX_ATTACHMENTS} attachments`, target: MAX_ATTACHMENTS },
        },
      },
    });
  }
  attachments[name] = {
    contentType: type,
    length: bytes.byteLength,
    data: Buffer.from(bytes).toString("base64"),
  };
  return portOk(attachments);
}

/** Adds, replaces or deletes an attachment (§10, P14): the update rule first, then C25's checks. */
export function changeAttachment(
  ctx: EngineContext,
  asker: PortAsker,
  id: string,
  change: AttachmentChange,
): Promise<PortResult<JsonObject>> {
  return withRetries(async () => {
    const loaded = await loadVisible(ctx, asker, id);
    if (!loaded.ok) return loaded;
    const record = loaded.value.record;
    const accounts = await ctx.accountLookup([asker.requester]);
    const editable = mayEdit(record, isSuperduperAdmin(accounts, asker.requester));
    if (editable !== undefined) return portFail(editable);
    const attachments = changed(ctx, record, change);
    if (!attachments.ok) return attachments;
    await commitRequest(ctx, id, loaded.value, { ...record, attachments: attachments.value }, []);
    return portOk({});
  });
}
