import {
  SYSTEM,
  isSelfOrAncestor,
  isSuperduperAdmin,
  type AccountLookup,
} from "../domain/accounts.js";
import type { EngineConfig } from "../domain/config.js";

/** Everything a guard of the port request machine may look at (port-requests.md §2.2, §2.3). */
export interface PortMoveFacts {
  readonly accounts: AccountLookup;
  /** The authenticated account, or `system` (a completion by an inbound call, §6.4). */
  readonly requester: string;
  /** The request's own account. */
  readonly account: string;
  /** The request's stored port authority (§3). */
  readonly portAuthority: string;
  /** The request, once the move's body is merged, has `scheduled_date` or `schedule_on` (§2.3). */
  readonly hasScheduleDate: boolean;
  readonly config: Pick<EngineConfig, "allow_port_transition_from_submitted_to_scheduled">;
}

/** The requester has the powers of the request's port authority: itself, the super-duper admin, or `system`. */
function actsAsPortAuthority(f: PortMoveFacts): boolean {
  return (
    f.requester === SYSTEM ||
    f.requester === f.portAuthority ||
    isSuperduperAdmin(f.accounts, f.requester)
  );
}

/** The port request machine's guards, named after the rules of port-requests.md §2. */
export const PORT_GUARDS = {
  /** §2.2: only the port authority or the super-duper admin moves past `submitted`. */
  actsAsPortAuthority,
  /** §2.2: a draft may also be canceled by its account or an ancestor of it. */
  mayCancelDraft: (f: PortMoveFacts) =>
    actsAsPortAuthority(f) || isSelfOrAncestor(f.accounts, f.requester, f.account),
  /** §2.1: the `submitted → scheduled` short-cut is switched on. */
  mayScheduleFromSubmitted: (f: PortMoveFacts) =>
    f.config.allow_port_transition_from_submitted_to_scheduled,
  /** §2.3: a move to `scheduled` needs the carrier's date (P9). */
  hasScheduleDate: (f: PortMoveFacts) => f.hasScheduleDate,
} as const satisfies Record<string, (f: PortMoveFacts) => boolean>;

/** The name of a port request machine guard. */
export type PortGuardName = keyof typeof PORT_GUARDS;
