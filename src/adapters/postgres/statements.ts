import * as shared from "../sql/statements.js";
import { inSchema } from "./schema.js";

/**
 * The PostgreSQL statements of one store: the shared ones, plus those that make a write one
 * round trip (the compare-and-set and its events in one statement) and a batch a few
 * (every write of a kind in one statement over arrays).
 */
export interface Statements {
  readonly get: string;
  readonly getMany: string;
  readonly listByOwner: string;
  readonly listByState: string;
  readonly scanRange: string;
  readonly createOne: string;
  readonly updateOne: string;
  readonly deleteOne: string;
  readonly updateMany: string;
  readonly createMany: string;
  /** Guards records at the revisions read (CommitBatch.guards): bumps them, returns those that held. */
  readonly guardMany: string;
  /** Guards absent numbers: leaves or bumps a tombstone row (its lock), returns those still absent. */
  readonly guardAbsentMany: string;
  /** Takes the next outbox positions and stores the events under them: last in a transaction. */
  readonly appendEvents: string;
  readonly keepAnswers: string;
  readonly eventsSince: string;
  readonly pruneEvents: string;
  readonly claimKey: string;
  readonly readKey: string;
  readonly releaseKey: string;
  readonly purgeKeys: string;
  readonly getAccount: string;
  readonly putAccount: string;
  readonly getToken: string;
  readonly putToken: string;
}

/**
 * The events of the write `w` (a CTE returning `revision`), appended under the outbox head's
 * next positions. Updating the head's one row holds its lock until the transaction ends, so
 * positions are taken in commit order: a reader never sees a position before every smaller one
 * is committed. No events: the head is left alone.
 */
const withEvents = (number: string, ts: string, bodies: string): string => `,
  h AS (
    UPDATE outbox_head SET seq = seq + cardinality(${ts}::bigint[])
    WHERE id = 1 AND cardinality(${ts}::bigint[]) > 0 AND EXISTS (SELECT 1 FROM w)
    RETURNING seq - cardinality(${ts}::bigint[]) AS base
  ),
  e AS (
    INSERT INTO events (seq, number, revision, timestamp, body)
    SELECT h.base + x.ord, ${number}, w.revision, x.ts, x.body
    FROM w, h, unnest(${ts}::bigint[], ${bodies}::text[]) WITH ORDINALITY AS x(ts, body, ord)
  )
  SELECT revision FROM w`;

/** The live rows' columns, as the shared row mapping reads them. */
const ROW = "number, state, owner, doc, revision";

/** The statements of the store in `schema`. */
export function statementsFor(schema: string): Statements {
  const sql = inSchema(schema);
  return {
    get: sql(shared.GET_NUMBER),
    getMany: sql(`SELECT ${ROW} FROM numbers WHERE number = ANY($1::text[]) AND state IS NOT NULL`),
    listByOwner: sql(shared.LIST_BY_OWNER),
    listByState: sql(shared.LIST_BY_STATE),
    scanRange: sql(shared.SCAN_STATE_RANGE),
    createOne: sql(`WITH w AS (${shared.CREATE_NUMBER})${withEvents("$1", "$5", "$6")}`),
    updateOne: sql(
      `WITH w AS (${shared.UPDATE_NUMBER} RETURNING revision)${withEvents("$4", "$6", "$7")}`,
    ),
    deleteOne: sql(
      `WITH w AS (${shared.DELETE_NUMBER} RETURNING revision)${withEvents("$1", "$3", "$4")}`,
    ),
    updateMany: sql(`UPDATE numbers AS n
      SET state = v.state, owner = v.owner, doc = v.doc, revision = n.revision + 1
      FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[])
        AS v(number, expected, state, owner, doc)
      WHERE n.number = v.number AND n.revision = v.expected AND n.state IS NOT NULL
      RETURNING n.number, n.revision`),
    createMany: sql(`INSERT INTO numbers AS n (number, state, owner, revision, doc)
      SELECT v.number, v.state, v.owner, 1, v.doc
      FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS v(number, state, owner, doc)
      ON CONFLICT (number) DO UPDATE
        SET state = excluded.state, owner = excluded.owner, doc = excluded.doc,
            revision = n.revision + 1
        WHERE n.state IS NULL
      RETURNING n.number, n.revision`),
    guardMany: sql(`UPDATE numbers AS n SET revision = n.revision + 1
      FROM unnest($1::text[], $2::bigint[]) AS v(number, expected)
      WHERE n.number = v.number AND n.revision = v.expected AND n.state IS NOT NULL
      RETURNING n.number`),
    guardAbsentMany: sql(`INSERT INTO numbers AS n (number, state, owner, revision, doc)
      SELECT v.number, NULL, NULL, 1, NULL FROM unnest($1::text[]) AS v(number)
      ON CONFLICT (number) DO UPDATE SET revision = n.revision + 1 WHERE n.state IS NULL
      RETURNING n.number`),
    appendEvents: sql(`WITH h AS (
        UPDATE outbox_head SET seq = seq + cardinality($1::text[]) WHERE id = 1
        RETURNING seq - cardinality($1::text[]) AS base
      )
      INSERT INTO events (seq, number, revision, timestamp, body)
      SELECT h.base + x.ord, x.number, x.revision, x.ts, x.body
      FROM h, unnest($1::text[], $2::bigint[], $3::bigint[], $4::text[])
        WITH ORDINALITY AS x(number, revision, ts, body, ord)`),
    keepAnswers: sql(shared.KEEP_ANSWER),
    eventsSince: sql(shared.EVENTS_SINCE),
    pruneEvents: sql(shared.PRUNE_EVENTS),
    // Claims only a free key (expired answer, ended lease) in one statement: no row means taken.
    claimKey: sql(`${shared.CLAIM_KEY}
      WHERE (idempotency_keys.status IS NOT NULL AND idempotency_keys.expires <= $6)
         OR (idempotency_keys.status IS NULL AND idempotency_keys.lease_until <= $6)
      RETURNING token`),
    readKey: sql(shared.GET_KEY),
    releaseKey: sql(shared.RELEASE_KEY),
    purgeKeys: sql(shared.PURGE_KEYS),
    getAccount: sql(shared.GET_ACCOUNT),
    putAccount: sql(shared.PUT_ACCOUNT),
    getToken: sql(shared.GET_TOKEN),
    putToken: sql(shared.PUT_TOKEN),
  };
}
