import type { Kafka } from 'kafkajs';
import { KafkaCommandInbox } from './index.js';
import { createTopics, eventually, kafkaLibDir, testKafka, ThrowawayKafka, uniqueTopics } from './testing/index.js';
import { testEnvironment } from '../../config/index.js';

/**
 * Two ingest inboxes in one consumer group on a broker of this test's own, which is stopped
 * and started again (never the shared broker): the group carries on by itself, every command
 * sent before and after the restart is handled, and both inboxes still stop cleanly.
 */
const lib = kafkaLibDir();
if (!lib && testEnvironment().ci)
  throw new Error('java and the Kafka jars are required in CI (scripts/ci/kafka.sh lib)');
const suite = lib ? describe : describe.skip;

suite('two ingest inboxes across a broker restart', () => {
  let broker: ThrowawayKafka | undefined;
  let kafka: Kafka;
  const topics = uniqueTopics('restart');

  beforeAll(async () => {
    broker = await ThrowawayKafka.create(lib!);
    await broker.start();
    kafka = testKafka(broker.brokers);
    await createTopics(kafka, topics, 3);
  }, 180_000);
  afterAll(async () => {
    await broker?.destroy();
  });

  const send = async (prefix: string, count: number) => {
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: topics.commands,
      acks: -1,
      messages: Array.from({ length: count }, (_, n) => ({ key: `client-${n % 30}`, value: `${prefix}-${n}` })),
    });
    await producer.disconnect();
  };

  it('carries on after the broker restarts', async () => {
    const handled = [new Set<string>(), new Set<string>()];
    const errors: string[] = [];
    const inboxes = handled.map(
      (_seen) =>
        new KafkaCommandInbox(kafka, {
          topic: topics.commands,
          deadLetterTopic: topics.deadLetter,
          groupId: `restart-${topics.commands}`,
          sessionTimeoutMs: 10_000,
          retryBackoffMs: { min: 10, max: 100 },
          onError: (error, context) => errors.push(`${context}: ${String(error)}`),
        }),
    );
    try {
      await Promise.all(
        inboxes.map((inbox, i) =>
          inbox.start(async (m) => {
            handled[i].add(m.value!.toString());
            return { outcome: 'processed' };
          }),
        ),
      );
      const all = () => new Set([...handled[0], ...handled[1]]);
      const allOf = (prefix: string, count: number) =>
        eventually(
          `all ${prefix} commands handled`,
          async () => {
            const seen = all();
            return Array.from({ length: count }, (_, n) => `${prefix}-${n}`).every((v) => seen.has(v))
              ? true
              : undefined;
          },
          120_000,
        );

      await send('before', 300);
      await allOf('before', 300);

      await broker!.stop();
      await broker!.start();

      await send('after', 300);
      await allOf('after', 300);
      // both members of the group took part (3 partitions share out over 2 members)
      expect(handled.map((seen) => seen.size > 0)).toEqual([true, true]);
    } finally {
      // stopping flushes each partition's commits: before the fix a repeated commit spun forever here
      await Promise.all(inboxes.map((inbox) => inbox.stop()));
    }
  }, 300_000);
});
