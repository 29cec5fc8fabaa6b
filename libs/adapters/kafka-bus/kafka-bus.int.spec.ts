import type { Kafka } from 'kafkajs';
import { HEADERS, type Disposition, type InboundMessage } from '../../bus/index.js';
import { KafkaCommandInbox, KafkaEventPublisher } from './index.js';
import {
  createTopics,
  eventually,
  kafkaBrokersForTests,
  readMessages,
  testKafka,
  uniqueTopics,
} from './testing/index.js';

/** The Kafka adapter on a real broker: manual commits, dead letters, retries, keyed order. */
const brokers = kafkaBrokersForTests('kafka-bus adapter');
const describeKafka = brokers ? describe : describe.skip;

describeKafka('Kafka bus adapter (real broker)', () => {
  const topics = uniqueTopics('adapter');
  let kafka: Kafka;
  beforeAll(async () => {
    kafka = testKafka(brokers!);
    await createTopics(kafka, topics, 3);
  });

  const inboxOn = (groupId: string) =>
    new KafkaCommandInbox(kafka, {
      topic: topics.commands,
      deadLetterTopic: topics.deadLetter,
      groupId,
      retryBackoffMs: { min: 10, max: 50 },
    });
  const send = async (key: string, values: string[], headers: Record<string, string> = {}) => {
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: topics.commands, messages: values.map((value) => ({ key, value, headers })) });
    await producer.disconnect();
  };

  it('retries in place, dead-letters with reason headers (no credentials), commits, and does not redeliver after a restart', async () => {
    const groupId = `adapter-${Date.now()}`;
    const seen: string[] = [];
    let flaky = 2;
    const handler = async (m: InboundMessage): Promise<Disposition> => {
      const v = m.value!.toString();
      seen.push(v);
      if (v === 'flaky' && flaky-- > 0) return { outcome: 'retry', error: new Error('store busy') };
      if (v === 'bad')
        return {
          outcome: 'dead-letter',
          reason: {
            type: 'rule_violation',
            rule: 'referral.to_self',
            detail: 'A referral goes to another organisation',
            field: 'command.data.to',
          },
        };
      return { outcome: 'processed' };
    };
    await send('client-a', ['ok-1', 'flaky', 'bad', 'ok-2'], {
      [HEADERS.authorization]: 'Bearer secret',
      'polku-correlation-id': 'corr-1',
    });
    const first = inboxOn(groupId);
    await first.start(handler);
    await eventually('the four messages handled', async () => (seen.includes('ok-2') ? true : undefined));
    await first.stop();
    expect(seen).toEqual(['ok-1', 'flaky', 'flaky', 'flaky', 'bad', 'ok-2']);

    const [dead] = await readMessages(kafka, topics.deadLetter, 1);
    expect(dead).toMatchObject({ key: 'client-a', value: 'bad' });
    expect(dead.headers).toMatchObject({
      [HEADERS.errorType]: 'rule_violation',
      [HEADERS.errorRule]: 'referral.to_self',
      [HEADERS.errorField]: 'command.data.to',
      [HEADERS.errorDetail]: 'A referral goes to another organisation',
      [HEADERS.originalTopic]: topics.commands,
      'polku-correlation-id': 'corr-1',
    });
    expect(dead.headers[HEADERS.authorization]).toBeUndefined();

    // a new member of the same group starts after the committed offsets: only the new message arrives
    seen.length = 0;
    await send('client-a', ['after-restart']);
    const second = inboxOn(groupId);
    await second.start(handler);
    await eventually('the message sent after the restart', async () => (seen.length > 0 ? true : undefined));
    await second.stop();
    expect(seen).toEqual(['after-restart']);
  });

  it('finishes and commits the message in flight when stopped', async () => {
    const groupId = `adapter-stop-${Date.now()}`;
    await send('client-b', ['slow', 'next']);
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const seen: string[] = [];
    const inbox = inboxOn(groupId);
    await inbox.start(async (m) => {
      const v = m.value!.toString();
      if (m.key !== 'client-b') return { outcome: 'processed' }; // the first test's messages, same topic
      seen.push(v);
      if (v === 'slow') await gate;
      return { outcome: 'processed' };
    });
    await eventually('the slow message in flight', async () => (seen.includes('slow') ? true : undefined));
    const stopped = inbox.stop();
    release();
    await stopped;

    const again: string[] = [];
    const restarted = inboxOn(groupId);
    await restarted.start(async (m) => {
      if (m.key === 'client-b') again.push(m.value!.toString());
      return { outcome: 'processed' };
    });
    await eventually('the redelivery after the stop', async () => (again.length > 0 ? true : undefined));
    await restarted.stop();
    expect(seen).toEqual(['slow']); // 'next' was never started: it stays uncommitted
    expect(again).toEqual(['next']); // 'slow' finished and was committed before leaving
  });

  it('publishes keyed messages in order per key, one key on one partition', async () => {
    const publisher = await KafkaEventPublisher.connect(kafka, topics.pathEvents);
    const keys = ['k-1', 'k-2', 'k-3'];
    const batch = Array.from({ length: 30 }, (_, i) => ({
      key: keys[i % 3],
      value: String(i),
      headers: { [HEADERS.eventType]: 'T' },
    }));
    await publisher.publish(batch.slice(0, 10));
    await publisher.publish(batch.slice(10));
    await publisher.close();
    const got = await readMessages(kafka, topics.pathEvents, 30);
    for (const key of keys) {
      const mine = got.filter((m) => m.key === key);
      expect(new Set(mine.map((m) => m.partition)).size).toBe(1);
      expect(mine.map((m) => Number(m.value))).toEqual(batch.filter((m) => m.key === key).map((m) => Number(m.value)));
    }
  });
});
