import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import type { BusTopics, Headers } from '../../../bus/index.js';
import { createKafka, decodeHeaders } from '../kafka-client.js';
import { ensureTopics } from '../kafka-topics.js';
import { testEnvironment } from '../../../config/index.js';
import { sleep } from '../../../shared/index.js';

/**
 * Tests against a real broker (`eval "$(bash scripts/ci/kafka.sh)"` starts one). Without
 * KAFKA_BROKERS a local run skips them with a message; in CI (CI set) that is an error,
 * so a missing broker can never turn into a silently green run.
 */
export function kafkaBrokersForTests(suite: string): string[] | undefined {
  const raw = testEnvironment().kafkaBrokers;
  if (raw)
    return raw
      .split(',')
      .map((b) => b.trim())
      .filter(Boolean);
  if (testEnvironment().ci)
    throw new Error(`${suite}: KAFKA_BROKERS is not set in CI; run scripts/ci/kafka.sh before the tests`);
  process.stderr.write(
    `${suite}: skipped, KAFKA_BROKERS is not set (eval "$(bash scripts/ci/kafka.sh)" starts a local broker)\n`,
  );
  return undefined;
}

/** Topics unique to one test file and run, so files can run in parallel on one broker. */
export function uniqueTopics(suffix: string): BusTopics {
  const id = `${suffix}-${Date.now().toString(36)}-${randomUUID().slice(0, 8)}`;
  return {
    commands: `test.commands.${id}`,
    deadLetter: `test.commands.dlq.${id}`,
    pathEvents: `test.path-events.${id}`,
  };
}

export function testKafka(brokers: string[]): Kafka {
  return createKafka({
    brokers,
    clientId: `polku-test-${randomUUID().slice(0, 8)}`,
    logLevel: testEnvironment().kafkaTestLog ? 'warn' : 'nothing',
  });
}

export async function createTopics(kafka: Kafka, topics: BusTopics, partitions = 3): Promise<void> {
  await ensureTopics(kafka, Object.values(topics), partitions);
}

export interface ReadMessage {
  partition: number;
  offset: string;
  key: string | null;
  value: string;
  headers: Headers;
}

/**
 * Reads a topic from the beginning until `count` messages (that pass `which`) arrived, with
 * a bounded wait that fails naming what was missing. Returns them in per-partition order.
 */
export async function readMessages(
  kafka: Kafka,
  topic: string,
  count: number,
  which: (m: ReadMessage) => boolean = () => true,
  timeoutMs = 30_000,
): Promise<ReadMessage[]> {
  const consumer = kafka.consumer({ groupId: `polku-test-reader-${randomUUID()}` });
  const got: ReadMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    let done!: () => void;
    const enough = new Promise<void>((resolve) => {
      done = resolve;
    });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        const m = {
          partition,
          offset: message.offset,
          key: message.key?.toString('utf8') ?? null,
          value: message.value?.toString('utf8') ?? '',
          headers: decodeHeaders(message.headers),
        };
        if (which(m)) got.push(m);
        if (got.length >= count) done();
      },
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const result = await Promise.race([enough, timeout]);
    clearTimeout(timer);
    if (result === 'timeout')
      throw new Error(`expected ${count} messages on ${topic} within ${timeoutMs} ms, got ${got.length}`);
    return got;
  } finally {
    await consumer.disconnect();
  }
}

/** Polls `check` until it returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}
