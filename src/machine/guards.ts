import {
  mayHardDelete,
  mayPutReservedInService,
  mayReassignReserved,
  mayRelease,
  mayTransferInService,
  passesAuthorize,
  type AuthFacts,
} from "../domain/authorization.js";
import type { EngineConfig } from "../domain/config.js";
import { holdHasExpired } from "../domain/holds.js";

/** Everything a guard of the lifecycle machine may look at. */
export interface TransitionFacts extends AuthFacts {
  /** The number's carrier name (no `knm_` prefix). */
  readonly carrier: string;
  readonly reserveHistory: readonly string[];
  /** The clock, Gregorian seconds. */
  readonly now: number;
  /** When the record's hold runs out, if it has one (extensions.md X1). */
  readonly holdExpires?: number | undefined;
  /** The hold the request asks for (`hold_for`), if any. */
  readonly holdFor?: number | undefined;
  readonly config: Pick<
    EngineConfig,
    "should_permanently_delete" | "released_state" | "should_age"
  >;
}

/** The reserve history once the releasing owner's first occurrence is removed (states.md §7.1 step 6). */
export function unwoundHistory(history: readonly string[], releaser: string | undefined): string[] {
  const out = [...history];
  const at = releaser === undefined ? -1 : out.indexOf(releaser);
  if (at >= 0) out.splice(at, 1);
  return out;
}

/** The machine's guards, named after the spec rules they check; pure functions of the facts. */
export const GUARDS = {
  /** Master `fail_if_mdn` (states.md §5.3, §11 note 8). */
  isMdn: (f: TransitionFacts) => f.carrier === "mdn",
  /** NOT_SELF, first half: the operation names a target. */
  hasTarget: (f: TransitionFacts) => Boolean(f.target),
  /** NOT_SELF, second half / E8: the target already owns the number. */
  targetIsOwner: (f: TransitionFacts) => Boolean(f.target) && f.target === f.owner,
  /** AUTHORIZE (decisions.md D9). */
  passesAuthorize,
  /** AUTH_REASSIGN_RESERVED (states.md §11 note 5). */
  mayReassignReserved,
  /** AUTH_RESERVED_TO_IN_SERVICE (states.md §4, seed). */
  mayPutReservedInService,
  /** AUTH_IN_SERVICE_TRANSFER (states.md §4, seed). */
  mayTransferInService,
  /** Release authorization (states.md §7.1 step 3, with master's admin short-cut). */
  mayRelease,
  /** Hard delete: system or super-duper admin (states.md §8). */
  mayHardDelete,
  /** After the unwind some earlier reserver still holds the number (states.md §7.1 step 6). */
  historyRemainsAfterUnwind: (f: TransitionFacts) =>
    unwoundHistory(f.reserveHistory, f.owner).length > 0,
  /** `should_permanently_delete` (decisions.md D10). */
  shouldPermanentlyDelete: (f: TransitionFacts) => f.config.should_permanently_delete,
  /** `released_state` is `released`. */
  releasesToReleased: (f: TransitionFacts) => f.config.released_state === "released",
  /** `should_age` (states.md §11 note 3, master). */
  shouldAge: (f: TransitionFacts) => f.config.should_age,
  /** A reserve by the holder that asks for a hold extends it (extensions.md X1). */
  extendsHold: (f: TransitionFacts) =>
    f.holdFor !== undefined && Boolean(f.target) && f.target === f.owner,
  /** The reservation's hold has run out (extensions.md X1). */
  holdHasExpired: (f: TransitionFacts) => holdHasExpired(f.holdExpires, f.now),
} as const satisfies Record<string, (f: TransitionFacts) => boolean>;

/** The name of a machine guard. */
export type GuardName = keyof typeof GUARDS;
