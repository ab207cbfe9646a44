import type { Account } from "../../domain/accounts.js";
import type { NumberEvent, NumberEventDraft, StoredEvent } from "../../domain/events.js";
import type { ClaimOutcome, KeptAnswer, KeyClaim } from "../../domain/idempotency.js";
import type { NumberRecord } from "../../domain/record.js";
import type { NumberState } from "../../domain/states.js";
import type { StoredNumber } from "../../ports/repository.js";

/** A live row of the `numbers` table as a SELECT returns it. */
export interface NumberRow {
  readonly number: string;
  readonly state: string;
  readonly owner: string | null;
  readonly doc: string;
}

/** A row with its revision (BIGINT columns may come back as text). */
export interface RevisedRow extends NumberRow {
  readonly revision: number | string;
}

/** The record fields kept in `doc`: all but the columns. */
type DocFields = Omit<NumberRecord, "number" | "state" | "assignedTo">;

/** The column values of a record: `[state, owner, doc]`, in the order the write statements bind them. */
export function recordColumns(record: NumberRecord): [string, string | null, string] {
  const { number: _number, state, assignedTo, ...doc } = record;
  return [state, assignedTo ?? null, JSON.stringify(doc)];
}

/** The record a row holds (one JSON parse; the columns are set on the parsed object). */
export function rowRecord(row: NumberRow): NumberRecord {
  const record = JSON.parse(row.doc) as DocFields & {
    number: string;
    state: NumberState;
    assignedTo?: string;
  };
  record.number = row.number;
  // Only the write statements set the column, from a record's state.
  record.state = row.state as NumberState;
  if (row.owner !== null) record.assignedTo = row.owner;
  return record;
}

/** A row with its revision as the port's StoredNumber. */
export function storedOf(row: RevisedRow): StoredNumber {
  return { record: rowRecord(row), revision: Number(row.revision) };
}

/** The outbox body of an event (the revision is a column). */
export function eventBody(draft: NumberEventDraft): string {
  return JSON.stringify(draft);
}

/** A row of the outbox as a SELECT returns it. */
export interface EventRow {
  readonly seq: number | string;
  readonly revision: number | string;
  readonly body: string;
}

/** The stored event of an outbox row; its sequence is the cursor. */
export function storedEvent(row: EventRow): StoredEvent {
  const event = JSON.parse(row.body) as { -readonly [K in keyof NumberEvent]: NumberEvent[K] };
  if (event.type === "number") event.revision = Number(row.revision);
  return { cursor: String(row.seq), event };
}

/** The sequence a cursor names: 0 (before everything) for none or one that is not a sequence. */
export function cursorSequence(cursor: string | undefined): number {
  const sequence = cursor === undefined ? 0 : Number(cursor);
  return Number.isSafeInteger(sequence) && sequence > 0 ? sequence : 0;
}

/** A row of `idempotency_keys` as a SELECT returns it. */
export interface KeyRow {
  readonly token: string;
  readonly fingerprint: string;
  readonly lease_until: number | string;
  readonly status: number | string | null;
  readonly response: string | null;
  readonly expires: number | string | null;
}

/**
 * What a claim finds in a key's row: its kept answer while it lives, the running claim while
 * its lease lasts, or undefined when the key may be claimed.
 */
export function claimFinding(row: KeyRow | undefined, claim: KeyClaim): ClaimOutcome | undefined {
  if (row === undefined) return undefined;
  if (row.status !== null && row.response !== null && row.expires !== null) {
    if (Number(row.expires) <= claim.now) return undefined;
    const answer: KeptAnswer = {
      account: claim.account,
      key: claim.key,
      fingerprint: row.fingerprint,
      status: Number(row.status),
      response: row.response,
      expires: Number(row.expires),
    };
    return { kind: "kept", answer };
  }
  return Number(row.lease_until) > claim.now
    ? { kind: "in_flight", fingerprint: row.fingerprint }
    : undefined;
}

/** The parameters of KEEP_ANSWER for an answer. */
export function answerParams(
  answer: KeptAnswer,
): [string, string, string, number, number, string, number] {
  return [
    answer.account,
    answer.key,
    answer.fingerprint,
    answer.expires,
    answer.status,
    answer.response,
    answer.expires,
  ];
}

/** The `doc` column of an account. */
export function accountDoc(account: Account): string {
  return JSON.stringify(account);
}

/** The account an `accounts.doc` holds. */
export function accountOf(doc: string): Account {
  return JSON.parse(doc) as Account;
}

/**
 * The exclusive upper bound of the keys starting with `prefix` (its last character moved one
 * code unit up); keys are compared in code-point order, as the "C"/binary collations do.
 */
export function prefixEnd(prefix: string): string {
  if (prefix === "") return "\u{10FFFF}";
  const last = prefix.charCodeAt(prefix.length - 1);
  return prefix.slice(0, -1) + String.fromCharCode(last + 1);
}
