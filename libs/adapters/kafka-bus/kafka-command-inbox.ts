import { Partitioners, type Consumer, type Kafka, type Producer } from 'kafkajs';
import type { CommandInbox } from '../../bus/index.js';
import type { KafkaCommandInboxOptions, ScopedInboundHandler } from './inbox-options.js';
import { Limiter } from './limiter.js';
import { processBatch } from './process-batch.js';

export type { BatchScope, KafkaCommandInboxOptions, ScopedInboundHandler } from './inbox-options.js';

/**
 * The inbound topic as a CommandInbox. Each message is settled in order within its key
 * (the client id, so one client's commands are applied in the order published), messages
 * of different keys at once: `processed` (events durable) or `dead-letter` (acknowledged
 * by the broker); `retry` is redone in place with backoff, so that key waits and the others
 * go on. Offsets cover settled messages only (see process-batch.ts): a crash redelivers what
 * was settled since the last commit, and the handler's idempotency makes that harmless.
 */
export class KafkaCommandInbox implements CommandInbox {
  private consumer: Consumer | undefined;
  private producer: Producer | undefined;
  private readonly stopping = new AbortController();
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly kafka: Kafka,
    private readonly options: KafkaCommandInboxOptions,
  ) {}

  async start(handler: ScopedInboundHandler): Promise<void> {
    const { topic, groupId } = this.options;
    const producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    const consumer = this.kafka.consumer({
      groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: this.options.sessionTimeoutMs ?? 10_000,
      heartbeatInterval: 3000,
      maxWaitTimeInMs: 1000, // the long poll bounds how long a stop waits for the fetch in flight
      // one broker = one fetch at a time, processed to its end before the next: fetch a lot at once
      maxBytesPerPartition: this.options.maxBytesPerPartition ?? 4 * 1024 * 1024,
      maxBytes: 64 * 1024 * 1024,
    });
    this.producer = producer;
    this.consumer = consumer;
    consumer.on(consumer.events.CRASH, ({ payload }) =>
      this.options.onError?.(payload.error, `consumer crashed (restart: ${payload.restart})`),
    );
    await producer.connect();
    await consumer.connect();
    // A new group starts at the earliest command; afterwards the committed offsets rule.
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    const ctx = {
      consumer,
      producer,
      options: this.options,
      stopping: this.stopping.signal,
      limiter: new Limiter(this.options.maxInFlight ?? 256),
    };
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 16,
      eachBatch: (payload) => this.track(processBatch(ctx, payload, handler)),
    });
  }

  /** The messages in flight finish (a retry wait is cut short, uncommitted), their offsets are committed, then we leave. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await Promise.allSettled([...this.inFlight]);
    await this.consumer?.disconnect();
    await this.producer?.disconnect();
  }

  private async track(work: Promise<void>): Promise<void> {
    this.inFlight.add(work);
    try {
      await work;
    } finally {
      this.inFlight.delete(work);
    }
  }
}
