import { not, setup } from "xstate";
import type { NumberErrorReason } from "../domain/errors.js";
import type { NumberState } from "../domain/states.js";
import { GUARDS, type GuardName, type TransitionFacts } from "./guards.js";

/** The operations that move a number, with the state each one asks for. */
export const EVENT_TARGETS = {
  reserve: "reserved",
  activate: "in_service",
  makeAvailable: "available",
  age: "aging",
  portIn: "port_in",
  release: "released",
  hardDelete: "deleted",
  agingExpired: "available",
  holdExpired: "released",
} as const satisfies Record<string, string>;

/** An operation of the lifecycle machine. */
export type LifecycleEventType = keyof typeof EVENT_TARGETS;

/** An event sent to the machine: the operation and the facts its guards read. */
export interface LifecycleEvent {
  readonly type: LifecycleEventType;
  readonly facts: TransitionFacts;
}

/** The failures a transition itself can decide (others come from steps and ports). */
export type RejectReason = Extract<
  NumberErrorReason,
  "unauthorized" | "no_change_required" | "invalid_state_transition"
>;

/** Step names, run by the engine in the order a transition lists them (states.md §4). */
export type StepName =
  | "pushHistory"
  | "move"
  | "setState"
  | "acquire"
  | "runDeleteHooks"
  | "strip"
  | "unwindHistory"
  | "hold"
  | "disconnect"
  | "disconnectBestEffort"
  | "remove"
  | "save";

const guardImplementations = Object.fromEntries(
  Object.entries(GUARDS).map(([name, check]) => [
    name,
    ({ event }: { event: LifecycleEvent }) => check(event.facts),
  ]),
) as { [K in GuardName]: (args: { event: LifecycleEvent }) => boolean };

/* The engine runs the steps itself (engine/steps.ts); here they only name what happens. */
const describe = (): void => undefined;

const lifecycleSetup = setup({
  types: { events: {} as LifecycleEvent },
  guards: guardImplementations,
  actions: {
    reject: (_: unknown, _params: { reason: RejectReason; cause?: string }) => undefined,
    pushHistory: describe,
    move: (_: unknown, _params: { state: NumberState }) => undefined,
    setState: (_: unknown, _params: { state: NumberState }) => undefined,
    acquire: describe,
    runDeleteHooks: describe,
    strip: describe,
    unwindHistory: describe,
    hold: describe,
    disconnect: describe,
    disconnectBestEffort: describe,
    remove: describe,
    save: describe,
  },
});

const reject = (reason: RejectReason, cause?: string) =>
  ({ type: "reject", params: cause === undefined ? { reason } : { reason, cause } }) as const;
const move = (state: NumberState) => ({ type: "move", params: { state } }) as const;
const setState = (state: NumberState) => ({ type: "setState", params: { state } }) as const;
const unauthorized = { guard: not("passesAuthorize"), actions: reject("unauthorized") } as const;
/** MDN numbers may only stay `in_service` (states.md §5.3 `fail_if_mdn`). */
const mdnRefused = (to: NumberState) =>
  ({ guard: "isMdn", actions: reject("invalid_state_transition", `from 'MDN' to ${to}`) }) as const;
/** For activation the MDN refusal names the real from-state (states.md §5.3). */
const mdnActivationRefused = {
  guard: "isMdn",
  actions: reject("invalid_state_transition"),
} as const;

/**
 * The unwind of a held number (states.md §7 as decisions.md D10 settles it), shared by release
 * and hold expiry. When no owner remains, the carrier disconnect runs first, so a refused
 * disconnect leaves everything (upstream E911 registrations included) as it was.
 */
const unwind = [
  {
    guard: "historyRemainsAfterUnwind",
    target: "reserved",
    actions: ["runDeleteHooks", "strip", "unwindHistory", setState("reserved"), "save"],
  },
  {
    guard: "shouldPermanentlyDelete",
    target: "deleted",
    actions: [
      "runDeleteHooks",
      "strip",
      "unwindHistory",
      "disconnectBestEffort",
      setState("deleted"),
      "save",
    ],
  },
  {
    guard: "releasesToReleased",
    target: "released",
    actions: [
      "disconnect",
      "runDeleteHooks",
      "strip",
      "unwindHistory",
      setState("released"),
      "save",
    ],
  },
  {
    guard: "shouldAge",
    target: "aging",
    actions: ["disconnect", "runDeleteHooks", "strip", "unwindHistory", setState("aging"), "save"],
  },
  {
    target: "available",
    actions: [
      "disconnect",
      "runDeleteHooks",
      "strip",
      "unwindHistory",
      setState("available"),
      "save",
    ],
  },
] as const;

