import type { PolkuEvent } from '../../events/index.js';
import { canonicalEventContent, canonicalJson, chainHash, type HashContent } from '../../event-store/index.js';

/** A row of `events` as read with safe integers (INTEGER columns come back as bigint). */
export interface EventRow {
  global_position: bigint;
  event_id: string;
  client_id: string;
  stream_version: bigint;
  type: string;
  schema_version: bigint;
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

/** Positional parameters of the INSERT, in EVENT_COLUMNS order without global_position. */
export type InsertParams = [
  string,
  string,
  bigint,
  string,
  number,
  string,
  string,
  string,
  string,
  string | null,
  string,
  string,
];

/**
 * Serialises once: the canonical actor/data text is both what is stored and what is hashed,
 * so verification can re-hash stored text without parsing it.
 */
export function toInsertParams(event: PolkuEvent, streamVersion: bigint, previousHash: string): InsertParams {
  const content: HashContent = {
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
  const hash = chainHash(previousHash, canonicalEventContent(content));
  return [
    content.eventId,
    content.clientId,
    streamVersion,
    content.type,
    content.schemaVersion,
    content.occurredAt,
    content.recordedAt,
    content.actorJson,
    content.correlationId,
    content.causationId,
    content.dataJson,
    hash,
  ];
}

export const hashOfParams = (params: InsertParams): string => params[11];

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
