import { resolve } from 'node:path';
import { ConfigError, loadIngestConfig } from './config.js';
import { COMMAND_DTOS, COMMAND_TYPES } from '../../libs/commands/command-table/command-table.js';

describe('ingest configuration', () => {
  it('reports API and bus problems together, each naming its variable', () => {
    let error: unknown;
    try {
      loadIngestConfig({ BUS: 'kafka', AUTH_MODE: 'saml', KAFKA_PATH_EVENTS_TOPIC: 'a b' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      expect.stringMatching(/^AUTH_MODE must be one of/),
      expect.stringMatching(/^KAFKA_BROKERS is required when BUS=kafka/),
      expect.stringMatching(/^KAFKA_PATH_EVENTS_TOPIC must be a Kafka topic name/),
    ]);
  });

  it('keeps the publication checkpoint next to the event store by default', () => {
    const config = loadIngestConfig({ DATA_DIR: '/srv/polku', BUS: 'kafka', KAFKA_BROKERS: '127.0.0.1:59092' });
    expect(config.checkpointPath).toBe(resolve('/srv/polku/bus.sqlite'));
    expect(config.api.eventStore.path).toBe(resolve('/srv/polku/events.sqlite'));
    expect(loadIngestConfig({ BUS_CHECKPOINT_PATH: 'x/cp.sqlite' }).checkpointPath).toBe(resolve('x/cp.sqlite'));
  });
});

describe('ingest concurrency', () => {
  const kafka = { BUS: 'kafka', KAFKA_BROKERS: '127.0.0.1:59092' };
  it('defaults, takes positive integers, and names a bad variable', () => {
    expect(loadIngestConfig(kafka).concurrency).toEqual({ maxInFlight: 256, partitions: 16 });
    expect(
      loadIngestConfig({ ...kafka, KAFKA_INGEST_MAX_IN_FLIGHT: '1', KAFKA_PARTITIONS_CONSUMED_CONCURRENTLY: '3' })
        .concurrency,
    ).toEqual({ maxInFlight: 1, partitions: 3 });
    expect(() =>
      loadIngestConfig({ ...kafka, KAFKA_INGEST_MAX_IN_FLIGHT: '0', KAFKA_PARTITIONS_CONSUMED_CONCURRENTLY: 'many' }),
    ).toThrow(
      expect.objectContaining({
        problems: [
          expect.stringMatching(/^KAFKA_INGEST_MAX_IN_FLIGHT must be an integer/),
          expect.stringMatching(/^KAFKA_PARTITIONS_CONSUMED_CONCURRENTLY must be an integer/),
        ],
      }),
    );
  });
});

describe('command table', () => {
  it('maps all 28 command types to an HTTP DTO; path ids become required fields', () => {
    expect(COMMAND_TYPES).toHaveLength(28);
    for (const type of COMMAND_TYPES) expect(typeof COMMAND_DTOS[type]).toBe('function');
    expect(COMMAND_DTOS.AcceptReferral.name).toBe('AcceptReferralDto');
    expect(Object.getPrototypeOf(COMMAND_DTOS.AcceptReferral).name).toBe('AcceptReferralDto');
  });
});
