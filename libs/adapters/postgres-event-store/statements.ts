import { EVENT_COLUMNS } from './rows.js';
import { inFlightMarks } from './in-flight.js';

/**
 * The SQL of one store, with the (validated) schema baked in. Advisory-lock keys are derived
 * from the schema name, so stores in different schemas never wait for each other.
 */
export function statements(schema: string, s: string) {
  return {
    appendEvents: `SELECT * FROM ${s}.append_events($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
    appendEventsMany: `SELECT * FROM ${s}.append_events_many($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,
      $15, $16, $17, $18)`,
    selectKey: `SELECT k.client_id, k.next_version, k.event_ids, k.request_hash, e.global_position
      FROM ${s}.idempotency_keys k LEFT JOIN ${s}.events e ON e.event_id = k.last_event_id
      WHERE k.key = $1`,
    selectHead: `SELECT client_id, version, last_hash FROM ${s}.streams WHERE client_id = $1`,
    selectHeads: `SELECT client_id, version, last_hash FROM ${s}.streams`,
    storedEventIds: `SELECT event_id FROM ${s}.events WHERE event_id = ANY($1::text[])`,
    readStream: `SELECT ${EVENT_COLUMNS} FROM ${s}.events WHERE client_id = $1 ORDER BY stream_version`,
    readStreamAfter: `SELECT ${EVENT_COLUMNS} FROM ${s}.events WHERE client_id = $1 AND stream_version > $2
      ORDER BY stream_version`,
    readAll: `SELECT ${EVENT_COLUMNS} FROM ${s}.events WHERE global_position > $1 ORDER BY global_position LIMIT $2`,
    readAllUpTo: `SELECT ${EVENT_COLUMNS} FROM ${s}.events WHERE global_position > $1 AND global_position <= $2
      ORDER BY global_position LIMIT $3`,
    inFlightMarks: inFlightMarks(schema, s),
    // cursor and ORDER BY both use the column's collation, so pages never overlap or skip
    streamIdsAfter: `SELECT client_id FROM ${s}.streams WHERE $1::text IS NULL OR client_id > $1
      ORDER BY client_id LIMIT $2`,
    readStreamRange: `SELECT ${EVENT_COLUMNS} FROM ${s}.events
      WHERE client_id = ANY($1::text[]) AND global_position <= $2 ORDER BY client_id, stream_version`,
    notifyAppended: "SELECT pg_notify($1, '')",
    headPosition: `SELECT COALESCE(MAX(global_position), 0) AS head FROM ${s}.events`,
    headBelow: `SELECT COALESCE(MAX(global_position), 0) AS head FROM ${s}.events WHERE global_position < $1`,
  };
}

export type Statements = ReturnType<typeof statements>;
