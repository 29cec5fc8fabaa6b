import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import type { EventPublisher, OutboundMessage } from '../../bus/index.js';

/**
 * Publishes to one topic with an idempotent producer (acks from all in-sync replicas, one
 * request in flight): a batch is appended in order, messages with one key land on one
 * partition (Java-compatible murmur2), and broker retries neither duplicate nor reorder.
 */
export class KafkaEventPublisher implements EventPublisher {
  private constructor(
    private readonly producer: Producer,
    readonly destination: string,
  ) {}

  static async connect(kafka: Kafka, topic: string): Promise<KafkaEventPublisher> {
    const producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    return new KafkaEventPublisher(producer, topic);
  }

  /** Resolves once the broker acknowledged every message. */
  async publish(messages: OutboundMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.producer.send({
      topic: this.destination,
      acks: -1,
      messages: messages.map((m) => ({ key: m.key, value: m.value, headers: m.headers })),
    });
  }

  async close(): Promise<void> {
    await this.producer.disconnect();
  }
}
