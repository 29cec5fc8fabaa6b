import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kafka, Producer } from 'kafkajs';
import {
  createTopics,
  eventually,
  kafkaBrokersForTests,
  readMessages,
  testKafka,
  uniqueTopics,
} from '../libs/adapters/kafka-bus/testing/index.js';
import { HEADERS } from '../libs/bus/index.js';
import type { EventStore } from '../libs/event-store/index.js';
import { openEventStore } from '../libs/adapters/open-stores/index.js';
import { loadApiConfig, type ApiConfig } from '../apps/api/config.js';
import { mintToken } from '../libs/auth/token-minter.js';
import { PRINCIPALS } from './support/principals.js';
import {
  connectedProducer,
  kafkaIngestConfig,
  publishCommands,
  registerClient,
  startTestIngest,
} from './support/kafka.js';
import type { KafkaIngestConfig } from '../apps/ingest/config.js';

/**
 * Agency systems publish commands to Kafka; the ingest appends them to the SQLite event
 * store through the one write path. Real broker, real files, the real ingest runtime.
 */
const brokers = kafkaBrokersForTests('kafka ingest e2e');
const describeKafka = brokers ? describe : describe.skip;
const now = new Date('2026-03-02T10:00:00Z');
const clock = () => now;
const officer = (id: string) => ({
  type: 'NamePerson',
  data: { personId: id, personName: 'Liisa Korhonen', role: 'responsible_officer', namedOn: '2026-03-01' },
});

