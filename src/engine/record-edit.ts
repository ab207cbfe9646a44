import { Immer, freeze } from "immer";
import type { JsonObject } from "../domain/json.js";
import type { NumberRecord } from "../domain/record.js";

/** NumberRecord with its fields writable (the shape of an immer draft of it). */
export type WritableRecord = {
  -readonly [K in keyof NumberRecord]: NumberRecord[K] extends readonly string[]
    ? string[]
    : NumberRecord[K] extends Readonly<JsonObject>
      ? JsonObject
      : NumberRecord[K];
};

/**
 * The engine's own immer. Auto-freeze stays on: a frozen subtree is one that the next move's
 * finalization skips at once, which costs less than walking it again. Iteration is over
 * enumerable keys only (records hold no symbols or hidden fields).
 */
const immer = new Immer({ autoFreeze: true, useStrictIteration: false });

const draftOf = (record: NumberRecord): WritableRecord =>
  immer.createDraft<object>(record) as WritableRecord;

const finish = (draft: WritableRecord): NumberRecord => immer.finishDraft(draft as never);

/**
 * A record under change. Every write goes to one immer draft, which gives the new record
 * (frozen, sharing what did not change) when the move finishes; `now` mirrors the writes as a
 * plain object, and the steps read from it. A read through the draft's proxy costs a trap
 * call, and reading an object field (features, public fields, reserve history) that way wraps
 * it in a nested draft that finalization must walk, although a move only ever replaces those
 * whole.
 */
export class RecordEdit {
  /** The immer draft the writes go to; undefined in a dry run's edit. */
  readonly #draft: WritableRecord | undefined;
  readonly #base: NumberRecord;
  /** A dry run's changed copy, made and written the way immer makes and writes its copy. */
  #copy: Record<string, unknown> | undefined;
  /**
   * The record as the writes so far have made it (read it; write through `set` and `unset`).
   * Every field is an own key, an absent optional one holding undefined.
   */
  readonly now: Readonly<WritableRecord>;

  /**
   * Starts editing `record`. A dry run's edit (nothing it gives is written) makes no immer
   * draft: it keeps the copy immer would make (a shallow copy of the record at the first change,
   * written key by key) and freezes it the way immer's finalization does, so `finish` gives
   * the same record as the draft would, without the proxy's traps and finalization walk.
   */
  constructor(record: NumberRecord, dryRun = false) {
    this.#draft = dryRun ? undefined : draftOf(record);
    this.#base = record;
    this.now = mirrorOf(record);
  }

  /**
   * Sets a field (an object field is replaced whole, and frozen now, so finalization skips it
   * at once instead of walking it); setting the value it has is a no-op.
   */
  set<K extends keyof WritableRecord>(key: K, value: WritableRecord[K]): void {
    if (this.now[key] === value) return;
    if (typeof value === "object") freeze(value, true);
    if (this.#draft === undefined) this.#changed()[key] = value;
    else this.#draft[key] = value;
    (this.now as WritableRecord)[key] = value;
  }

  /** Removes an optional field; removing an absent one is a no-op. */
  unset(key: "assignedTo" | "prevAssignedTo" | "usedBy" | "holdExpires" | "pendingOrder"): void {
    if (this.now[key] === undefined) return;
    if (this.#draft === undefined) delete this.#changed()[key];
    else delete this.#draft[key];
    (this.now as Record<string, unknown>)[key] = undefined;
  }

  /** The record as it now stands, as a plain record of its own (what a carrier is shown). */
  snapshot(): NumberRecord {
    const copy: Record<string, unknown> = {};
    const now: Readonly<Record<string, unknown>> = this.now;
    for (const key in now) if (now[key] !== undefined) copy[key] = now[key];
    return copy as unknown as NumberRecord;
  }

  /**
   * The new record: the original itself when nothing changed. Ends the edit. Deeply frozen
   * either way, as immer's auto-freeze leaves it.
   */
  finish(): NumberRecord {
    if (this.#draft !== undefined) return finish(this.#draft);
    return freeze((this.#copy ?? this.#base) as NumberRecord, true);
  }

  /** A dry run's copy, made at the first change as immer copies a plain object. */
  #changed(): Record<string, unknown> {
    return (this.#copy ??= { ...this.#base });
  }
}

/**
 * A writable copy of every field, written out: a spread of a frozen record takes V8's slow
 * path (about five times a spread of a plain object), and one literal gives every mirror the
 * same shape.
 */
function mirrorOf(r: NumberRecord): WritableRecord {
  return {
    number: r.number,
    state: r.state,
    assignedTo: r.assignedTo,
    prevAssignedTo: r.prevAssignedTo,
    reserveHistory: r.reserveHistory as string[],
    usedBy: r.usedBy,
    features: r.features,
    carrier: r.carrier,
    carrierData: r.carrierData,
    portedIn: r.portedIn,
    holdExpires: r.holdExpires,
    pendingOrder: r.pendingOrder,
    public: r.public,
    created: r.created,
    modified: r.modified,
  } as WritableRecord;
}
