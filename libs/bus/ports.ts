import type { InboundHandler, OutboundMessage } from './messages.js';

/**
 * Delivers inbound command messages to one handler, one at a time per key (client) in offset order, and
 * commits a message only after its disposition is carried out (events durable, or the
 * dead letter acknowledged). `retry` dispositions are redone with backoff, never skipped.
 */
export interface CommandInbox {
  start(handler: InboundHandler): Promise<void>;
  /** Finishes the message in flight (or abandons a retry wait, uncommitted), then stops. */
  stop(): Promise<void>;
}

/** Publishes to the outbound path-events topic; resolves only once the broker acked all. */
export interface EventPublisher {
  /** Where the events go (named in disclosure records). */
  readonly destination: string;
  publish(messages: OutboundMessage[]): Promise<void>;
  close(): Promise<void>;
}

/** Durable positions of checkpointed followers of the event store, by follower name. */
export interface CheckpointStore {
  /** 0n when the follower never saved one. */
  load(name: string): Promise<bigint>;
  /** Durable on return. */
  save(name: string, position: bigint): Promise<void>;
  close(): Promise<void>;
}
