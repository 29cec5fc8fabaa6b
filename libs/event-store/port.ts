import type { PolkuEvent, RecordedEvent } from '../events/index.js';
import type { ChainVerification } from './hash-chain.js';

/**
 * Expected version of a client stream when appending: a number is the exact current
 * version (0n = the stream must not exist yet); 'any' skips the check.
 */
export type ExpectedVersion = bigint | 'any';

export interface AppendOptions {
  expectedVersion: ExpectedVersion;
  /**
   * A retried command with the same key returns the first result and appends nothing.
   * Callers namespace keys (e.g. per organisation) before passing them.
   */
  idempotencyKey?: string;
  /**
   * A fingerprint of the request the key is given for (e.g. a hash of the command). Stored
   * with the key: the key used again with another fingerprint is refused with
   * IdempotencyKeyReusedError ('different_request') instead of replaying another request's result.
   */
  requestHash?: string;
}

export interface AppendResult {
  /** Stream version after the append (the version of the last event written). */
  nextExpectedVersion: bigint;
  /** Global position of the last event written. */
  lastGlobalPosition: bigint;
  eventIds: string[];
  /** True when the idempotency key had been seen: nothing was appended this time. */
  replayed: boolean;
}

export interface ReadStreamResult {
  /** 0n when the stream does not exist. */
  currentVersion: bigint;
  events: RecordedEvent[];
}

export interface ReadStreamOptions {
  /**
   * Only the events after this stream version (a decision state already folded up to it is
   * brought up to date). The caller vouches that the stream reached this version: with no
   * later event, `currentVersion` is this version, and an append expecting it is refused if
   * the stream is elsewhere.
   */
  afterVersion?: bigint;
}

export interface ReadAllOptions {
  /** Exclusive: events with globalPosition > after. Start at 0n. */
  after: bigint;
  limit: number;
}

export interface ReadStreamsOptions {
  /** Exclusive cursor: streams whose client id sorts after this one (null = from the first). */
  afterClientId: string | null;
  /** Most streams in the page. */
  limit: number;
  /** Only events at or below this global position (a rebuild's head seen at its start). */
  upToPosition: bigint;
}

export interface ClientStream {
  clientId: string;
  /** Stream order; empty when every event of the stream is above upToPosition. */
  events: RecordedEvent[];
}

/** The event-store port. Every adapter passes the same contract suite. */
export interface EventStore {
  /** Durable on return: the events are on disk / committed before the promise resolves. */
  appendToStream(clientId: string, events: PolkuEvent[], options: AppendOptions): Promise<AppendResult>;
  /**
   * The stored result of an earlier append with this key (replayed: true), or null when the
   * key is unseen; IdempotencyKeyReusedError when it was used for another client, or (given
   * `requestHash`) for another request. Lets a command handler skip deciding again on a retry.
   */
  findIdempotentResult(idempotencyKey: string, clientId: string, requestHash?: string): Promise<AppendResult | null>;
  readStream(clientId: string, options?: ReadStreamOptions): Promise<ReadStreamResult>;
  /** Global order; never skips an event that becomes visible later with a lower position. */
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * Whole streams, a page at a time in client-id order (binary order of the id): a rebuild
   * folds each client once and writes it once instead of re-reading models per batch.
   * Optional: an adapter without a cheap stream listing leaves it out and the projector
   * rebuilds in global order.
   */
  readStreams?(options: ReadStreamsOptions): Promise<ClientStream[]>;
  /**
   * Resolves once events after `after` may be readable (at once if they already are), or when
   * `signal` aborts; may also resolve spuriously, so callers re-read. Rejects when the store
   * cannot notify right now (the caller falls back to polling). Lets a follower wait for new
   * events instead of polling. Optional: PostgreSQL (LISTEN/NOTIFY) and KurrentDB (a
   * subscription to $all) offer it.
   */
  waitForEvents?(after: bigint, signal: AbortSignal): Promise<void>;
  /** The highest global position currently readable (0n when empty). */
  headPosition(): Promise<bigint>;
  /** Re-computes one client's hash chain (see hash-chain.ts); a missing stream is intact. */
  verifyStream(clientId: string): Promise<ChainVerification>;
  /** Re-computes every stream's chain; reports the first broken event in global order. */
  verifyAll(): Promise<ChainVerification>;
  close(): Promise<void>;
}