/** Release by the holder or someone above it (states.md §7.1 step 3). */
const release = [{ guard: not("mayRelease"), actions: reject("unauthorized") }, ...unwind] as const;

/** A timed hold ran out: the holder's reservation unwinds as if it had released (extensions.md X1). */
const holdExpired = [
  { guard: not("holdHasExpired"), actions: reject("no_change_required") },
  ...unwind,
] as const;

const hardDelete = [
  { guard: not("mayHardDelete"), actions: reject("unauthorized") },
  { target: "deleted", actions: ["runDeleteHooks", "remove"] },
] as const;

/**
 * The number lifecycle: states.md §5.2 (seed) with the recommended master changes of §11 and
 * the project decisions (docs/deviations.md). Unhandled events are invalid transitions.
 */
export const lifecycleMachine = lifecycleSetup.createMachine({
  id: "number",
  initial: "discovery",
  states: {
    discovery: {
      on: {
        reserve: [
          mdnRefused("reserved"),
          unauthorized,
          {
            target: "reserved",
            actions: ["pushHistory", move("reserved"), "hold", "acquire", "save"],
          },
        ],
        activate: [
          mdnActivationRefused,
          unauthorized,
          { target: "in_service", actions: [move("in_service"), "acquire", "save"] },
        ],
        hardDelete,
      },
    },
    available: {
      on: {
        reserve: [
          mdnRefused("reserved"),
          unauthorized,
          { target: "reserved", actions: ["pushHistory", move("reserved"), "hold", "save"] },
        ],
        activate: [
          mdnActivationRefused,
          unauthorized,
          { target: "in_service", actions: [move("in_service"), "acquire", "save"] },
        ],
        makeAvailable: [
          mdnRefused("available"),
          unauthorized,
          { target: "available", actions: [move("available"), "save"] },
        ],
        hardDelete,
      },
    },
    reserved: {
      on: {
        reserve: [
          mdnRefused("reserved"),
          { guard: not("hasTarget"), actions: reject("unauthorized") },
          { guard: "extendsHold", target: "reserved", actions: ["hold", "save"] },
          { guard: "targetIsOwner", actions: reject("no_change_required") },
          { guard: not("mayReassignReserved"), actions: reject("unauthorized") },
          {
            target: "reserved",
            actions: ["pushHistory", move("reserved"), "hold", "acquire", "save"],
          },
        ],
        activate: [
          mdnActivationRefused,
          { guard: not("mayPutReservedInService"), actions: reject("unauthorized") },
          { target: "in_service", actions: [move("in_service"), "save"] },
        ],
        release,
        holdExpired,
        hardDelete,
      },
    },
    in_service: {
      on: {
        reserve: [
          mdnRefused("reserved"),
          unauthorized,
          { target: "reserved", actions: ["pushHistory", move("reserved"), "hold", "save"] },
        ],
        activate: [
          { guard: "targetIsOwner", target: "in_service", actions: ["save"] },
          { guard: not("mayTransferInService"), actions: reject("unauthorized") },
          { target: "in_service", actions: [move("in_service"), "save"] },
        ],
        release: [
          { guard: "isMdn", target: "deleted", actions: ["runDeleteHooks", "remove"] },
          ...release,
        ],
        hardDelete,
      },
    },
    port_in: {
      on: {
        activate: [
          mdnActivationRefused,
          unauthorized,
          { target: "in_service", actions: [move("in_service"), "save"] },
        ],
        portIn: [mdnRefused("port_in"), { target: "port_in", actions: [move("port_in"), "save"] }],
        release,
        hardDelete,
      },
    },
    port_out: { on: { hardDelete } },
    released: { on: { release, hardDelete } },
    disconnected: { on: { hardDelete } },
    aging: {
      on: {
        activate: [
          mdnActivationRefused,
          { target: "in_service", actions: [move("in_service"), "save"] },
        ],
        age: [mdnRefused("aging"), { target: "aging", actions: [move("aging"), "save"] }],
        agingExpired: { target: "available", actions: [setState("available"), "save"] },
        hardDelete,
      },
    },
    deleted: { on: { hardDelete } },
  },
});

/** The machine's type. */
export type LifecycleMachine = typeof lifecycleMachine;
