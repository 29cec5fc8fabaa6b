import { readBusConfig } from './config.js';
import { DEFAULT_TOPICS } from './topics.js';

const read = (env: Record<string, string>, production = false) => {
  const problems: string[] = [];
  const config = readBusConfig(env, problems, production);
  return { config, problems };
};

describe('bus configuration', () => {
  it('defaults to the in-memory bus', () => {
    expect(read({})).toEqual({ config: { kind: 'memory' }, problems: [] });
  });

  it('reads BUS=kafka with defaults for everything but the brokers', () => {
    const { config, problems } = read({ BUS: 'kafka', KAFKA_BROKERS: '127.0.0.1:59092, kafka-2:9092' });
    expect(problems).toEqual([]);
    expect(config).toMatchObject({
      kind: 'kafka',
      brokers: ['127.0.0.1:59092', 'kafka-2:9092'],
      clientId: 'polku',
      groupId: 'polku-ingest',
      topics: DEFAULT_TOPICS,
      ingestAuth: 'jwt',
      publish: true,
      publishBatchSize: 200,
      createTopicsPartitions: 6,
    });
  });

  it.each([
    [{ BUS: 'rabbit' }, /^BUS must be one of memory, kafka/],
    [{ BUS: 'kafka' }, /^KAFKA_BROKERS is required when BUS=kafka/],
    [{ BUS: 'kafka', KAFKA_BROKERS: 'localhost' }, /^KAFKA_BROKERS entries must be host:port/],
    [{ BUS: 'kafka', KAFKA_BROKERS: 'a:1', KAFKA_CLIENT_ID: 'has space' }, /^KAFKA_CLIENT_ID must be/],
    [
      { BUS: 'kafka', KAFKA_BROKERS: 'a:1', KAFKA_COMMANDS_TOPIC: 'bad/topic' },
      /^KAFKA_COMMANDS_TOPIC must be a Kafka topic name/,
    ],
    [
      { BUS: 'kafka', KAFKA_BROKERS: 'a:1', KAFKA_DLQ_TOPIC: DEFAULT_TOPICS.commands },
      /must be three different topics/,
    ],
    [
      { BUS: 'kafka', KAFKA_BROKERS: 'a:1', KAFKA_INGEST_AUTH: 'none' },
      /^KAFKA_INGEST_AUTH must be one of jwt, headers/,
    ],
    [
      { BUS: 'kafka', KAFKA_BROKERS: 'a:1', KAFKA_PUBLISH_BATCH_SIZE: '0' },
      /^KAFKA_PUBLISH_BATCH_SIZE must be an integer from 1 to 10000/,
    ],
    [{ BUS: 'kafka', KAFKA_BROKERS: 'a:1', KAFKA_PUBLISH: 'yes' }, /^KAFKA_PUBLISH must be 1 or 0/],
  ])('%j is refused naming the variable', (env, message) => {
    const { config, problems } = read(env as Record<string, string>);
    expect(config).toBeUndefined();
    expect(problems).toEqual([expect.stringMatching(message)]);
  });

  it('refuses trusted identity headers in production', () => {
    const { problems } = read({ BUS: 'kafka', KAFKA_BROKERS: 'a:1', KAFKA_INGEST_AUTH: 'headers' }, true);
    expect(problems).toEqual([expect.stringMatching(/^KAFKA_INGEST_AUTH=headers .* refused when NODE_ENV=production/)]);
  });
});
