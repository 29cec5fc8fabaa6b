import {
  BACKWARDS,
  END,
  FORWARDS,
  type AllStreamResolvedEvent,
  type Filter,
  type KurrentDBClient,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import { EventStoreFailureError } from '../../event-store/index.js';
import { isStreamNotFound, toStoreError } from './errors.js';
import { globalPositionOf, isAfter, readFromPosition } from './positions.js';
import type { StoredRecord } from './stored-event.js';

/** Reads shared by the store, the idempotency markers and verification; failures are port errors. */

export function toStoredRecord(resolved: ResolvedEvent | AllStreamResolvedEvent): StoredRecord | undefined {
  const event = resolved.event;
  if (!event) return undefined; // an unresolved link: our streams hold none
  const globalPosition = globalPositionOf(event.position);
  if (globalPosition === undefined) {
    throw new EventStoreFailureError(
      `KurrentDB sent no $all position for ${event.streamId}@${event.revision}: KurrentDB (or EventStoreDB 22.10+) is required`,
      false,
    );
  }
  return {
    streamId: event.streamId,
    type: event.type,
    revision: event.revision,
    data: event.data,
    metadata: event.metadata,
    globalPosition,
  };
}

async function collect(
  doing: string,
  read: () => AsyncIterable<ResolvedEvent | AllStreamResolvedEvent>,
  missingIsEmpty: boolean,
): Promise<StoredRecord[]> {
  const records: StoredRecord[] = [];
  try {
    for await (const resolved of read()) {
      const record = toStoredRecord(resolved);
      if (record) records.push(record);
    }
  } catch (error) {
    if (missingIsEmpty && isStreamNotFound(error)) return [];
    throw toStoreError(error, doing);
  }
  return records;
}

/** Events of one stream, forward from a revision ([] when the stream does not exist). */
export function readStreamRecords(
  client: KurrentDBClient,
  stream: string,
  from: { fromRevision?: bigint; maxCount?: number } = {},
): Promise<StoredRecord[]> {
  return collect(
    `read of ${stream}`,
    () =>
      client.readStream(stream, {
        direction: FORWARDS,
        ...(from.fromRevision === undefined ? {} : { fromRevision: from.fromRevision }),
        ...(from.maxCount === undefined ? {} : { maxCount: from.maxCount }),
      }),
    true,
  );
}

/** Up to `limit` events of `$all` matching `filter` with position > after, in log order. */
export async function readAllRecords(
  client: KurrentDBClient,
  filter: Filter,
  after: bigint,
  limit: number,
): Promise<StoredRecord[]> {
  if (!Number.isSafeInteger(limit) || limit < 1)
    throw new RangeError(`readAll limit must be a positive integer, got ${limit}`);
  // The from-position is inclusive: one more, and the event AT `after` is dropped.
  const records = await collect(
    'read of $all',
    () => client.readAll({ direction: FORWARDS, fromPosition: readFromPosition(after), maxCount: limit + 1, filter }),
    false,
  );
  return records.filter((r) => isAfter(r.globalPosition, after)).slice(0, limit);
}

/** Position of the last event of `$all` matching `filter` (0n when none). */
export async function lastPosition(client: KurrentDBClient, filter: Filter): Promise<bigint> {
  const records = await collect(
    'read of $all',
    () => client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1, filter }),
    false,
  );
  return records[0]?.globalPosition ?? 0n;
}
