import { spawnSync } from 'node:child_process';
import {
  createTopics,
  eventually,
  kafkaBrokersForTests,
  testKafka,
  uniqueTopics,
} from '../libs/adapters/kafka-bus/testing/index.js';
import { openEventStore } from '../libs/adapters/open-stores/index.js';
import { startTestApp, testProjector, type TestApp } from './support/index.js';
import { commandValue, kafkaIngestConfig, startTestIngest } from './support/kafka.js';

/**
 * An outside client (kcat, librdkafka) publishes a referral; the ingest records it in
 * the API's own event store; the projector projects it; the HTTP API serves the path.
 */
const brokers = kafkaBrokersForTests('kafka kcat e2e');
const describeKafka = brokers ? describe : describe.skip;
const clock = () => new Date('2026-03-02T10:00:00Z');

describeKafka('kcat → Kafka ingest → HTTP path (real broker)', () => {
  const topics = uniqueTopics('kcat');
  let t: TestApp;
  let ingest: Awaited<ReturnType<typeof startTestIngest>>;
  let proj: Awaited<ReturnType<typeof testProjector>>;

  beforeAll(async () => {
    await createTopics(testKafka(brokers!), topics, 3);
    t = await startTestApp({ clock });
    ingest = await startTestIngest(kafkaIngestConfig(t.config, brokers!, topics, { KAFKA_PUBLISH: '0' }), clock);
    proj = await testProjector(t.config);
  });
  afterAll(async () => {
    await ingest?.stop();
    await proj?.close();
    await t?.close();
  });

  it("records a referral published with kcat and serves it in the client's path", async () => {
    const clientId = 'te-keski-suomi:kcat-client-1';
    const lines = [
      commandValue({
        clientId,
        idempotencyKey: 'kcat-1',
        command: {
          type: 'RegisterClient',
          data: { fullName: 'Kalle Kcat', birthDate: '1979-09-09', municipality: 'Turku' },
        },
      }),
      commandValue({
        clientId,
        idempotencyKey: 'kcat-2',
        command: {
          type: 'MakeReferral',
          data: {
            referralId: 'ref-kcat',
            serviceType: 'rehabilitative_work_activity',
            reason: 'Daily rhythm',
            madeOn: '2026-03-02',
            to: {
              organisationId: 'provider-jyvaskyla-settlement',
              organisationType: 'provider',
              name: 'Jyväskylän Setlementti',
            },
          },
        },
      }),
    ];
    const token = await t.tokenFor('agencySystem');
    const kcat = spawnSync(
      'kcat',
      [
        '-P',
        '-b',
        brokers!.join(','),
        '-t',
        topics.commands,
        '-k',
        clientId,
        '-H',
        `authorization=Bearer ${token}`,
        '-H',
        'polku-correlation-id=kcat-e2e-1',
      ],
      { input: `${lines.join('\n')}\n`, encoding: 'utf8', timeout: 30_000 },
    );
    if (kcat.error || kcat.status !== 0)
      throw new Error(`kcat failed (${kcat.status}): ${kcat.error?.message ?? ''} ${kcat.stderr}`);

    const store = await openEventStore(t.config.eventStore);
    const position = await eventually('the referral in the event store', async () => {
      const { events } = await store.readStream(clientId);
      return events.length === 2 ? events[1].globalPosition : undefined;
    }).finally(() => store.close());
    await proj.catchUp();

    const res = await t.http
      .get(`/clients/${clientId}/path?minPosition=${position}`)
      .set({ ...(await t.authHeader('employmentOfficer')), 'X-Purpose': 'service planning' });
    expect({ status: res.status, problem: res.status === 200 ? undefined : res.body }).toEqual({ status: 200 });
    const { path } = res.body;
    expect(path.timeline.map((e: { type: string }) => e.type)).toEqual(['ClientRegistered', 'ReferralMade']);
    expect(path.timeline[1]).toMatchObject({ organisationId: 'te-keski-suomi' });
    expect(path.status.openReferrals).toEqual([
      expect.objectContaining({ referralId: 'ref-kcat', serviceType: 'rehabilitative_work_activity' }),
    ]);
    expect(ingest.logs.filter((l) => l.msg === 'command processed')).toHaveLength(2);
  });
});
