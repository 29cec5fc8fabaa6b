import type { Disposition, InboundMessage } from '../../bus/index.js';

export type Settled = Exclude<Disposition, { outcome: 'retry' }>;

export interface KafkaCommandInboxOptions {
  topic: string;
  deadLetterTopic: string;
  groupId: string;
  /** Partitions processed at once (messages of one partition are always sequential). */
  partitionsConsumedConcurrently?: number;
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
