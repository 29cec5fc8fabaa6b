import { ChainWalker as StreamChains, type ChainVerification, eventHash } from '../../event-store/index.js';
import type { StreamNames } from './naming.js';
import { metadataOf, storedEventOf, type StoredRecord } from './stored-event.js';

type Broken = Extract<ChainVerification, { intact: false }>;

/**
 * Re-computes hash chains from stored events, page by page. Records must come per stream in
 * revision order ($all order satisfies that). KurrentDB never rewrites an event, but a stream
 * can be truncated ($tb) or deleted and re-created, and anyone with write access can append:
 * a missing start, a gap, an event of another client or a broken link is reported. There is
 * no separate stream head, so a removed tail is only visible as a stream that ends early.
 */
export class ChainWalker {
  private readonly chains = new StreamChains();

  constructor(private readonly names: StreamNames) {}

  /** The first broken record of this page, if any. */
  visit(records: Iterable<StoredRecord>): Broken | undefined {
    for (const record of records) {
      const streamVersion = record.revision + 1n;
      const metadata = metadataOf(record);
      if (typeof metadata === 'string') {
        const clientId = record.streamId.slice(this.names.clientPrefix.length);
        return this.broken(record, clientId, '', `not a Polku event: ${metadata}`);
      }
      const { clientId, eventId, hash } = metadata;
      if (record.streamId !== this.names.client(clientId))
        return this.broken(record, clientId, eventId, `event of client ${clientId} in stream ${record.streamId}`);
      const broken = this.chains.visitOne({
        clientId,
        streamVersion,
        globalPosition: record.globalPosition,
        eventId,
        hash,
        rehash: (previousHash) => eventHash(previousHash, storedEventOf(record, metadata)),
      });
      if (broken) return broken;
    }
    return undefined;
  }

  finish(): ChainVerification {
    return this.chains.finish();
  }

  private broken(record: StoredRecord, clientId: string, eventId: string, reason: string): Broken {
    return {
      intact: false,
      clientId,
      streamVersion: record.revision + 1n,
      globalPosition: record.globalPosition,
      eventId,
      reason,
    };
  }
}