describeKafka('Kafka ingest → event store (real broker)', () => {
  const topics = uniqueTopics('ingest');
  let dataDir: string;
  let api: ApiConfig;
  let config: KafkaIngestConfig;
  let kafka: Kafka;
  let producer: Producer;
  let ingest: Awaited<ReturnType<typeof startTestIngest>>;
  let events: EventStore; // opened like the apps open it (personal data encrypted at rest)
  let token: string;
  const publish = (...m: Parameters<typeof publishCommands>[3]) => publishCommands(producer, topics.commands, token, m);
  const streamOf = async (clientId: string, length: number) =>
    eventually(`${length} events of ${clientId}`, async () => {
      const { events: e } = await events.readStream(clientId);
      return e.length >= length ? e : undefined;
    });
  const deadLettersOf = (clientId: string, count: number) =>
    readMessages(kafka, topics.deadLetter, count, (m) => m.key === clientId);

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'polku-kafka-ingest-'));
    api = loadApiConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, JWT_SECRET: `kafka-e2e-secret-${dataDir}-0123456789` });
    if (api.auth.mode !== 'hs256') throw new Error('hs256 expected');
    token = await mintToken(PRINCIPALS.agencySystem, api.auth.secret, api.auth.issuer, api.auth.audience, { now });
    kafka = testKafka(brokers!);
    await createTopics(kafka, topics, 3);
    config = kafkaIngestConfig(api, brokers!, topics, { KAFKA_PUBLISH: '0' });
    ingest = await startTestIngest(config, clock);
    events = await openEventStore(api.eventStore);
    producer = await connectedProducer(kafka);
  });

  afterAll(async () => {
    await producer?.disconnect();
    await ingest?.stop();
    await events?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("appends published commands under the publisher's identity", async () => {
    await publish(
      { clientId: 'te-keski-suomi:kafka-a', command: registerClient() },
      { clientId: 'te-keski-suomi:kafka-a', command: officer('te-liisa') },
    );
    const stream = await streamOf('te-keski-suomi:kafka-a', 2);
    expect(stream.map((e) => e.type)).toEqual(['ClientRegistered', 'PersonNamed']);
    expect(stream[0].actor).toEqual({
      personId: PRINCIPALS.agencySystem.personId,
      displayName: PRINCIPALS.agencySystem.displayName,
      organisationId: 'te-keski-suomi',
      organisationType: 'employment_authority',
    });
    expect(stream[0].correlationId).toMatch(/^kafka:test\.commands\.ingest-/);
  });

  it('appends nothing twice when the same idempotency key is delivered again', async () => {
    const dup = { clientId: 'te-keski-suomi:kafka-b', idempotencyKey: 'te-ks-000123', command: registerClient() };
    await publish(dup, dup, { clientId: 'te-keski-suomi:kafka-b', command: officer('te-a') });
    // the third message is behind both copies on the client's partition
    const stream = await streamOf('te-keski-suomi:kafka-b', 2);
    expect(stream.map((e) => e.type)).toEqual(['ClientRegistered', 'PersonNamed']);
    expect(
      ingest.logs
        .filter((l) => l.msg === 'command processed' && l.clientId === 'te-keski-suomi:kafka-b')
        .map((l) => l.replayed),
    ).toEqual([false, true, false]);
  });

  it('dead-letters invalid messages with the reason in headers and goes on with the next', async () => {
    await publish(
      { raw: '{"schemaVersion":1,', key: 'te-keski-suomi:kafka-c' },
      {
        clientId: 'te-keski-suomi:kafka-c',
        command: { type: 'RegisterClient', data: { fullName: 'No Birthdate', municipality: 'Pori' } },
      },
      { clientId: 'te-keski-suomi:kafka-c', command: { type: 'PromoteClient', data: {} } },
      { clientId: 'te-keski-suomi:kafka-c', command: registerClient('Valid After All') },
    );
    const stream = await streamOf('te-keski-suomi:kafka-c', 1);
    expect(stream[0].data).toMatchObject({ fullName: 'Valid After All' });
    const dead = await deadLettersOf('te-keski-suomi:kafka-c', 3);
    expect(dead.map((d) => d.headers[HEADERS.errorType])).toEqual(['malformed', 'validation', 'unknown_command']);
    expect(dead[1].headers[HEADERS.errorField]).toBe('command.data.birthDate');
    expect(dead[1].headers[HEADERS.errorDetail]).toMatch(/command\.data\.birthDate: birthDate is required/);
    expect(dead[0].value).toBe('{"schemaVersion":1,');
    expect(dead[0].headers[HEADERS.authorization]).toBeUndefined();
  });

  it('dead-letters a rule violation naming the rule, and an unauthorised publisher', async () => {
    await publish({ clientId: 'te-keski-suomi:kafka-d', command: registerClient() });
    await publish({
      clientId: 'te-keski-suomi:kafka-d',
      command: {
        type: 'MakeReferral',
        data: {
          serviceType: 'rehabilitative_work_activity',
          to: { organisationId: 'te-keski-suomi', organisationType: 'employment_authority' },
          reason: 'Kuty',
          madeOn: '2026-03-01',
        },
      },
    });
    await producer.send({
      topic: topics.commands,
      messages: [
        {
          key: 'te-keski-suomi:kafka-d',
          value: JSON.stringify({
            schemaVersion: 1,
            idempotencyKey: 'x',
            clientId: 'te-keski-suomi:kafka-d',
            command: officer('te-x'),
          }),
        },
      ],
    });
    await publish({ clientId: 'te-keski-suomi:kafka-d', command: officer('te-after') });
    const stream = await streamOf('te-keski-suomi:kafka-d', 2);
    expect(stream[1].data).toMatchObject({ personId: 'te-after' });
    const dead = await deadLettersOf('te-keski-suomi:kafka-d', 2);
    expect(dead[0].headers).toMatchObject({
      [HEADERS.errorType]: 'rule_violation',
      [HEADERS.errorRule]: 'referral.to_self',
      [HEADERS.errorField]: 'command.data.to.organisationId',
    });
    expect(dead[1].headers).toMatchObject({
      [HEADERS.errorType]: 'unauthorised',
      [HEADERS.errorField]: 'headers.authorization',
    });
  });

  it('resumes after a graceful restart without losing or repeating a command', async () => {
    await publish({ clientId: 'te-keski-suomi:kafka-e', command: registerClient() });
    await streamOf('te-keski-suomi:kafka-e', 1);
    await ingest.stop();
    await publish(
      { clientId: 'te-keski-suomi:kafka-e', command: officer('te-1') },
      { clientId: 'te-keski-suomi:kafka-e', command: officer('te-2') },
    );
    ingest = await startTestIngest(config, clock); // same group: continues from the committed offsets
    const stream = await streamOf('te-keski-suomi:kafka-e', 3);
    await publish({ clientId: 'te-keski-suomi:kafka-e', command: officer('te-3') });
    const after = await streamOf('te-keski-suomi:kafka-e', 4);
    expect(after.map((e) => (e.data as { personId?: string }).personId ?? e.type)).toEqual([
      'ClientRegistered',
      'te-1',
      'te-2',
      'te-3',
    ]);
    expect(stream).toHaveLength(3);
  });
});
