import { DEFAULT_TOPICS, TOPIC_NAME, type BusTopics } from './topics.js';

/**
 * Bus configuration from the environment. `BUS=memory` (default) needs nothing;
 * `BUS=kafka` needs `KAFKA_BROKERS`. Every problem names its variable.
 */
export const BUS_KINDS = ['memory', 'kafka'] as const;
export const INGEST_AUTH_MODES = ['jwt', 'headers'] as const;
export type IngestAuthMode = (typeof INGEST_AUTH_MODES)[number];

export interface KafkaBusConfig {
  kind: 'kafka';
  brokers: string[];
  clientId: string;
  groupId: string;
  topics: BusTopics;
  /** Creates missing topics at start with this many partitions (0 = never create). */
  createTopicsPartitions: number;
  ingestAuth: IngestAuthMode;
  /** false: this process only ingests (run exactly one publisher per event store). */
  publish: boolean;
  publishBatchSize: number;
}
export type BusConfig = { kind: 'memory' } | KafkaBusConfig;

type Env = Record<string, string | undefined>;
const BROKER = /^[A-Za-z0-9.-]+:\d{1,5}$|^\[[0-9A-Fa-f:]+\]:\d{1,5}$/;
const CLIENT_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Appends to `problems` (each naming its variable) instead of throwing at the first. */
export function readBusConfig(
  env: Env,
  problems: string[],
  production = env.NODE_ENV === 'production',
): BusConfig | undefined {
  const get = (name: string) => env[name]?.trim() || undefined;
  const kind = get('BUS') ?? 'memory';
  if (kind === 'memory') return { kind };
  if (kind !== 'kafka') {
    problems.push(`BUS must be one of ${BUS_KINDS.join(', ')}, got "${kind}"`);
    return undefined;
  }
  const before = problems.length;
  const brokersRaw = get('KAFKA_BROKERS');
  const brokers = (brokersRaw ?? '')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  if (!brokersRaw)
    problems.push('KAFKA_BROKERS is required when BUS=kafka (comma-separated host:port, e.g. 127.0.0.1:59092)');
  for (const b of brokers) if (!BROKER.test(b)) problems.push(`KAFKA_BROKERS entries must be host:port, got "${b}"`);

  const clientId = get('KAFKA_CLIENT_ID') ?? 'polku';
  if (!CLIENT_ID.test(clientId))
    problems.push(`KAFKA_CLIENT_ID must be 1-100 letters, digits or . _ -, got "${clientId}"`);
  const groupId = get('KAFKA_GROUP_ID') ?? 'polku-ingest';
  if (!CLIENT_ID.test(groupId))
    problems.push(`KAFKA_GROUP_ID must be 1-100 letters, digits or . _ -, got "${groupId}"`);

  const topics: BusTopics = {
    commands: topic('KAFKA_COMMANDS_TOPIC', DEFAULT_TOPICS.commands),
    deadLetter: topic('KAFKA_DLQ_TOPIC', DEFAULT_TOPICS.deadLetter),
    pathEvents: topic('KAFKA_PATH_EVENTS_TOPIC', DEFAULT_TOPICS.pathEvents),
  };
  if (new Set(Object.values(topics)).size !== 3) {
    problems.push('KAFKA_COMMANDS_TOPIC, KAFKA_DLQ_TOPIC and KAFKA_PATH_EVENTS_TOPIC must be three different topics');
  }

  const ingestAuth = get('KAFKA_INGEST_AUTH') ?? 'jwt';
  if (!(INGEST_AUTH_MODES as readonly string[]).includes(ingestAuth)) {
    problems.push(`KAFKA_INGEST_AUTH must be one of ${INGEST_AUTH_MODES.join(', ')}, got "${ingestAuth}"`);
  } else if (ingestAuth === 'headers' && production) {
    problems.push('KAFKA_INGEST_AUTH=headers trusts unsigned headers and is refused when NODE_ENV=production; use jwt');
  }
  const createTopicsPartitions = int('KAFKA_TOPIC_PARTITIONS', 6, 0, 10_000);
  const publishBatchSize = int('KAFKA_PUBLISH_BATCH_SIZE', 200, 1, 10_000);
  const publishRaw = get('KAFKA_PUBLISH') ?? '1';
  if (publishRaw !== '0' && publishRaw !== '1') problems.push(`KAFKA_PUBLISH must be 1 or 0, got "${publishRaw}"`);
  if (problems.length > before) return undefined;
  return {
    kind,
    brokers,
    clientId,
    groupId,
    topics,
    createTopicsPartitions,
    ingestAuth: ingestAuth as IngestAuthMode,
    publish: publishRaw === '1',
    publishBatchSize,
  };

  function topic(name: string, fallback: string): string {
    const value = get(name) ?? fallback;
    if (!TOPIC_NAME.test(value) || value === '.' || value === '..')
      problems.push(`${name} must be a Kafka topic name (letters, digits, . _ -), got "${value}"`);
    return value;
  }
  function int(name: string, fallback: number, min: number, max: number): number {
    const raw = get(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max)
      problems.push(`${name} must be a whole number ${min}-${max}, got "${raw}"`);
    return value;
  }
}
