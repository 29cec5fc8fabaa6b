import type { PolkuEvent } from '../../events/index.js';
import { canonicalEventContent, chainHash } from '../../event-store/index.js';
import { contentOfEvent } from '../sql-event-rows/index.js';

export { EVENT_COLUMNS, type EventRow, toRecordedEvent } from '../sql-event-rows/index.js';

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
    const content = contentOfEvent(event, version);
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
