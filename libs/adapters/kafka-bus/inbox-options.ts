import type { Disposition, InboundMessage } from '../../bus/index.js';

export type Settled = Exclude<Disposition, { outcome: 'retry' }>;

/**
 * Shared by the messages of one fetched batch of one partition, e.g. so a publisher's
 * token is verified once per batch rather than once per message. A rejected `make` is
 * forgotten at once, so a retried message asks again.
 */
export interface BatchScope {
  memo<T>(key: string, make: () => Promise<T>): Promise<T>;
}

/** An InboundHandler that may use the batch's scope (the in-memory bus passes none). */
export type ScopedInboundHandler = (message: InboundMessage, scope?: BatchScope) => Promise<Disposition>;

export interface KafkaCommandInboxOptions {
  topic: string;
  deadLetterTopic: string;
  groupId: string;
  /** Partitions processed at once; default 16 (more than the topic has costs nothing). */
  partitionsConsumedConcurrently?: number;
  /**
   * Messages handled at once across all partitions; default 256. Messages with one key (one
   * client) are always handled one after another in offset order; different keys overlap,
   * so their appends can share the event store's commits.
   */
  maxInFlight?: number;
  /** Fetch size per partition (kafkajs `maxBytesPerPartition`); default 4 MiB. */
  maxBytesPerPartition?: number;
  /** Commit at least every this many settled messages and this often, besides each batch's end. */
  commitEvery?: { messages: number; ms: number };
  /** Default 100 ms doubling to 5 s (kept well below the session timeout: retries heartbeat between waits). */
  retryBackoffMs?: { min: number; max: number };
  /** A member that stops heartbeating (crashed) loses its partitions after this long; default 10 s. */
  sessionTimeoutMs?: number;
  /** After a message is settled (its offset is committed with the next commit). */
  onSettled?: (message: InboundMessage, disposition: Settled) => void;
  onRetry?: (message: InboundMessage, error: unknown, attempt: number, delayMs: number) => void;
  onError?: (error: unknown, context: string) => void;
  clock?: () => Date;
}
