import { canonicalEventContent, chainHash, GENESIS_HASH, type ChainVerification } from '../../event-store/index.js';
import { contentOfRow, type EventRow } from './rows.js';

export interface HeadRow {
  client_id: string;
  version: bigint;
  last_hash: string;
}

type Broken = Extract<ChainVerification, { intact: false }>;
interface Walked {
  version: bigint;
  hash: string;
  last?: EventRow;
}

/**
 * Re-computes hash chains from stored text, one page of rows at a time. Rows must come per
 * stream in version order (global order satisfies that). Heads are the `streams` rows the
 * chains must end at.
 */
export class ChainWalker {
  private readonly heads = new Map<string, HeadRow>();
  private readonly walked = new Map<string, Walked>();
  private checked = 0;

  constructor(heads: Iterable<HeadRow>) {
    for (const head of heads) this.heads.set(head.client_id, head);
  }

  /** The first broken row of this page, if any. */
  visit(rows: Iterable<EventRow>): Broken | undefined {
    for (const row of rows) {
      const state = this.walked.get(row.client_id) ?? { version: 0n, hash: GENESIS_HASH };
      const head = this.heads.get(row.client_id);
      const expected = state.version + 1n;
      if (!head) return broken(row, 'event of a stream that has no stream head');
      if (row.stream_version !== expected)
        return broken(row, `stream version ${row.stream_version}, expected ${expected}`);
      if (row.stream_version > head.version) return broken(row, `event beyond the stream head version ${head.version}`);
      if (chainHash(state.hash, canonicalEventContent(contentOfRow(row))) !== row.hash) {
        return broken(row, 'hash mismatch: the event content or its link to the previous event was altered');
      }
      this.walked.set(row.client_id, { version: row.stream_version, hash: row.hash, last: row });
      this.checked += 1;
    }
    return undefined;
  }

  /** After the last page: every head must be reached with its hash. */
  finish(): ChainVerification {
    for (const head of this.heads.values()) {
      const state = this.walked.get(head.client_id) ?? { version: 0n, hash: GENESIS_HASH };
      if (state.version < head.version) {
        // The event is gone, so there is no id or position to name.
        return {
          intact: false,
          clientId: head.client_id,
          streamVersion: state.version + 1n,
          globalPosition: 0n,
          eventId: '',
          reason: `events ${state.version + 1n}..${head.version} are missing`,
        };
      }
      if (state.hash !== head.last_hash && state.last) {
        return broken(state.last, 'stream head hash differs from the last event hash');
      }
    }
    return { intact: true, checked: this.checked };
  }
}

function broken(row: EventRow, reason: string): Broken {
  return {
    intact: false,
    clientId: row.client_id,
    streamVersion: row.stream_version,
    globalPosition: row.global_position,
    eventId: row.event_id,
    reason,
  };
}
