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
  type CommandMessage,
} from './support/kafka.js';

/**
 * The ingest handles many clients at once (their appends share commits) while each
 * client's commands stay in published order; a full redelivery appends nothing twice; a
 * dead letter among valid neighbours in one batch holds none of them up.
 */
const brokers = kafkaBrokersForTests('kafka ingest concurrency e2e');
const describeKafka = brokers ? describe : describe.skip;
const now = new Date('2026-03-02T10:00:00Z');
const CLIENTS = 40;
const ASSIGNS = 6;
const clientId = (c: number) => `te-keski-suomi:conc-${c}`;
const assign = (c: number, n: number): CommandMessage => ({
  clientId: clientId(c),
  idempotencyKey: `a-${c}-${n}`,
  command: {
    type: 'NamePerson',
    data: { personId: `o-${c}-${n}`, personName: 'Liisa Korhonen', role: 'responsible_officer', namedOn: '2026-03-01' },
  },
});
const invalid = (c: number): CommandMessage => ({
  clientId: clientId(c),
  idempotencyKey: `bad-${c}`,
  command: {
    type: 'NamePerson',
    data: { personId: `o-${c}-x`, personName: 'Liisa Korhonen', role: 'responsible_officer', namedOn: '2026-02-30' },
  },
});

describeKafka('Kafka ingest, many clients at once (real broker)', () => {
  const topics = uniqueTopics('ingest-conc');
  let dataDir: string;
  let api: ApiConfig;
  let kafka: Kafka;
  let producer: Producer;
  let events: EventStore;
  let token: string;
  const officersOf = async (c: number) =>
    (await events.readStream(clientId(c))).events
      .filter((e) => e.type === 'PersonNamed')
      .map((e) => (e.data as { personId: string }).personId);

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'polku-kafka-conc-'));
    api = loadApiConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, JWT_SECRET: `kafka-conc-secret-${dataDir}-0123456789` });
    if (api.auth.mode !== 'hs256') throw new Error('hs256 expected');
    token = await mintToken(PRINCIPALS.agencySystem, api.auth.secret, api.auth.issuer, api.auth.audience, { now });
    kafka = testKafka(brokers!);
    await createTopics(kafka, topics, 3);
    events = await openEventStore(api.eventStore);
    producer = await connectedProducer(kafka);
  });
  afterAll(async () => {
    await producer?.disconnect();
    await events?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("keeps each client's order, parks invalid messages without holding their neighbours, and appends nothing twice on redelivery", async () => {
    // one send: registrations, then the clients' commands interleaved, an invalid one amid every fifth client's
    const messages: CommandMessage[] = Array.from({ length: CLIENTS }, (_, c) => ({
      clientId: clientId(c),
      idempotencyKey: `r-${c}`,
      command: registerClient(),
    }));
    for (let n = 0; n < ASSIGNS; n++) {
      for (let c = 0; c < CLIENTS; c++) {
        messages.push(assign(c, n));
        if (n === 2 && c % 5 === 0) messages.push(invalid(c));
      }
    }
    await publishCommands(producer, topics.commands, token, messages);
    const valid = CLIENTS * (ASSIGNS + 1);
    const invalids = CLIENTS / 5;

    const first = await startTestIngest(kafkaIngestConfig(api, brokers!, topics, { KAFKA_PUBLISH: '0' }), () => now);
    try {
      await eventually(
        'every valid command applied',
        async () => (first.logs.filter((l) => l.msg === 'command processed').length >= valid ? true : undefined),
        60_000,
      );
    } finally {
      await first.stop();
    }
    for (let c = 0; c < CLIENTS; c++) {
      expect(await officersOf(c)).toEqual(Array.from({ length: ASSIGNS }, (_, n) => `o-${c}-${n}`));
    }
    const dead = await readMessages(kafka, topics.deadLetter, invalids);
    expect(dead.map((d) => d.headers[HEADERS.errorField])).toEqual(Array(invalids).fill('command.data.namedOn'));
    const head = await events.headPosition();
    expect(head).toBe(BigInt(valid));

    // a new consumer group gets every message again: all are recognised, nothing is appended
    const second = await startTestIngest(kafkaIngestConfig(api, brokers!, topics, { KAFKA_PUBLISH: '0' }), () => now);
    try {
      await eventually(
        'every command redelivered',
        async () =>
          second.logs.filter((l) => l.msg.startsWith('command ')).length >= valid + invalids ? true : undefined,
        60_000,
      );
    } finally {
      await second.stop();
    }
    const processed = second.logs.filter((l) => l.msg === 'command processed');
    expect(processed).toHaveLength(valid);
    expect(processed.every((l) => l.replayed === true)).toBe(true);
    expect(await events.headPosition()).toBe(head);
  }, 150_000);
});
