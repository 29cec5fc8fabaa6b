import type { KurrentDBClient } from '@kurrent/kurrentdb-client';
import type { PolkuEvent } from '../../events/index.js';
import {
  DuplicateEventIdError,
  EventStoreFailureError,
  GENESIS_HASH,
  StreamVersionConflictError,
  type ExpectedVersion,
} from '../../event-store/index.js';
import type { StreamNames } from './naming.js';
import { readStreamRecords } from './reads.js';
import { metadataOf } from './stored-event.js';

/** Where the client stream stands before an append: version, last hash, the event ids it holds. */
export interface Head {
  version: bigint;
  lastHash: string;
  eventIds: Set<string>;
}

/**
 * Reads the whole client stream: the chain needs the last hash, and event ids are unique
 * per stream only by this check (KurrentDB does not index them). Client streams are short.
 */
export async function readHead(client: KurrentDBClient, names: StreamNames, clientId: string): Promise<Head> {
  const records = await readStreamRecords(client, names.client(clientId));
  const eventIds = new Set<string>();
  let lastHash = GENESIS_HASH;
  for (const record of records) {
    const metadata = metadataOf(record);
    if (typeof metadata === 'string') {
      throw new EventStoreFailureError(
        `${record.streamId}@${record.revision} is not a Polku event: ${metadata}`,
        false,
      );
    }
    eventIds.add(metadata.eventId);
    lastHash = metadata.hash;
  }
  const last = records.at(-1);
  return { version: last ? last.revision + 1n : 0n, lastHash, eventIds };
}

export function check(clientId: string, expected: ExpectedVersion, head: Head, events: PolkuEvent[]): void {
  if (expected !== 'any' && expected !== head.version)
    throw new StreamVersionConflictError(clientId, expected, head.version);
  const duplicate = events.find((e) => head.eventIds.has(e.eventId));
  if (duplicate) throw new DuplicateEventIdError(duplicate.eventId);
}

export { validateBatch } from '../../event-store/index.js';
