import type { Kafka } from 'kafkajs';
import { HEADERS, type Disposition, type InboundMessage } from '../../bus/index.js';
import { KafkaCommandInbox, type KafkaCommandInboxOptions } from './index.js';
import {
  createTopics,
  eventually,
  kafkaBrokersForTests,
  readMessages,
  testKafka,
  uniqueTopics,
} from './testing/index.js';
import { sleep } from '../../shared/index.js';

/**
 * Different keys (clients) are handled at once, one key's messages strictly one after
 * another in offset order; offsets are committed only over settled runs. Real broker.
 */
const brokers = kafkaBrokersForTests('kafka inbox concurrency');
const describeKafka = brokers ? describe : describe.skip;

describeKafka('Kafka command inbox: concurrent keys (real broker)', () => {
  const topics = uniqueTopics('inbox-concurrency');
  let kafka: Kafka;
  beforeAll(async () => {
    kafka = testKafka(brokers!);
    await createTopics(kafka, topics, 3);
  });

  const inboxOn = (groupId: string, extra: Partial<KafkaCommandInboxOptions> = {}) =>
    new KafkaCommandInbox(kafka, {
      topic: topics.commands,
      deadLetterTopic: topics.deadLetter,
      groupId,
      retryBackoffMs: { min: 10, max: 50 },
      ...extra,
    });
  const send = async (messages: { key: string; value: string }[]) => {
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: topics.commands, messages });
    await producer.disconnect();
  };
  /** After a restart on the same group only what is sent now arrives: everything before was committed. */
  const nothingRedelivered = async (groupId: string, marker: string) => {
    const seen: string[] = [];
    await send([{ key: marker, value: marker }]);
    const again = inboxOn(groupId);
    await again.start(async (m) => {
      seen.push(m.value!.toString());
      return { outcome: 'processed' };
    });
    await eventually('the marker', async () => (seen.includes(marker) ? true : undefined));
    await again.stop();
    expect(seen).toEqual([marker]);
  };

  it('handles different keys at once, each key in offset order, and commits all of it', async () => {
    const keys = Array.from({ length: 24 }, (_, k) => `order-${k}`);
    await send(Array.from({ length: 10 }, (_, n) => keys.map((key) => ({ key, value: `${key}:${n}` }))).flat());
    const handled = new Map<string, number[]>(keys.map((k) => [k, []]));
    const busy = new Set<string>();
    let overlapWithinKey = false;
    let inFlight = 0;
    let mostInFlight = 0;
    const groupId = `order-${Date.now()}`;
    const inbox = inboxOn(groupId, { maxInFlight: 16 });
    await inbox.start(async (m: InboundMessage): Promise<Disposition> => {
      const [key, n] = m.value!.toString().split(':');
      if (busy.has(key)) overlapWithinKey = true;
      busy.add(key);
      mostInFlight = Math.max(mostInFlight, ++inFlight);
      await sleep((Number(n) * 7 + key.length) % 5); // uneven, so keys overtake each other
      handled.get(key)!.push(Number(n));
      busy.delete(key);
      inFlight--;
      return { outcome: 'processed' };
    });
    await eventually('all 240 handled', async () =>
      [...handled.values()].every((h) => h.length === 10) ? true : undefined,
    );
    await inbox.stop();

    expect(overlapWithinKey).toBe(false);
    for (const key of keys) expect(handled.get(key)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(mostInFlight).toBeGreaterThan(1); // keys really ran at once
    expect(mostInFlight).toBeLessThanOrEqual(16);
    await nothingRedelivered(groupId, 'order-marker');
  });

  it('a retry holds only its key; a dead letter amid valid neighbours is parked and all of them are committed', async () => {
    await send([
      { key: 'hold', value: 'hold-1' },
      { key: 'dlq', value: 'dlq-bad' },
      { key: 'free', value: 'free-1' },
      { key: 'hold', value: 'hold-2' },
      { key: 'dlq', value: 'dlq-good' },
      { key: 'free', value: 'free-2' },
      { key: 'free', value: 'free-3' },
    ]);
    const handled: string[] = [];
    let holdAttempts = 0;
    const groupId = `hold-${Date.now()}`;
    const inbox = inboxOn(groupId, { retryBackoffMs: { min: 300, max: 300 } });
    await inbox.start(async (m): Promise<Disposition> => {
      const v = m.value!.toString();
      if (!['hold', 'dlq', 'free'].includes(m.key ?? '')) return { outcome: 'processed' }; // the first test's
      if (v === 'hold-1' && ++holdAttempts < 3) return { outcome: 'retry', error: new Error('store busy') };
      handled.push(v);
      return v === 'dlq-bad'
        ? { outcome: 'dead-letter', reason: { type: 'validation', detail: 'bad field', field: 'command.data.x' } }
        : { outcome: 'processed' };
    });
    await eventually('hold-2 handled', async () => (handled.includes('hold-2') ? true : undefined));
    await inbox.stop();

    // 'free' and 'dlq' went on while 'hold-1' waited out its retries; 'hold-2' stayed behind it
    expect(handled.indexOf('free-3')).toBeLessThan(handled.indexOf('hold-1'));
    expect(handled.indexOf('dlq-good')).toBeLessThan(handled.indexOf('hold-1'));
    expect(handled.indexOf('hold-1')).toBeLessThan(handled.indexOf('hold-2'));
    expect(holdAttempts).toBe(3);
    const dead = await readMessages(kafka, topics.deadLetter, 1, (m) => m.key === 'dlq');
    expect(dead[0]).toMatchObject({
      value: 'dlq-bad',
      headers: { [HEADERS.errorType]: 'validation', [HEADERS.errorField]: 'command.data.x' },
    });
    await nothingRedelivered(groupId, 'hold-marker');
  });
});
