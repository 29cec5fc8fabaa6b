import { eventHash, GENESIS_HASH, type ChainVerification } from '../../event-store/index.js';
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
  private readonly walked = new Map<string, { version: bigint; hash: string }>();
  private checked = 0;

  constructor(private readonly names: StreamNames) {}

  /** The first broken record of this page, if any. */
  visit(records: Iterable<StoredRecord>): Broken | undefined {
    for (const record of records) {
      const version = record.revision + 1n;
      const metadata = metadataOf(record);
      const clientId =
        typeof metadata === 'string' ? record.streamId.slice(this.names.clientPrefix.length) : metadata.clientId;
      const fail = (reason: string): Broken => ({
        intact: false,
        clientId,
        streamVersion: version,
        globalPosition: record.globalPosition,
        eventId: typeof metadata === 'string' ? '' : metadata.eventId,
        reason,
      });
      if (typeof metadata === 'string') return fail(`not a Polku event: ${metadata}`);
      if (record.streamId !== this.names.client(clientId))
        return fail(`event of client ${clientId} in stream ${record.streamId}`);
      const state = this.walked.get(clientId) ?? { version: 0n, hash: GENESIS_HASH };
      const expected = state.version + 1n;
      if (version !== expected) {
        return fail(
          state.version === 0n
            ? `events 1..${version - 1n} are missing (the stream was truncated or re-created)`
            : `stream version ${version}, expected ${expected}`,
        );
      }
      if (eventHash(state.hash, storedEventOf(record, metadata)) !== metadata.hash) {
        return fail('hash mismatch: the event content or its link to the previous event was altered');
      }
      this.walked.set(clientId, { version, hash: metadata.hash });
      this.checked += 1;
    }
    return undefined;
  }

  finish(): ChainVerification {
    return { intact: true, checked: this.checked };
  }
}
