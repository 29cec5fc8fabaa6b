import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Kafka, Producer } from 'kafkajs';
import { HEADERS, readBusConfig, type BusTopics, type KafkaBusConfig } from '../../libs/bus/index.js';
import type { ApiConfig } from '../../apps/api/config.js';
import { testEnvironment } from '../../libs/config/index.js';
import type { KafkaIngestConfig } from '../../apps/ingest/config.js';
import { startIngest, type IngestRuntime, type LogEntry } from '../../apps/ingest/runtime.js';

/**
 * Kafka ingest for end-to-end tests: the real runtime (consumer + publisher) in-process,
 * on the given API config's SQLite files, with this test file's own topics and group.
 */
export function kafkaIngestConfig(
  api: ApiConfig,
  brokers: string[],
  topics: BusTopics,
  env: Record<string, string> = {},
): KafkaIngestConfig {
  const problems: string[] = [];
  const bus = readBusConfig(
    {
      BUS: 'kafka',
      KAFKA_BROKERS: brokers.join(','),
      KAFKA_CLIENT_ID: 'polku-e2e',
      KAFKA_GROUP_ID: `polku-e2e-${randomUUID()}`,
      KAFKA_COMMANDS_TOPIC: topics.commands,
      KAFKA_DLQ_TOPIC: topics.deadLetter,
      KAFKA_PATH_EVENTS_TOPIC: topics.pathEvents,
      KAFKA_TOPIC_PARTITIONS: '3',
      ...env,
    },
    problems,
    false,
  );
  if (bus?.kind !== 'kafka') throw new Error(`bad test bus config: ${problems.join('; ')}`);
  return {
    api,
    bus: bus as KafkaBusConfig,
    checkpointPath: join(api.dataDir, 'bus.sqlite'),
    auditLogPath: join(api.dataDir, 'audit.sqlite'),
    metrics: { host: '127.0.0.1', port: 0 },
  };
}

/** Starts the ingest; log lines are kept (and printed only when KAFKA_TEST_LOG is set). */
export async function startTestIngest(
  config: KafkaIngestConfig,
  clock?: () => Date,
): Promise<IngestRuntime & { logs: LogEntry[] }> {
  const logs: LogEntry[] = [];
  const runtime = await startIngest(config, {
    clock,
    kafkaLogLevel: testEnvironment().kafkaTestLog ? 'warn' : 'nothing',
    retryBackoffMs: { min: 20, max: 200 },
    log: (entry) => {
      logs.push(entry);
      if (testEnvironment().kafkaTestLog) process.stderr.write(`${JSON.stringify(entry)}\n`);
    },
  });
  return { ...runtime, logs };
}

export interface CommandMessage {
  clientId: string;
  idempotencyKey?: string;
  command: { type: string; data: Record<string, unknown> };
  actor?: Record<string, unknown>;
}

/** The JSON an agency system publishes (schema version 1). */
export const commandValue = (m: CommandMessage): string =>
  JSON.stringify({
    schemaVersion: 1,
    idempotencyKey: m.idempotencyKey ?? randomUUID(),
    clientId: m.clientId,
    command: m.command,
    ...(m.actor && { actor: m.actor }),
  });

/** Publishes commands keyed by client id, with a bearer token header, as an agency system would. */
export async function publishCommands(
  producer: Producer,
  topic: string,
  token: string,
  messages: (CommandMessage | { raw: string; key: string })[],
): Promise<void> {
  await producer.send({
    topic,
    acks: -1,
    messages: messages.map((m) =>
      'raw' in m
        ? { key: m.key, value: m.raw, headers: { [HEADERS.authorization]: `Bearer ${token}` } }
        : { key: m.clientId, value: commandValue(m), headers: { [HEADERS.authorization]: `Bearer ${token}` } },
    ),
  });
}

export async function connectedProducer(kafka: Kafka): Promise<Producer> {
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  return producer;
}

export const registerClient = (fullName = 'Maija Meikäläinen'): CommandMessage['command'] => ({
  type: 'RegisterClient',
  data: { fullName, birthDate: '1984-05-02', municipality: 'Jyväskylä' },
});
