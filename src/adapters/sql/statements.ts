/**
 * The statements both SQL stores run, written once with `$n` parameters (each used once, in
 * order, so SQLite can bind them positionally). Tombstones (state NULL) are never visible.
 */

const ROW = "number, state, owner, doc";

/** Reads one live record with its revision: `$1` number. */
export const GET_NUMBER = `SELECT ${ROW}, revision FROM numbers WHERE number = $1 AND state IS NOT NULL`;

/**
 * Creates a record where the number has none (no row, or a tombstone, whose revision goes on):
 * `$1` number, `$2` state, `$3` owner, `$4` doc. Returns the new revision, or no row when the
 * number already has a record.
 */
export const CREATE_NUMBER = `INSERT INTO numbers (number, state, owner, revision, doc)
  VALUES ($1, $2, $3, 1, $4)
  ON CONFLICT (number) DO UPDATE
    SET state = excluded.state, owner = excluded.owner, doc = excluded.doc,
        revision = numbers.revision + 1
    WHERE numbers.state IS NULL
  RETURNING revision`;

/**
 * Replaces a record at the revision the writer read (compare-and-set): `$1` state, `$2` owner,
 * `$3` doc, `$4` number, `$5` expected revision. Changes one row, or none on a conflict.
 */
export const UPDATE_NUMBER = `UPDATE numbers SET state = $1, owner = $2, doc = $3, revision = revision + 1
  WHERE number = $4 AND revision = $5 AND state IS NOT NULL`;

/**
 * Guards a number that must have no record (CommitBatch.guards): leaves or bumps a tombstone,
 * which takes the row's lock. `$1` number. Returns the row's revision, or no row when the
 * number has a record.
 */
export const GUARD_ABSENT_NUMBER = `INSERT INTO numbers (number, state, owner, revision, doc)
  VALUES ($1, NULL, NULL, 1, NULL)
  ON CONFLICT (number) DO UPDATE SET revision = numbers.revision + 1
    WHERE numbers.state IS NULL
  RETURNING revision`;

/** Guards a record at the revision read by bumping it, content unchanged: `$1` number, `$2` expected. Changes one row, or none on a conflict. */
export const GUARD_NUMBER = `UPDATE numbers SET revision = revision + 1
  WHERE number = $1 AND revision = $2 AND state IS NOT NULL`;

/** Deletes a record at the revision read, leaving a tombstone: `$1` number, `$2` expected revision. */
export const DELETE_NUMBER = `UPDATE numbers SET state = NULL, owner = NULL, doc = NULL, revision = revision + 1
  WHERE number = $1 AND revision = $2 AND state IS NOT NULL`;

/** An account's numbers from a key: `$1` owner, `$2` start key, `$3` limit. */
export const LIST_BY_OWNER = `SELECT ${ROW} FROM numbers
  WHERE owner = $1 AND number >= $2 ORDER BY number LIMIT $3`;

/** Numbers in a state within a key range: `$1` state, `$2` from (inclusive), `$3` to (exclusive), `$4` limit. */
export const SCAN_STATE_RANGE = `SELECT ${ROW} FROM numbers
  WHERE state = $1 AND number >= $2 AND number < $3 ORDER BY number LIMIT $4`;

/** Numbers in a state from a key: `$1` state, `$2` start key, `$3` limit. */
export const LIST_BY_STATE = `SELECT ${ROW} FROM numbers
  WHERE state = $1 AND number >= $2 ORDER BY number LIMIT $3`;

/** Appends an event to the outbox: `$1` number, `$2` revision, `$3` timestamp, `$4` body. */
export const INSERT_EVENT = `INSERT INTO events (number, revision, timestamp, body) VALUES ($1, $2, $3, $4)`;

/** Events after a cursor, in commit order: `$1` cursor (sequence), `$2` limit. */
export const EVENTS_SINCE = `SELECT seq, revision, body FROM events WHERE seq > $1 ORDER BY seq LIMIT $2`;

/** Drops events older than a time: `$1` Gregorian seconds. */
export const PRUNE_EVENTS = `DELETE FROM events WHERE timestamp < $1`;

/** Reads an idempotency key: `$1` account, `$2` key. */
export const GET_KEY = `SELECT token, fingerprint, lease_until, status, response, expires
  FROM idempotency_keys WHERE account = $1 AND key = $2`;

/** Claims a key for a request, replacing whatever was there: `$1` account, `$2` key, `$3` token, `$4` fingerprint, `$5` lease end. */
export const CLAIM_KEY = `INSERT INTO idempotency_keys (account, key, token, fingerprint, lease_until)
  VALUES ($1, $2, $3, $4, $5)
  ON CONFLICT (account, key) DO UPDATE
    SET token = excluded.token, fingerprint = excluded.fingerprint,
        lease_until = excluded.lease_until, status = NULL, response = NULL, expires = NULL`;

/**
 * Keeps an answer for a key (its claim's token and lease stay): `$1` account, `$2` key,
 * `$3` fingerprint, `$4` lease end when unclaimed, `$5` status, `$6` response, `$7` expires.
 */
export const KEEP_ANSWER = `INSERT INTO idempotency_keys
    (account, key, token, fingerprint, lease_until, status, response, expires)
  VALUES ($1, $2, '', $3, $4, $5, $6, $7)
  ON CONFLICT (account, key) DO UPDATE
    SET fingerprint = excluded.fingerprint, status = excluded.status,
        response = excluded.response, expires = excluded.expires`;

/** Gives back an unanswered claim: `$1` account, `$2` key, `$3` token. */
export const RELEASE_KEY = `DELETE FROM idempotency_keys
  WHERE account = $1 AND key = $2 AND token = $3 AND status IS NULL`;

/** Forgets answers expired and claims ended by a time: `$1` and `$2` the same Gregorian seconds. */
export const PURGE_KEYS = `DELETE FROM idempotency_keys
  WHERE (status IS NOT NULL AND expires <= $1) OR (status IS NULL AND lease_until <= $2)`;

/** Reads an account: `$1` id. */
export const GET_ACCOUNT = `SELECT doc FROM accounts WHERE id = $1`;

/** Reads every account, in id order. */
export const ALL_ACCOUNTS = `SELECT doc FROM accounts ORDER BY id`;

/** Writes an account: `$1` id, `$2` doc. */
export const PUT_ACCOUNT = `INSERT INTO accounts (id, doc) VALUES ($1, $2)
  ON CONFLICT (id) DO UPDATE SET doc = excluded.doc`;

/** The account of a token: `$1` token. */
export const GET_TOKEN = `SELECT account FROM tokens WHERE token = $1`;

/** Writes a token: `$1` token, `$2` account. */
export const PUT_TOKEN = `INSERT INTO tokens (token, account) VALUES ($1, $2)
  ON CONFLICT (token) DO UPDATE SET account = excluded.account`;
