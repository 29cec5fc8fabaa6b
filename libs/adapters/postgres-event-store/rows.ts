import { upcast, type PolkuEvent, type RecordedEvent } from '../../events/index.js';
import { canonicalEventContent, canonicalJson, chainHash, type HashContent } from '../../event-store/index.js';

/** A row of `events` as node-postgres returns it (int8 as bigint via the pool's type parser). */
export interface EventRow {
  global_position: bigint;
  event_id: string;
  client_id: string;
  stream_version: bigint;
  type: string;
  schema_version: number;
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

/** Column-wise arrays of a batch, in stream-version order: one parameter per column for unnest(). */
export interface InsertColumns {
  eventIds: string[];
  versions: bigint[];
  types: string[];
  schemaVersions: number[];
  occurredAts: string[];
  recordedAts: string[];
  actors: string[];
  correlationIds: string[];
  causationIds: (string | null)[];
  datas: string[];
  hashes: string[];
}

/**
 * Serialises and hashes a batch once: the canonical actor/data text is both what is stored
 * and what is hashed, so verification can re-hash stored text without parsing it.
 */
export function toInsertColumns(
  events: PolkuEvent[],
  fromVersion: bigint,
  previousHash: string,
): {
  columns: InsertColumns;
  lastVersion: bigint;
  lastHash: string;
} {
  const columns: InsertColumns = {
    eventIds: [],
    versions: [],
    types: [],
    schemaVersions: [],
    occurredAts: [],
    recordedAts: [],
    actors: [],
    correlationIds: [],
    causationIds: [],
    datas: [],
    hashes: [],
  };
  let version = fromVersion;
  let hash = previousHash;
  for (const event of events) {
    version += 1n;
    const content: HashContent = {
      eventId: event.eventId,
      type: event.type,
      schemaVersion: event.schemaVersion,
      clientId: event.clientId,
      occurredAt: event.occurredAt,
      recordedAt: event.recordedAt,
      correlationId: event.correlationId,
      causationId: event.causationId ?? null,
      streamVersion: version,
      actorJson: canonicalJson(event.actor),
      dataJson: canonicalJson(event.data),
    };
    hash = chainHash(hash, canonicalEventContent(content));
    columns.eventIds.push(content.eventId);
    columns.versions.push(version);
    columns.types.push(content.type);
    columns.schemaVersions.push(content.schemaVersion);
    columns.occurredAts.push(content.occurredAt);
    columns.recordedAts.push(content.recordedAt);
    columns.actors.push(content.actorJson);
    columns.correlationIds.push(content.correlationId);
    columns.causationIds.push(content.causationId);
    columns.datas.push(content.dataJson);
    columns.hashes.push(hash);
  }
  return { columns, lastVersion: version, lastHash: hash };
}

/** The hash content of a stored row, straight from its text columns. */
export function contentOfRow(row: EventRow): HashContent {
  return {
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
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
export function toRecordedEvent(row: EventRow): RecordedEvent {
  return upcast<RecordedEvent>({
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
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
