import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kafka } from 'kafkajs';
import { SqliteAuditLog } from '../libs/adapters/sqlite-audit-log/index.js';
import { SqliteCheckpointStore } from '../libs/adapters/sqlite-checkpoint-store/index.js';
import {
  createTopics,
  eventually,
  kafkaBrokersForTests,
  readMessages,
  testKafka,
  uniqueTopics,
} from '../libs/adapters/kafka-bus/testing/index.js';
import { executeClientCommand } from '../libs/application/index.js';
import { HEADERS } from '../libs/bus/index.js';
import type { EventStore } from '../libs/event-store/index.js';
import { openEventStore } from '../libs/adapters/open-stores/index.js';
import type { ClientCommand } from '../libs/domain/index.js';
import { loadApiConfig } from '../apps/api/config.js';
import type { KafkaIngestConfig } from '../apps/ingest/config.js';
import { PRINCIPALS } from './support/principals.js';
import { kafkaIngestConfig, startTestIngest } from './support/kafka.js';

/**
 * Every recorded event goes to the path-events topic, keyed by client id, in each
 * client's order; the checkpoint survives a restart, so nothing is lost or repeated.
 */
const brokers = kafkaBrokersForTests('kafka publication e2e');
const describeKafka = brokers ? describe : describe.skip;
const now = new Date('2026-03-02T10:00:00Z');
const { role: _role, ...actor } = PRINCIPALS.employmentOfficer;
const register: ClientCommand = {
  type: 'RegisterClient',
  data: { fullName: 'Pekka Pouta', birthDate: '1980-01-01', municipality: 'Pori' },
};
const assign = (n: number): ClientCommand => ({
  type: 'NamePerson',
  data: { personId: `officer-${n}`, personName: `Officer ${n}`, role: 'responsible_officer', namedOn: '2026-03-01' },
});

describeKafka('path-events publication (real broker)', () => {
  const topics = uniqueTopics('publication');
  let dataDir: string;
  let config: KafkaIngestConfig;
  let kafka: Kafka;
  let store: EventStore;
  const write = async (clientId: string, command: ClientCommand) =>
    executeClientCommand(store, { clientId, command, actor, correlationId: `c-${clientId}` }, now);
  /** Interleaves the clients so the global order differs from each client's order. */
  const writeRound = async (clients: string[], n: number) => {
    for (const c of clients) await write(c, assign(n));
  };
  const topicSize = async () => {
    const admin = kafka.admin();
    await admin.connect();
    const offsets = await admin.fetchTopicOffsets(topics.pathEvents);
    await admin.disconnect();
    return offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  };
  const publishedUpTo = (ingest: Awaited<ReturnType<typeof startTestIngest>>, head: bigint) =>
    eventually(`publication up to ${head}`, async () =>
      (await ingest.relay!.status()).checkpoint === head ? true : undefined,
    );

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'polku-kafka-pub-'));
    const api = loadApiConfig({ NODE_ENV: 'test', DATA_DIR: dataDir });
    config = kafkaIngestConfig(api, brokers!, topics);
    kafka = testKafka(brokers!);
    await createTopics(kafka, topics, 3);
    store = await openEventStore(api.eventStore);
  });
  afterAll(async () => {
    await store?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('publishes keyed by client id in per-client order, and resumes from the checkpoint after a restart', async () => {
    const clients = ['pub-a', 'pub-b', 'pub-c', 'pub-d'];
    for (const c of clients) await write(c, register);
    for (let n = 1; n <= 5; n++) await writeRound(clients, n);
    const firstHead = await store.headPosition();
    expect(firstHead).toBe(24n);

    let ingest = await startTestIngest(config, () => now);
    await publishedUpTo(ingest, firstHead);
    await ingest.stop();

    // written while the publisher is down, then a restart on the same checkpoint file
    for (let n = 6; n <= 8; n++) await writeRound(clients, n);
    await write('pub-e', register);
    await writeRound(['pub-e', 'pub-a'], 9);
    const head = await store.headPosition();
    ingest = await startTestIngest(config, () => now);
    await publishedUpTo(ingest, head);
    await ingest.stop();

    const checkpoints = SqliteCheckpointStore.open(config.checkpointPath);
    expect(await checkpoints.load(`path-events:${topics.pathEvents}`)).toBe(head);
    await checkpoints.close();

    // Every publication is in the disclosure log, to the topic's subscribers.
    const audit = SqliteAuditLog.open(config.auditLogPath);
    const disclosed = await audit.disclosures({ clientId: 'pub-e' });
    await audit.close();
    expect(disclosed.length).toBeGreaterThanOrEqual(2);
    expect(disclosed[0]).toMatchObject({
      toOrganisationId: 'outbound topic subscribers',
      channel: 'kafka',
      basis: 'legal_basis:service_coordination',
    });

    const messages = await readMessages(kafka, topics.pathEvents, Number(head));
    expect(await topicSize()).toBe(Number(head)); // a clean restart repeats nothing
    const positions = messages.map((m) => BigInt(m.headers[HEADERS.globalPosition])).sort((a, b) => (a < b ? -1 : 1));
    expect(positions).toEqual(Array.from({ length: Number(head) }, (_, i) => BigInt(i + 1))); // no gap

    for (const c of [...clients, 'pub-e']) {
      const mine = messages.filter((m) => m.key === c);
      const { events } = await store.readStream(c);
      expect(new Set(mine.map((m) => m.partition)).size).toBe(1);
      expect(mine.map((m) => JSON.parse(m.value).eventId)).toEqual(events.map((e) => e.eventId));
      const first = JSON.parse(mine[0].value);
      expect(first).toMatchObject({ clientId: c, type: 'ClientRegistered', schemaVersion: 1, streamVersion: '1' });
      // Personal data never goes on the topic, nor what identifies the person with the client id.
      expect(first.data).toEqual({ fullName: '[withheld]', birthDate: '[withheld]', municipality: '[withheld]' });
      expect(typeof first.globalPosition).toBe('string');
      expect(mine[0].headers).toMatchObject({ [HEADERS.eventType]: 'ClientRegistered', [HEADERS.schemaVersion]: '1' });
    }
  });
});
