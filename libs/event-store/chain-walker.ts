import { type ChainVerification, GENESIS_HASH } from './hash-chain.js';

type Broken = Extract<ChainVerification, { intact: false }>;

/** One stored event as the chain check sees it, whatever the store. */
export interface ChainLink {
  clientId: string;
  streamVersion: bigint;
  globalPosition: bigint;
  eventId: string;
  /** The hash stored with the event. */
  hash: string;
  /** The event's hash re-computed from its stored content over the previous event's hash. */
  rehash(previousHash: string): string;
}

/** Where a stream's chain must end, for stores that keep a head per stream. */
export interface ChainHead {
  clientId: string;
  version: bigint;
  lastHash: string;
}

/**
 * Re-computes hash chains, page by page. Links must come per stream in version order (global
 * order satisfies that). With heads (the SQL stores' `streams` rows), every chain must reach
 * its head's version and hash, and an event of a stream without a head is broken; without
 * heads (KurrentDB), a removed tail is only visible as a stream that ends early.
 */
export class ChainWalker {
  private readonly heads: Map<string, ChainHead> | undefined;
  private readonly walked = new Map<string, { version: bigint; hash: string; last?: ChainLink }>();
  private checked = 0;

  constructor(heads?: Iterable<ChainHead>) {
    if (heads) this.heads = new Map([...heads].map((head) => [head.clientId, head]));
  }

  /** The first broken link of this page, if any. */
  visit(links: Iterable<ChainLink>): Broken | undefined {
    for (const link of links) {
      const broken = this.visitOne(link);
      if (broken) return broken;
    }
    return undefined;
  }

  /** Checks one link; undefined when it continues its chain. */
  visitOne(link: ChainLink): Broken | undefined {
    const state = this.walked.get(link.clientId) ?? { version: 0n, hash: GENESIS_HASH };
    const expected = state.version + 1n;
    const head = this.heads?.get(link.clientId);
    if (this.heads && !head) return brokenAt(link, 'event of a stream that has no stream head');
    if (link.streamVersion !== expected) {
      return brokenAt(
        link,
        !this.heads && state.version === 0n
          ? `events 1..${link.streamVersion - 1n} are missing (the stream was truncated or re-created)`
          : `stream version ${link.streamVersion}, expected ${expected}`,
      );
    }
    if (head && link.streamVersion > head.version)
      return brokenAt(link, `event beyond the stream head version ${head.version}`);
    if (link.rehash(state.hash) !== link.hash) {
      return brokenAt(link, 'hash mismatch: the event content or its link to the previous event was altered');
    }
    this.walked.set(link.clientId, { version: link.streamVersion, hash: link.hash, last: link });
    this.checked += 1;
    return undefined;
  }

  /** After the last page: with heads, every head must be reached with its hash. */
  finish(): ChainVerification {
    for (const head of this.heads?.values() ?? []) {
      const state = this.walked.get(head.clientId) ?? { version: 0n, hash: GENESIS_HASH };
      if (state.version < head.version) {
        // The event is gone, so there is no id or position to name.
        return {
          intact: false,
          clientId: head.clientId,
          streamVersion: state.version + 1n,
          globalPosition: 0n,
          eventId: '',
          reason: `events ${state.version + 1n}..${head.version} are missing`,
        };
      }
      if (state.hash !== head.lastHash && state.last) {
        return brokenAt(state.last, 'stream head hash differs from the last event hash');
      }
    }
    return { intact: true, checked: this.checked };
  }
}

function brokenAt(link: ChainLink, reason: string): Broken {
  return {
    intact: false,
    clientId: link.clientId,
    streamVersion: link.streamVersion,
    globalPosition: link.globalPosition,
    eventId: link.eventId,
    reason,
  };
}
