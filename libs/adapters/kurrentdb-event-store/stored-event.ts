import { jsonEvent, type EventData, type JSONType } from '@kurrent/kurrentdb-client';
import { upcast, type EventMetadata, type PolkuEvent, type RecordedEvent } from '../../events/index.js';
import { canonicalJson, eventHash, EventStoreFailureError, type HashableEvent } from '../../event-store/index.js';
import { kurrentEventId } from './naming.js';

/**
 * How a Polku event is stored in KurrentDB: the event type is Polku's type, the data is the
 * event's `data`, and the envelope goes into the metadata together with the hash-chain link
 * (`hash`) and, when the append carried one, the idempotency key. The stream version is not
 * stored: it is the revision + 1, and the hash covers it.
 */
export interface StoredMetadata extends EventMetadata {
  /** sha256 chain link, see libs/event-store/hash-chain.ts. */
  hash: string;
  idempotencyKey?: string;
}

/** What a read hands us (from a stream or $all), reduced to what we use. */
export interface StoredRecord {
  streamId: string;
  type: string;
  revision: bigint;
  data: unknown;
  metadata: unknown;
  /** Polku global position (commit position). */
  globalPosition: bigint;
}

export interface PreparedBatch {
  data: EventData[];
  hashes: string[];
  lastVersion: bigint;
  lastHash: string;
}

/** Hashes a batch on top of `previousHash` and builds the KurrentDB events. */
export function toEventData(
  events: PolkuEvent[],
  fromVersion: bigint,
  previousHash: string,
  idempotencyKey?: string,
): PreparedBatch {
  const data: EventData[] = [];
  const hashes: string[] = [];
  let version = fromVersion;
  let hash = previousHash;
  for (const event of events) {
    version += 1n;
    hash = eventHash(hash, { ...event, streamVersion: version });
    const metadata: StoredMetadata = {
      eventId: event.eventId,
      schemaVersion: event.schemaVersion,
      clientId: event.clientId,
      occurredAt: event.occurredAt,
      recordedAt: event.recordedAt,
      actor: event.actor,
      correlationId: event.correlationId,
      causationId: event.causationId ?? null,
      hash,
      ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
    };
    // Round-tripped through canonical JSON, so what is stored is exactly what was hashed.
    data.push(
      jsonEvent({
        id: kurrentEventId(event.eventId),
        type: event.type,
        data: JSON.parse(canonicalJson(event.data)) as JSONType,
        metadata: metadata as unknown as JSONType,
      }),
    );
    hashes.push(hash);
  }
  return { data, hashes, lastVersion: version, lastHash: hash };
}

/** The stored metadata, or a reason why this is not a Polku event. */
export function metadataOf(record: StoredRecord): StoredMetadata | string {
  const m = record.metadata as Partial<StoredMetadata> | undefined;
  if (!m || typeof m !== 'object' || Array.isArray(m) || m instanceof Uint8Array) return 'no JSON metadata';
  for (const key of ['eventId', 'clientId', 'occurredAt', 'recordedAt', 'correlationId', 'hash'] as const) {
    if (typeof m[key] !== 'string') return `metadata.${key} is missing`;
  }
  if (typeof m.schemaVersion !== 'number') return 'metadata.schemaVersion is missing';
  if (!m.actor || typeof m.actor !== 'object') return 'metadata.actor is missing';
  return m as StoredMetadata;
}

/** The event as it was stored (no upcast): what the hash covers. */
export function storedEventOf(record: StoredRecord, metadata: StoredMetadata): HashableEvent {
  return {
    eventId: metadata.eventId,
    type: record.type,
    schemaVersion: metadata.schemaVersion,
    clientId: metadata.clientId,
    occurredAt: metadata.occurredAt,
    recordedAt: metadata.recordedAt,
    actor: metadata.actor,
    correlationId: metadata.correlationId,
    causationId: metadata.causationId ?? null,
    data: record.data,
    streamVersion: record.revision + 1n,
  };
}

/** A stored record as the port returns it: current schema (upcast), with version and position. */
export function toRecordedEvent(record: StoredRecord): RecordedEvent {
  const metadata = metadataOf(record);
  if (typeof metadata === 'string') {
    throw new EventStoreFailureError(`${record.streamId}@${record.revision} is not a Polku event: ${metadata}`, false);
  }
  return upcast<RecordedEvent>({ ...storedEventOf(record, metadata), globalPosition: record.globalPosition });
}
