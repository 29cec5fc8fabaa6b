import { EVENT_COLUMNS } from './rows.js';

/**
 * The SQL of one store, with the (validated, quoted) schema baked in. Advisory-lock keys are
 * derived from the schema name, so stores in different schemas never wait for each other.
 */
export function statements(s: string) {
  return {
    /** Serialises appends to one client stream (version check, idempotency key). */
    streamLock: "SELECT pg_advisory_xact_lock(hashtext('polku.stream:' || $1), hashtext($2))",
    /** Serialises position assignment with commit: see append.ts. */
    orderLock: "SELECT pg_advisory_xact_lock(hashtextextended('polku.order:' || $1, 0))",
    selectKey: `SELECT k.client_id, k.next_version, k.event_ids, k.request_hash, e.global_position
      FROM ${s}.idempotency_keys k LEFT JOIN ${s}.events e ON e.event_id = k.last_event_id
      WHERE k.key = $1`,
    selectHead: `SELECT client_id, version, last_hash FROM ${s}.streams WHERE client_id = $1`,
    selectHeads: `SELECT client_id, version, last_hash FROM ${s}.streams`,
    upsertHead: `INSERT INTO ${s}.streams (client_id, version, last_hash) VALUES ($1, $2, $3)
      ON CONFLICT (client_id) DO UPDATE SET version = excluded.version, last_hash = excluded.last_hash`,
    insertKey: `INSERT INTO ${s}.idempotency_keys (key, client_id, next_version, last_event_id, event_ids, request_hash)
      VALUES ($1, $2, $3, $4, $5, $6)`,
    // One statement for the whole batch; ORDER BY ord makes nextval follow stream-version order
    // (volatile select-list expressions are evaluated after the sort).
    insertEvents: `INSERT INTO ${s}.events (${EVENT_COLUMNS})
      SELECT nextval('${s}.event_positions'), t.event_id, $1, t.stream_version, t.type, t.schema_version,
        t.occurred_at, t.recorded_at, t.actor, t.correlation_id, t.causation_id, t.data, t.hash
      FROM unnest($2::text[], $3::bigint[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[],
        $9::text[], $10::text[], $11::text[], $12::text[])
        WITH ORDINALITY AS t(event_id, stream_version, type, schema_version, occurred_at, recorded_at, actor,
          correlation_id, causation_id, data, hash, ord)
      ORDER BY t.ord
      RETURNING global_position`,
    storedEventIds: `SELECT event_id FROM ${s}.events WHERE event_id = ANY($1::text[])`,
    readStream: `SELECT ${EVENT_COLUMNS} FROM ${s}.events WHERE client_id = $1 ORDER BY stream_version`,
    readAll: `SELECT ${EVENT_COLUMNS} FROM ${s}.events WHERE global_position > $1 ORDER BY global_position LIMIT $2`,
    // cursor and ORDER BY both use the column's collation, so pages never overlap or skip
    streamIdsAfter: `SELECT client_id FROM ${s}.streams WHERE $1::text IS NULL OR client_id > $1
      ORDER BY client_id LIMIT $2`,
    readStreamRange: `SELECT ${EVENT_COLUMNS} FROM ${s}.events
      WHERE client_id = ANY($1::text[]) AND global_position <= $2 ORDER BY client_id, stream_version`,
    notifyAppended: 'SELECT pg_notify($1, $2)',
    headPosition: `SELECT COALESCE(MAX(global_position), 0) AS head FROM ${s}.events`,
  };
}

export type Statements = ReturnType<typeof statements>;
