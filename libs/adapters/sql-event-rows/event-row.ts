import { type PolkuEvent, type RecordedEvent, upcast } from '../../events/index.js';
import {
  type ChainHead,
  type ChainLink,
  ChainWalker,
  canonicalEventContent,
  canonicalJson,
  chainHash,
  type HashContent,
} from '../../event-store/index.js';

/**
 * A row of `events` in the SQL event stores (SQLite and PostgreSQL share the table's shape):
 * positions and versions as bigint; the schema version as the driver returns it.
 */
export interface EventRow {
  global_position: bigint;
  event_id: string;
  client_id: string;
  stream_version: bigint;
  type: string;
  schema_version: number | bigint;
  occurred_at: string;
  recorded_at: string;
  actor: string;
  correlation_id: string;
  causation_id: string | null;
  data: string;
  hash: string;
}

export const EVENT_COLUMNS =
  'global_position, event_id, client_id, stream_version, type, schema_version, ' +
  'occurred_at, recorded_at, actor, correlation_id, causation_id, data, hash';

/** A row of `streams`: where a client's chain ends. */
export interface HeadRow {
  client_id: string;
  version: bigint;
  last_hash: string;
}

/**
 * Serialises an event once: the canonical actor/data text is both what is stored and what is
 * hashed, so verification can re-hash stored text without parsing it.
 */
export function contentOfEvent(event: PolkuEvent, streamVersion: bigint): HashContent {
  return {
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    clientId: event.clientId,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    correlationId: event.correlationId,
    causationId: event.causationId ?? null,
    streamVersion,
    actorJson: canonicalJson(event.actor),
    dataJson: canonicalJson(event.data),
  };
}

/** The hash content of a stored row, straight from its text columns. */
export function contentOfRow(row: EventRow): HashContent {
  return {
    eventId: row.event_id,
    type: row.type,
    schemaVersion: Number(row.schema_version),
    clientId: row.client_id,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    streamVersion: row.stream_version,
    actorJson: row.actor,
    dataJson: row.data,
  };
}

/** Rows are stored in the schema they were written in; readers always get the current one. */
// Keys in the order every store builds them (see sqlite-event-store/decode.ts).
export function toRecordedEvent(row: EventRow): RecordedEvent {
  return upcast<RecordedEvent>({
    eventId: row.event_id,
    type: row.type,
    schemaVersion: Number(row.schema_version),
    clientId: row.client_id,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    actor: JSON.parse(row.actor),
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    data: JSON.parse(row.data),
    streamVersion: row.stream_version,
    globalPosition: row.global_position,
  });
}

const linkOfRow = (row: EventRow): ChainLink => ({
  clientId: row.client_id,
  streamVersion: row.stream_version,
  globalPosition: row.global_position,
  eventId: row.event_id,
  hash: row.hash,
  rehash: (previousHash) => chainHash(previousHash, canonicalEventContent(contentOfRow(row))),
});

const headOfRow = (row: HeadRow): ChainHead => ({
  clientId: row.client_id,
  version: row.version,
  lastHash: row.last_hash,
});

/** Walks the chains of stored rows, page by page, against the `streams` heads. */
export class RowChainWalker {
  private readonly walker: ChainWalker;

  constructor(heads: Iterable<HeadRow>) {
    this.walker = new ChainWalker([...heads].map(headOfRow));
  }

  /** The first broken row of this page, if any. */
  visit(rows: Iterable<EventRow>) {
    for (const row of rows) {
      const broken = this.walker.visitOne(linkOfRow(row));
      if (broken) return broken;
    }
    return undefined;
  }

  finish() {
    return this.walker.finish();
  }
}
