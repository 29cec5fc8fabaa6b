import type { Database, Statement } from 'better-sqlite3';
import { EVENT_COLUMNS, type EventRow, type InsertParams } from './rows.js';
import type { HeadRow } from '../sql-event-rows/index.js';
import { READ_COLUMNS, STREAM_READ_COLUMNS, type ReadRow, type StreamRow } from './decode.js';

export type { HeadRow } from '../sql-event-rows/index.js';
export interface KeyRow {
  client_id: string;
  result: string;
}

export interface Statements {
  selectKey: Statement<[string], KeyRow>;
  selectHead: Statement<[string], HeadRow>;
  selectHeads: Statement<[], HeadRow>;
  insertEvent: Statement<InsertParams>;
  upsertHead: Statement<[string, bigint, string]>;
  insertKey: Statement<[string, string, string]>;
  eventExists: Statement<[string], bigint>;
  /** With the hash: chain verification. */
  readStream: Statement<[string], EventRow>;
  /** Raw rows without the hash or client id, integers as numbers: what readStream() returns. */
  readStreamEvents: Statement<[string], StreamRow>;
  /** The same with bigints, for a stream whose positions pass 2^53. */
  readStreamEventsExact: Statement<[string], StreamRow>;
  /** The same after a stream version (readStream's `afterVersion`). */
  readStreamEventsAfter: Statement<[string, bigint], StreamRow>;
  readStreamEventsAfterExact: Statement<[string, bigint], StreamRow>;
  /** Raw rows without the hash: what readAll() returns. */
  readAllEvents: Statement<[bigint, number], ReadRow>;
  readEverything: Statement<[], EventRow>;
  /** A page of stream ids in client-id order after a cursor ('' = from the first). */
  streamIdsAfter: Statement<[string, number], string>;
  /** One stream's events at or below a position (readStreams), as readStreamEvents reads them. */
  readStreamEventsUpTo: Statement<[string, bigint], StreamRow>;
  readStreamEventsUpToExact: Statement<[string, bigint], StreamRow>;
  headPosition: Statement<[], bigint>;
}

/** Prepared once per connection; the connection must have defaultSafeIntegers(true). */
export function prepareStatements(db: Database): Statements {
  return {
    selectKey: db.prepare('SELECT client_id, result FROM idempotency_keys WHERE key = ?'),
    selectHead: db.prepare('SELECT client_id, version, last_hash FROM streams WHERE client_id = ?'),
    selectHeads: db.prepare('SELECT client_id, version, last_hash FROM streams'),
    insertEvent: db.prepare(`INSERT INTO events (${EVENT_COLUMNS.replace('global_position, ', '')})
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    upsertHead: db.prepare(`INSERT INTO streams (client_id, version, last_hash) VALUES (?, ?, ?)
      ON CONFLICT (client_id) DO UPDATE SET version = excluded.version, last_hash = excluded.last_hash`),
    insertKey: db.prepare('INSERT INTO idempotency_keys (key, client_id, result) VALUES (?, ?, ?)'),
    eventExists: db.prepare<[string], bigint>('SELECT 1 FROM events WHERE event_id = ?').pluck(),
    readStream: db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE client_id = ? ORDER BY stream_version`),
    readStreamEvents: db
      .prepare<[string], StreamRow>(`SELECT ${STREAM_READ_COLUMNS} FROM events
      WHERE client_id = ? ORDER BY stream_version`)
      .raw()
      .safeIntegers(false),
    readStreamEventsExact: db
      .prepare<[string], StreamRow>(`SELECT ${STREAM_READ_COLUMNS} FROM events
      WHERE client_id = ? ORDER BY stream_version`)
      .raw(),
    readStreamEventsAfter: db
      .prepare<[string, bigint], StreamRow>(`SELECT ${STREAM_READ_COLUMNS} FROM events
      WHERE client_id = ? AND stream_version > ? ORDER BY stream_version`)
      .raw()
      .safeIntegers(false),
    readStreamEventsAfterExact: db
      .prepare<[string, bigint], StreamRow>(`SELECT ${STREAM_READ_COLUMNS} FROM events
      WHERE client_id = ? AND stream_version > ? ORDER BY stream_version`)
      .raw(),
    readAllEvents: db
      .prepare<[bigint, number], ReadRow>(`SELECT ${READ_COLUMNS} FROM events
      WHERE global_position > ? ORDER BY global_position LIMIT ?`)
      .raw(),
    streamIdsAfter: db
      .prepare<[string, number], string>('SELECT client_id FROM streams WHERE client_id > ? ORDER BY client_id LIMIT ?')
      .pluck(),
    // the (client_id, stream_version) unique index serves each stream in order
    readStreamEventsUpTo: db
      .prepare<[string, bigint], StreamRow>(`SELECT ${STREAM_READ_COLUMNS} FROM events
      WHERE client_id = ? AND global_position <= ? ORDER BY stream_version`)
      .raw()
      .safeIntegers(false),
    readStreamEventsUpToExact: db
      .prepare<[string, bigint], StreamRow>(`SELECT ${STREAM_READ_COLUMNS} FROM events
      WHERE client_id = ? AND global_position <= ? ORDER BY stream_version`)
      .raw(),
    readEverything: db.prepare(`SELECT ${EVENT_COLUMNS} FROM events ORDER BY global_position`),
    headPosition: db.prepare<[], bigint>('SELECT COALESCE(MAX(global_position), 0) FROM events').pluck(),
  };
}
