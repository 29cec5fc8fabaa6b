import type { KafkaLogLevel } from '../../libs/adapters/kafka-bus/index.js';
import type { KafkaIngestConfig } from './config.js';

/** What the publication thread starts with. */
export interface PublicationThreadInput {
  config: KafkaIngestConfig;
  kafkaLogLevel?: KafkaLogLevel;
}

/** The main thread's only order: finish the batch in flight, close everything, say stopped. */
export type ToPublicationThread = { type: 'stop' };

export type FromPublicationThread =
  | { type: 'ready'; checkpoint: string }
  | { type: 'batch'; checkpoint: string; events: number }
  | { type: 'error'; error: string; retryInMs: number }
  | { type: 'failed'; error: string }
  | { type: 'stopped' };
