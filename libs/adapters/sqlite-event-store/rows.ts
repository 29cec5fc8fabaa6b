import type { PolkuEvent } from '../../events/index.js';
import { canonicalEventContent, chainHash } from '../../event-store/index.js';
import { contentOfEvent } from '../sql-event-rows/index.js';

export { EVENT_COLUMNS, type EventRow } from '../sql-event-rows/index.js';

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
  const content = contentOfEvent(event, streamVersion);
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
