import type { DeadLetterReason, Disposition, InboundHandler, InboundMessage, OutboundMessage } from '../messages.js';
import type { CheckpointStore, CommandInbox, EventPublisher } from '../ports.js';
import { untilSettled } from '../retry.js';

/**
 * BUS=memory: the embedded mode has no broker. These implementations keep the same
 * contracts in one process (tests, and the ingest process when no broker is configured).
 */

/** An inbox fed by `deliver()`; dead letters and commits are kept for inspection. */
export class MemoryCommandInbox implements CommandInbox {
  readonly committed: InboundMessage[] = [];
  readonly deadLetters: { message: InboundMessage; reason: DeadLetterReason }[] = [];
  private handler: InboundHandler | undefined;
  private readonly controller = new AbortController();
  private offset = 0;

  async start(handler: InboundHandler): Promise<void> {
    this.handler = handler;
  }

  /** Processes one message to its end (retrying transient failures); undefined when stopped. */
  async deliver(message: Partial<InboundMessage> & Pick<InboundMessage, 'value'>): Promise<Disposition | undefined> {
    if (!this.handler) throw new Error('MemoryCommandInbox: start() first');
    const full: InboundMessage = {
      topic: 'memory',
      partition: 0,
      offset: String(this.offset++),
      key: null,
      headers: {},
      ...message,
    };
    const handler = this.handler;
    const settled = await untilSettled(() => handler(full), {
      signal: this.controller.signal,
      backoffMs: { min: 1, max: 20 },
    });
    if (!settled) return undefined;
    if (settled.outcome === 'dead-letter') this.deadLetters.push({ message: full, reason: settled.reason });
    this.committed.push(full);
    return settled;
  }

  async stop(): Promise<void> {
    this.controller.abort();
  }
}

/** Keeps what was "published" in order. */
export class MemoryEventPublisher implements EventPublisher {
  readonly published: OutboundMessage[] = [];
  constructor(readonly destination = 'memory') {}
  async publish(messages: OutboundMessage[]): Promise<void> {
    this.published.push(...messages);
  }
  async close(): Promise<void> {}
}

export class MemoryCheckpointStore implements CheckpointStore {
  private readonly positions = new Map<string, bigint>();
  async load(name: string): Promise<bigint> {
    return this.positions.get(name) ?? 0n;
  }
  async save(name: string, position: bigint): Promise<void> {
    this.positions.set(name, position);
  }
  async close(): Promise<void> {}
}
