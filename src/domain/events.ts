import type { PortRequestEvent } from "./port-request-events.js";
import type { NumberState } from "./states.js";

/** What changed a number (conformance/FORMAT.md `inspect_events`). */
export type NumberOperation =
  | "create"
  | "update"
  | "reserve"
  | "activate"
  | "release"
  | "delete"
  | "fix"
  | "inbound_call"
  | "sweep"
  | "hold_expiry"
  | "port_completion"
  | "reconcile";

/** One change to a record as a JSON patch operation on the stored document (`toDocument` keys). */
export interface RecordPatch {
  readonly op: "add" | "replace" | "remove";
  readonly path: readonly (string | number)[];
  readonly value?: unknown;
}

/**
 * A committed change of one number record. The keys are the wire names every implementation
 * shares (conformance/FORMAT.md): they are what subscribers, the outbox and scenarios see.
 */
export interface NumberEvent {
  readonly type: "number";
  readonly number: string;
  readonly operation: NumberOperation;
  /** The state before; null when the record did not exist. */
  readonly from: NumberState | null;
  /** The state after; null when the record is gone. */
  readonly to: NumberState | null;
  /** The acting account; `system` for the clean-up, calls, hold expiry and port completion. */
  readonly account_id: string;
  readonly owner_before: string | null;
  readonly owner_after: string | null;
  /** The record's revision after the change (the revision of the deletion when it is gone). */
  readonly revision: number;
  /** The clock at the change, in Gregorian seconds. */
  readonly timestamp: number;
  /** The change to the record, as patches on its stored document. */
  readonly patches: readonly RecordPatch[];
}

/** An event before the store has given its write a revision. */
export type NumberEventDraft = Omit<NumberEvent, "revision">;

/** An event as the outbox keeps it: the event and its place in commit order. */
export interface StoredEvent {
  /** Opaque position: pass it to `since` to read what was committed after this event. */
  readonly cursor: string;
  readonly event: NumberEvent | PortRequestEvent;
}

/** The keys of an event that are known when it is drafted, besides its patches. */
export type EventFacts = Omit<NumberEventDraft, "patches">;

/** Returns the object it is given: lets a subclass add private fields to a plain object. */
class Plain {
  constructor(object: object) {
    return object;
  }
}

/** The `patches` accessor shared by every event (assigned in the static block below). */
let lazyPatches: PropertyDescriptor;

/**
 * Gives a plain event object (Object.prototype, so deep-equal to a literal) an own enumerable
 * `patches` accessor: one shared getter reading private fields. A getter written in an object
 * literal would be a new closure per event and leaves each event with a map of its own, which
 * costs several times the rest of the event (and the objects land in dictionary mode).
 */
class LazyPatches extends Plain {
  #diff: (() => readonly RecordPatch[]) | undefined;
  #patches: readonly RecordPatch[] | undefined;

  constructor(object: object, diff: () => readonly RecordPatch[]) {
    super(object);
    this.#diff = diff;
    Object.defineProperty(object, "patches", lazyPatches);
  }

  static {
    lazyPatches = {
      get(this: LazyPatches): readonly RecordPatch[] {
        if (this.#patches === undefined) {
          this.#patches = (this.#diff as () => readonly RecordPatch[])();
          this.#diff = undefined; // the records it diffed can go
        }
        return this.#patches;
      },
      enumerable: true,
      configurable: false,
    };
  }
}

/**
 * A draft whose patches are computed only when first read (then kept): nothing is diffed for an
 * event nobody looks at. `patches` is an enumerable own property, so copying or serializing the
 * draft reads it. `diff` must be pure (it runs later, maybe never).
 */
export function lazyDraft(facts: EventFacts, diff: () => readonly RecordPatch[]): NumberEventDraft {
  const draft = {
    type: facts.type,
    number: facts.number,
    operation: facts.operation,
    from: facts.from,
    to: facts.to,
    account_id: facts.account_id,
    owner_before: facts.owner_before,
    owner_after: facts.owner_after,
    timestamp: facts.timestamp,
  };
  new LazyPatches(draft, diff);
  return draft as NumberEventDraft;
}

/** The event of a committed draft: the draft with the store's revision, its patches still lazy. */
export function stampEvent(draft: NumberEventDraft, revision: number): NumberEvent {
  const event = {
    type: draft.type,
    number: draft.number,
    operation: draft.operation,
    from: draft.from,
    to: draft.to,
    account_id: draft.account_id,
    owner_before: draft.owner_before,
    owner_after: draft.owner_after,
    revision,
    timestamp: draft.timestamp,
  };
  new LazyPatches(event, () => draft.patches);
  return event as NumberEvent;
}

/** True for the event of a number record (not of a port request): the outbox carries both. */
export function isNumberEvent(event: StoredEvent["event"]): event is NumberEvent {
  return event.type === "number";
}
