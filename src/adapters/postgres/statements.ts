import type { Tables } from "./schema.js";

/**
 * The repository's statements for one store. A row whose `record` is NULL is the tombstone of a
 * deleted number: it keeps the number's revision so a re-created record never repeats one.
 */
export interface Statements {
  readonly get: string;
  readonly getMany: string;
  readonly listByOwner: string;
  readonly listByState: string;
  readonly scanPrefix: string;
  /** One conditional update (or delete) with its events, in one statement: the hot path. */
  readonly updateOne: string;
  /** One create (over nothing or a tombstone) with its events, in one statement. */
  readonly createOne: string;
  readonly updateMany: string;
  readonly createMany: string;
  /** Takes the next outbox positions and stores the events under them: the last statement of a transaction. */
  readonly appendEvents: string;
  readonly keepAnswers: string;
  readonly eventsSince: string;
  readonly pruneEvents: string;
  readonly claimKey: string;
  readonly readKey: string;
  readonly releaseKey: string;
  readonly purgeKeys: string;
}

/**
 * The events of one write, appended under the outbox head's next positions. Updating the
 * head's one row holds its lock until the transaction ends, so positions are taken in commit
 * order and a reader never sees a later position before an earlier one is committed.
 */
const eventsOfWrite = (t: Tables, ts: string, bodies: string): string => `
  h AS (
    UPDATE ${t.outboxHead} SET seq = seq + cardinality(${ts})
    WHERE id = 1 AND cardinality(${ts}) > 0 AND EXISTS (SELECT 1 FROM w)
    RETURNING seq - cardinality(${ts}) AS base
  ),
  e AS (
    INSERT INTO ${t.events} (seq, number, revision, ts, body)
    SELECT h.base + x.ord, w.number, w.revision, x.ts, x.body
    FROM w, h, unnest(${ts}, ${bodies}) WITH ORDINALITY AS x(ts, body, ord)
  )
  SELECT revision FROM w`;

const setFromExcluded =
  "revision = n.revision + 1, state = EXCLUDED.state, owner = EXCLUDED.owner, record = EXCLUDED.record";

/** The statements of the store in `t`. */
export function statementsFor(t: Tables): Statements {
  const live = "record IS NOT NULL";
  return {
    get: `SELECT revision, record FROM ${t.numbers} WHERE number = $1 AND ${live}`,
    getMany: `SELECT number, revision, record FROM ${t.numbers} WHERE number = ANY($1::text[]) AND ${live}`,
    listByOwner: `SELECT record FROM ${t.numbers} WHERE owner = $1 AND number >= $2 ORDER BY number LIMIT $3`,
    listByState: `SELECT record FROM ${t.numbers} WHERE state = $1 AND number >= $2 ORDER BY number LIMIT $3`,
    scanPrefix: `SELECT record FROM ${t.numbers}
      WHERE state = $1 AND number >= $2 AND number < $3 AND substr(number, 1, length($4)) = $4
      ORDER BY number LIMIT $5`,
    updateOne: `WITH w AS (
        UPDATE ${t.numbers} SET revision = revision + 1, state = $3, owner = $4, record = $5
        WHERE number = $1 AND revision = $2 AND ${live}
        RETURNING number, revision
      ), ${eventsOfWrite(t, "$6::bigint[]", "$7::text[]")}`,
    createOne: `WITH w AS (
        INSERT INTO ${t.numbers} AS n (number, revision, state, owner, record)
        VALUES ($1, 1, $2, $3, $4)
        ON CONFLICT (number) DO UPDATE SET ${setFromExcluded} WHERE n.record IS NULL
        RETURNING number, revision
      ), ${eventsOfWrite(t, "$5::bigint[]", "$6::text[]")}`,
    updateMany: `UPDATE ${t.numbers} AS n
      SET revision = n.revision + 1, state = v.state, owner = v.owner, record = v.record
      FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[])
        AS v(number, expected, state, owner, record)
      WHERE n.number = v.number AND n.revision = v.expected AND n.record IS NOT NULL
      RETURNING n.number, n.revision`,
    createMany: `INSERT INTO ${t.numbers} AS n (number, revision, state, owner, record)
      SELECT v.number, 1, v.state, v.owner, v.record
      FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS v(number, state, owner, record)
      ON CONFLICT (number) DO UPDATE SET ${setFromExcluded} WHERE n.record IS NULL
      RETURNING n.number, n.revision`,
    appendEvents: `WITH h AS (
        UPDATE ${t.outboxHead} SET seq = seq + cardinality($1::text[]) WHERE id = 1
        RETURNING seq - cardinality($1::text[]) AS base
      )
      INSERT INTO ${t.events} (seq, number, revision, ts, body)
      SELECT h.base + x.ord, x.number, x.revision, x.ts, x.body
      FROM h, unnest($1::text[], $2::bigint[], $3::bigint[], $4::text[])
        WITH ORDINALITY AS x(number, revision, ts, body, ord)`,
    keepAnswers: `INSERT INTO ${t.keys} AS k
        (account, key, token, fingerprint, lease_until, status, response, expires)
      SELECT v.account, v.key, '', v.fingerprint, v.expires, v.status, v.response, v.expires
      FROM unnest($1::text[], $2::text[], $3::text[], $4::integer[], $5::text[], $6::bigint[])
        AS v(account, key, fingerprint, status, response, expires)
      ON CONFLICT (account, key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint,
        status = EXCLUDED.status, response = EXCLUDED.response, expires = EXCLUDED.expires`,
    eventsSince: `SELECT seq, revision, body FROM ${t.events} WHERE seq > $1 ORDER BY seq LIMIT $2`,
    pruneEvents: `DELETE FROM ${t.events} WHERE ts < $1`,
    claimKey: `INSERT INTO ${t.keys} AS k (account, key, token, fingerprint, lease_until)
      VALUES ($1, $2, $3, $4, $5)
      ON CONFLICT (account, key) DO UPDATE SET token = EXCLUDED.token,
        fingerprint = EXCLUDED.fingerprint, lease_until = EXCLUDED.lease_until,
        status = NULL, response = NULL, expires = NULL
      WHERE (k.status IS NOT NULL AND k.expires <= $6) OR (k.status IS NULL AND k.lease_until <= $6)
      RETURNING token`,
    readKey: `SELECT fingerprint, lease_until, status, response, expires FROM ${t.keys}
      WHERE account = $1 AND key = $2`,
    releaseKey: `DELETE FROM ${t.keys} WHERE account = $1 AND key = $2 AND token = $3 AND status IS NULL`,
    purgeKeys: `DELETE FROM ${t.keys}
      WHERE (status IS NOT NULL AND expires <= $1) OR (status IS NULL AND lease_until <= $1)`,
  };
}
