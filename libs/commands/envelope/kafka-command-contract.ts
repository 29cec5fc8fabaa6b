/** What the published Kafka message schema says besides the DTOs (the API serves it as JSON Schema). */
export interface KafkaCommandContract {
  /** The envelope DTO class, whatever its constructor takes. */
  envelope: new (
    ...args: never[]
  ) => unknown;
  topic: string;
  /** How the publisher is identified (message headers), in a sentence or two. */
  headers: string;
}
