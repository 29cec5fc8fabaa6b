import type { Environment } from '../environment.js';
import type { Problems } from '../config-error.js';
import { commaList, integer, matching, oneOf, oneOrZero } from '../kinds.js';
import { rawValue, read, readOr, setting } from '../setting.js';
import { DEFAULT_TOPICS, TOPIC_NAME, type BusTopics } from '../../bus/topics.js';

/** `BUS=memory` (default) needs nothing; `BUS=kafka` needs `KAFKA_BROKERS`. */
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

const BROKER = /^[A-Za-z0-9.-]+:\d{1,5}$|^\[[0-9A-Fa-f:]+\]:\d{1,5}$/;
const CLIENT_ID = /^[A-Za-z0-9._-]{1,100}$/;
const CLIENT_ID_TEXT = '1-100 letters, digits or . _ -';
const TOPIC = matching(TOPIC_NAME, 'a Kafka topic name (letters, digits, . _ -)');

const section = 'Kafka bus';
const topicSetting = (name: string, fallback: string, description: string) =>
  setting({ name, section, kind: TOPIC, default: fallback, group: 'operator', description });

export const BUS_SETTINGS = {
  bus: setting({
    name: 'BUS',
    section,
    kind: oneOf(BUS_KINDS),
    default: 'memory',
    group: 'operator',
    description: '`kafka` runs the Kafka ingest and publication (see docs/kafka.md)',
  }),
  brokers: setting({
    name: 'KAFKA_BROKERS',
    section,
    kind: commaList(BROKER, 'host:port'),
    required: 'when `BUS=kafka`',
    group: 'operator',
    description: '`host:port[,host:port]`',
  }),
  clientId: setting({
    name: 'KAFKA_CLIENT_ID',
    section,
    kind: matching(CLIENT_ID, CLIENT_ID_TEXT),
    default: 'polku',
    group: 'operator',
    description: 'Kafka client id',
  }),
  groupId: setting({
    name: 'KAFKA_GROUP_ID',
    section,
    kind: matching(CLIENT_ID, CLIENT_ID_TEXT),
    default: 'polku-ingest',
    group: 'operator',
    description: 'consumer group shared by the ingest instances',
  }),
  commandsTopic: topicSetting('KAFKA_COMMANDS_TOPIC', DEFAULT_TOPICS.commands, 'inbound commands'),
  deadLetterTopic: topicSetting('KAFKA_DLQ_TOPIC', DEFAULT_TOPICS.deadLetter, 'refused commands, with the reason'),
  pathEventsTopic: topicSetting('KAFKA_PATH_EVENTS_TOPIC', DEFAULT_TOPICS.pathEvents, 'every recorded event'),
  topicPartitions: setting({
    name: 'KAFKA_TOPIC_PARTITIONS',
    section,
    kind: integer(0, 10_000),
    default: 6,
    group: 'tuning',
    description: 'missing topics are created at start with this many partitions (`0` = never create)',
  }),
  ingestAuth: setting({
    name: 'KAFKA_INGEST_AUTH',
    section,
    kind: oneOf(INGEST_AUTH_MODES),
    default: 'jwt',
    group: 'operator',
    description: '`jwt` (a signed token per message) or `headers` (trusted producers; refused in production)',
  }),
  publish: setting({
    name: 'KAFKA_PUBLISH',
    section,
    kind: oneOrZero,
    default: true,
    defaultText: '`1`',
    group: 'operator',
    description: 'run the publisher; `0` on further ingest instances (one publisher per event store)',
  }),
  publishBatchSize: setting({
    name: 'KAFKA_PUBLISH_BATCH_SIZE',
    section,
    kind: integer(1, 10_000),
    default: 200,
    group: 'tuning',
    description: 'events per produce request',
  }),
} as const;

/** The bus; problems are added (each naming its setting) instead of thrown. */
export function readBus(env: Environment, production: boolean, problems: Problems): BusConfig | undefined {
  const s = BUS_SETTINGS;
  const kind = read(env, s.bus, problems);
  if (kind === undefined) return undefined;
  if (kind === 'memory') return { kind };
  const before = problems.count;
  if (rawValue(env, s.brokers.name) === undefined)
    problems.add(
      s.brokers.name,
      'KAFKA_BROKERS is required when BUS=kafka (comma-separated host:port, e.g. 127.0.0.1:59092)',
    );
  const brokers = read(env, s.brokers, problems) ?? [];
  const clientId = readOr(env, s.clientId, problems);
  const groupId = readOr(env, s.groupId, problems);
  const topics: BusTopics = {
    commands: readTopic(env, s.commandsTopic, problems),
    deadLetter: readTopic(env, s.deadLetterTopic, problems),
    pathEvents: readTopic(env, s.pathEventsTopic, problems),
  };
  if (new Set(Object.values(topics)).size !== 3) {
    problems.add(
      s.deadLetterTopic.name,
      'KAFKA_COMMANDS_TOPIC, KAFKA_DLQ_TOPIC and KAFKA_PATH_EVENTS_TOPIC must be three different topics',
    );
  }
  const ingestAuth = read(env, s.ingestAuth, problems);
  if (ingestAuth === 'headers' && production) {
    problems.add(
      s.ingestAuth.name,
      'KAFKA_INGEST_AUTH=headers trusts unsigned headers and is refused when NODE_ENV=production; use jwt',
    );
  }
  const createTopicsPartitions = readOr(env, s.topicPartitions, problems);
  const publishBatchSize = readOr(env, s.publishBatchSize, problems);
  const publish = readOr(env, s.publish, problems);
  if (problems.count > before || ingestAuth === undefined) return undefined;
  return { kind, brokers, clientId, groupId, topics, createTopicsPartitions, ingestAuth, publish, publishBatchSize };
}

/** `.` and `..` match the pattern but are not topics. */
function readTopic(env: Environment, definition: typeof BUS_SETTINGS.commandsTopic, problems: Problems): string {
  const value = readOr(env, definition, problems);
  if (value === '.' || value === '..')
    problems.add(
      definition.name,
      `${definition.name} must be a Kafka topic name (letters, digits, . _ -), got "${value}"`,
    );
  return value;
}
