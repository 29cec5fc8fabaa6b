import { Partitioners, type Consumer, type Kafka, type Producer } from 'kafkajs';
import type { CommandInbox, InboundHandler } from '../../bus/index.js';
import type { KafkaCommandInboxOptions } from './inbox-options.js';
import { processBatch } from './process-batch.js';

export type { KafkaCommandInboxOptions } from './inbox-options.js';

/**
 * The inbound topic as a CommandInbox. Each message is settled in order within its
 * partition: `processed` (events durable) or `dead-letter` (acknowledged by the broker);
 * `retry` is redone in place with backoff, so that partition waits and the others go on.
 * Offsets cover settled messages only (see process-batch.ts): a crash redelivers what was
 * settled since the last commit, and the handler's idempotency makes that harmless.
 */
export class KafkaCommandInbox implements CommandInbox {
  private consumer: Consumer | undefined;
  private producer: Producer | undefined;
  private readonly stopping = new AbortController();
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly kafka: Kafka, private readonly options: KafkaCommandInboxOptions) {}

  async start(handler: InboundHandler): Promise<void> {
    const { topic, groupId } = this.options;
    const producer = this.kafka.producer({
      idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner,
    });
    const consumer = this.kafka.consumer({
      groupId, allowAutoTopicCreation: false, sessionTimeout: this.options.sessionTimeoutMs ?? 10_000, heartbeatInterval: 3000,
      maxWaitTimeInMs: 1000, // the long poll bounds how long a stop waits for the fetch in flight
    });
    this.producer = producer;
    this.consumer = consumer;
    consumer.on(consumer.events.CRASH, ({ payload }) => this.options.onError?.(payload.error, `consumer crashed (restart: ${payload.restart})`));
    await producer.connect();
    await consumer.connect();
    // A new group starts at the earliest command; afterwards the committed offsets rule.
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    const ctx = { consumer, producer, options: this.options, stopping: this.stopping.signal };
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
      eachBatch: (payload) => this.track(processBatch(ctx, payload, handler)),
    });
  }

  /** The message in flight finishes (a retry wait is cut short, uncommitted), its offset is committed, then we leave. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await Promise.allSettled([...this.inFlight]);
    await this.consumer?.disconnect();
    await this.producer?.disconnect();
  }

  private async track(work: Promise<void>): Promise<void> {
    this.inFlight.add(work);
    try { await work; } finally { this.inFlight.delete(work); }
  }
}
