import {
  addPortAttachment,
  createPortRequest,
  deletePortAttachment,
  deletePortRequest,
  lastSubmittedPortRequests,
  listDescendantPortRequests,
  listManagedPortRequests,
  listPortAttachments,
  listPortRequests,
  movePortRequest,
  patchPortRequest,
  portRequestTimeline,
  readPortAttachment,
  readPortRequest,
  refuseManagedWrite,
  refuseMoveMethod,
  replacePortAttachment,
  replacePortRequest,
} from "./port-request-operations.js";
import type { Route } from "./route-context.js";

const ACCOUNT = "/v2/accounts/{account_id}";
const REQUESTS = `${ACCOUNT}/port_requests`;
const REQUEST = `${REQUESTS}/{port_request_id}`;
const ATTACHMENT = `${REQUEST}/attachments/{attachment_name}`;

type Method = Route["method"];
type AuthedRun = Extract<Route, { auth: "required" }>["run"];

const route = (
  method: Method,
  path: string,
  name: string,
  summary: string,
  run: AuthedRun,
  extra: { body?: "bytes" } = {},
): Route => ({ method, path, name, summary, auth: "required", run, ...extra });

const OTHER_METHODS: readonly Method[] = ["GET", "PUT", "POST", "DELETE"];

/** Every endpoint of spec/port-requests.md §5 and §10. */
export const PORT_REQUEST_ROUTES: readonly Route[] = [
  route(
    "GET",
    "/v2/port_requests",
    "listManagedPortRequests",
    "Port requests the requester manages as port authority",
    listManagedPortRequests,
  ),
  ...(["PUT", "POST", "DELETE", "PATCH"] as const).map((method) =>
    route(
      method,
      "/v2/port_requests",
      `refuseManaged${method}`,
      "Refused: read only",
      refuseManagedWrite,
    ),
  ),
  route(
    "GET",
    REQUESTS,
    "listPortRequests",
    "List the account's port requests (`by_types`, `by_number`, time range)",
    listPortRequests,
  ),
  route("PUT", REQUESTS, "createPortRequest", "Create a port request", createPortRequest),
  route(
    "GET",
    `${ACCOUNT}/descendants/port_requests`,
    "listDescendantPortRequests",
    "List the port requests of sub-accounts",
    listDescendantPortRequests,
  ),
  route(
    "GET",
    `${REQUESTS}/last_submitted`,
    "lastSubmittedPortRequests",
    "Submitted requests not sent yet",
    lastSubmittedPortRequests,
  ),
  route("GET", REQUEST, "getPortRequest", "Read a port request", readPortRequest),
  route(
    "POST",
    REQUEST,
    "replacePortRequest",
    "Replace a port request's fields",
    replacePortRequest,
  ),
  route(
    "PATCH",
    REQUEST,
    "patchPortRequest",
    "Merge into a port request's fields",
    patchPortRequest,
  ),
  route("DELETE", REQUEST, "deletePortRequest", "Delete a port request", deletePortRequest),
  route(
    "GET",
    `${REQUEST}/timeline`,
    "portRequestTimeline",
    "Transitions and comments by time",
    portRequestTimeline,
  ),
  route(
    "PATCH",
    `${REQUEST}/{target}`,
    "movePortRequest",
    "Move a port request (`submitted`, `pending`, `scheduled`, `completed`, `rejected`, `canceled`)",
    movePortRequest,
  ),
  ...OTHER_METHODS.map((method) =>
    route(
      method,
      `${REQUEST}/{target}`,
      `refuseMove${method}`,
      "Refused: moves are PATCH",
      refuseMoveMethod,
    ),
  ),
  route(
    "GET",
    `${REQUEST}/attachments`,
    "listPortAttachments",
    "List a port request's attachments",
    listPortAttachments,
  ),
  route(
    "PUT",
    `${REQUEST}/attachments`,
    "addPortAttachment",
    "Attach a document (`filename` query)",
    addPortAttachment,
    { body: "bytes" },
  ),
  route("GET", ATTACHMENT, "getPortAttachment", "Download an attachment", readPortAttachment),
  route(
    "POST",
    ATTACHMENT,
    "replacePortAttachment",
    "Replace an attachment",
    replacePortAttachment,
    { body: "bytes" },
  ),
  route("DELETE", ATTACHMENT, "deletePortAttachment", "Remove an attachment", deletePortAttachment),
];
