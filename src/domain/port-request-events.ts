import type { JsonObject } from "./json.js";
import type { PortState } from "./port-states.js";

/** The kinds of port request event (port-requests.md §9). */
export type PortRequestEventType =
  | "port_request.created"
  | "port_request.transitioned"
  | "port_request.commented"
  | "port_request.unconfirmed_reminder"
  | "port_request.deleted";

/** Kazoo's notification name for each move (§9), carried by `transitioned` events. */
export const KAZOO_NOTIFICATIONS: Readonly<Record<Exclude<PortState, "unconfirmed">, string>> = {
  submitted: "port_request",
  pending: "port_pending",
  scheduled: "port_scheduled",
  completed: "ported",
  rejected: "port_rejected",
  canceled: "port_cancel",
};

/** A committed change of a port request, with the wire names of §9. */
export interface PortRequestEvent {
  readonly type: PortRequestEventType;
  readonly port_request_id: string;
  /** The request's account. */
  readonly account_id: string;
  /** The clock, Gregorian seconds. */
  readonly timestamp: number;
  /** The requester, or `system`. */
  readonly acting_account_id: string;
  readonly acting_user_id?: string;
  /** `transitioned`: the move. */
  readonly from?: PortState;
  readonly to?: PortState;
  readonly reason?: string;
  readonly kazoo_notification?: string;
  /** `transitioned`: the request's numbers (E.164, sorted); for a completion, as before it. */
  readonly numbers?: readonly string[];
  readonly ported_numbers?: readonly string[];
  /** `commented`: the stored comment. */
  readonly comment?: JsonObject;
  /** `deleted`: the state at deletion and who deleted it. */
  readonly state?: PortState;
  readonly by?: "api" | "sweep";
}
