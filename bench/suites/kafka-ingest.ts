/**
 * Kafka ingest end to end: `--messages N` valid command messages (attendance, goal and
 * plan reviews for existing clients, bearer tokens of the publishing agency systems) are
 * produced to a fresh command topic with `--partitions P`, then the real ingest process
 * (apps/ingest/main.ts, BUS=kafka) consumes them into a copy of the generated stores.
 * Measured: messages/s from the first settled message to the moment the group's committed
 * offsets reach the end of every partition; dead letters (0 for this input); events
 * appended; the ingest's CPU; with `--publish 1` (default) the path-events publisher runs
 * too (its checkpoint starts at the copied head, as in a steady state) and its lag is reported.
 *
 * node bench/dist-bench/bench/suites/kafka-ingest.js --data bench/work/data-2000c-1y-s1
 *   [--messages 40000] [--partitions 6] [--publish 1|separate|0] [--cpu-prof DIR] [--ingest-env K=V,K=V] [--timeout 600]
 *   [--server-cpus L --load-cpus L: the ingest processes' cores and the producer's (bench/lib/placement.ts)]
 *   [--ingest path/to/main.js (default: apps/ingest/main.ts compiled into bench/work/ingest-dist)] [--verbose]
 */
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createKafka, ensureTopics } from '../../libs/adapters/kafka-bus/index.js';
import { SqliteCheckpointStore } from '../../libs/adapters/sqlite-checkpoint-store/index.js';
import { loadApiConfig } from '../../apps/api/config.js';
import { openEventStore } from '../../libs/adapters/open-stores/index.js';
import { mintToken } from '../../libs/auth/token-minter.js';
import { HEADERS } from '../../libs/bus/index.js';
import { argNumber, argValue, emit, ensureDir, flushDisk, log, round } from '../lib/util.js';
import { readManifest } from '../lib/manifest.js';
import { buildIngestMessages, type Publisher } from '../lib/ingest-messages.js';
import { buildIngest, startIngestProcess } from '../lib/ingest-process.js';
import { testEnvironment } from '../../libs/config/index.js';
import { sleep } from '../../libs/shared/index.js';
import { pinThisProcess, placementFrom } from '../lib/placement.js';

const argv = process.argv.slice(2);
const dataDir = argValue(argv, 'data')!;
const count = argNumber(argv, 'messages', 40_000);
const partitions = argNumber(argv, 'partitions', 6);
// 1: the ingest process publishes too (the default deployment); separate: a second process
// (KAFKA_PUBLISH=0 on the ingest) publishes; 0: no publisher
const publishMode = argValue(argv, 'publish') ?? '1';
const publish = publishMode !== '0';
const cpuProf = argValue(argv, 'cpu-prof');
/**
 * Ingest processes in one consumer group (the first one publishes), default 1: on 2 cores with
 * SQLite a second one measured no gain (appends wait on the file lock).
 */
const processes = argNumber(argv, 'processes', 1);
const timeoutMs = argNumber(argv, 'timeout', 600) * 1000;
const extraEnv = Object.fromEntries(
  (argValue(argv, 'ingest-env') ?? '')
    .split(',')
    .filter(Boolean)
    .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
);
const brokers = (testEnvironment().kafkaBrokers ?? '').split(',').filter(Boolean);
if (!dataDir || brokers.length === 0) throw new Error('needs --data DIR and KAFKA_BROKERS');
const SECRET = 'polku-bench-secret-0123456789abcdef-0123456789';
const placement = placementFrom(argv);
pinThisProcess(placement.loadCpus); // the producer and the offsets' watcher run here

// the ingest writes: give it a copy of the generated stores (the read store too: commands start
// from the projector's decision states in it, as beside a running projector)
const work = ensureDir(join(dataDir, 'kafka'));
for (const name of ['events.sqlite', 'keys.sqlite', 'read.sqlite', 'bus.sqlite', 'audit.sqlite']) {
  for (const s of ['', '-wal', '-shm']) rmSync(join(work, name + s), { force: true });
  if (name !== 'bus.sqlite' && name !== 'audit.sqlite' && existsSync(join(dataDir, name)))
    copyFileSync(join(dataDir, name), join(work, name));
}
flushDisk(); // the copies are on disk before anything is measured
const apiEnv = { NODE_ENV: 'development', DATA_DIR: work, JWT_SECRET: SECRET, AUTH_MODE: 'hs256' };
const api = loadApiConfig(apiEnv);
const today = new Date().toISOString().slice(0, 10);

const store = await openEventStore(api.eventStore);
const headBefore = await store.headPosition();
const t = performance.now();
const messages = await buildIngestMessages(store, readManifest(join(dataDir, 'manifest.json')), count, today);
await store.close();
const mix: Record<string, number> = {};
for (const m of messages) {
  const type = (JSON.parse(m.value) as { command: { type: string } }).command.type;
  mix[type] = (mix[type] ?? 0) + 1;
}
log(
  `  kafka: ${messages.length} valid messages prepared (${JSON.stringify(mix)}) in ${round((performance.now() - t) / 1000)} s`,
);

const runId = `${Date.now().toString(36)}-${randomUUID().slice(0, 6)}`;
const topics = {
  commands: `bench.commands.${runId}`,
  deadLetter: `bench.commands.dlq.${runId}`,
  pathEvents: `bench.path-events.${runId}`,
};
const groupId = `bench-ingest-${runId}`;
const kafka = createKafka({ brokers, clientId: 'polku-bench', logLevel: 'nothing' });
await ensureTopics(kafka, Object.values(topics), partitions);

// steady state: the publisher starts at the copied head and publishes only what the ingest appends
const checkpoints = SqliteCheckpointStore.open(join(work, 'bus.sqlite'));
await checkpoints.save(`path-events:${topics.pathEvents}`, headBefore);
await checkpoints.close();

const tokens = new Map<string, string>();
const tokenOf = async (p: Publisher) => {
  let token = tokens.get(p.organisationId);
  if (!token) {
    token = await mintToken(
      {
        personId: `system-${p.organisationId}`,
        displayName: `${p.organisationId} integration`,
        organisationId: p.organisationId,
        organisationType: p.organisationType,
        role: 'agency_system',
      },
      SECRET,
      api.auth.issuer,
      api.auth.audience,
    );
    tokens.set(p.organisationId, token);
  }
  return `Bearer ${token}`;
};
const producer = kafka.producer({ allowAutoTopicCreation: false });
await producer.connect();
for (let i = 0; i < messages.length; i += 2000) {
  const slice = messages.slice(i, i + 2000);
  const withTokens = await Promise.all(
    slice.map(async (m) => ({
      key: m.clientId,
      value: m.value,
      headers: { [HEADERS.authorization]: await tokenOf(m.publisher) },
    })),
  );
  await producer.send({ topic: topics.commands, acks: -1, messages: withTokens });
}
await producer.disconnect();
log(
  `  kafka: produced to ${topics.commands} (${partitions} partitions, ${tokens.size} publishers); starting the ingest (publication ${publish ? 'on' : 'off'})`,
);

const admin = kafka.admin();
await admin.connect();
const sumOffsets = async (topic: string) =>
  (await admin.fetchTopicOffsets(topic)).reduce((n, p) => n + Number(p.high), 0);
const committedAll = async (ends: Map<number, string>) => {
  const [committed] = await admin.fetchOffsets({ groupId, topics: [topics.commands] });
  return committed.partitions.every((p) => p.offset === ends.get(p.partition));
};
const ends = new Map((await admin.fetchTopicOffsets(topics.commands)).map((p) => [p.partition, p.high]));

const main = argValue(argv, 'ingest') ?? buildIngest();
const ingestEnv = {
  ...apiEnv,
  BUS: 'kafka',
  KAFKA_BROKERS: brokers.join(','),
  KAFKA_CLIENT_ID: 'polku-bench-ingest',
  KAFKA_GROUP_ID: groupId,
  KAFKA_COMMANDS_TOPIC: topics.commands,
  KAFKA_DLQ_TOPIC: topics.deadLetter,
  KAFKA_PATH_EVENTS_TOPIC: topics.pathEvents,
  KAFKA_TOPIC_PARTITIONS: '0',
  KAFKA_PUBLISH: publishMode === '1' ? '1' : '0',
  INGEST_METRICS_PORT: '0',
  ...extraEnv,
};
// the separate publisher consumes an empty command topic of its own
const publisher =
  publishMode === 'separate'
    ? startIngestProcess(
        main,
        {
          ...ingestEnv,
          KAFKA_PUBLISH: '1',
          KAFKA_COMMANDS_TOPIC: `${topics.commands}.idle`,
          KAFKA_TOPIC_PARTITIONS: '1',
          KAFKA_GROUP_ID: `${groupId}-publisher`,
        },
        [],
        placement.serverCpus,
      )
    : undefined;
const ingests = Array.from({ length: processes }, (_, i) =>
  startIngestProcess(
    main,
    { ...ingestEnv, ...(i > 0 && { KAFKA_PUBLISH: '0' }) },
    cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${ensureDir(cpuProf)}`] : [],
    placement.serverCpus,
  ),
);
const ingest = ingests[0];
try {
  await publisher?.started;
  await Promise.all(ingests.map((p) => p.started));
  const cpuOf = () => ingests.reduce((sum, p) => sum + p.cpuSeconds(), 0);
  const cpuStart = cpuOf();
  // the first message any of them settles starts the clock
  const first = await Promise.race(ingests.map((p) => p.firstSettled));
  const deadline = Date.now() + timeoutMs;
  while (!(await committedAll(ends))) {
    const gone = ingests.find((p) => p.child.exitCode !== null);
    if (Date.now() > deadline || gone)
      throw new Error(`ingest did not commit every offset in time: ${(gone ?? ingest).stderrTail()}`);
    await sleep(25);
  }
  const done = performance.now();
  const cpuSeconds = cpuOf() - cpuStart;
  const publishedAtEnd = publish ? await sumOffsets(topics.pathEvents) : 0;
  let publication: Record<string, unknown> = { running: false };
  if (publish) {
    while ((await sumOffsets(topics.pathEvents)) < messages.length) {
      if (Date.now() > deadline) throw new Error('the publisher did not catch up in time');
      await sleep(25);
    }
    const drained = performance.now();
    publication = {
      running: publishMode === 'separate' ? 'separate process' : 'in the ingest process',
      lagAtIngestEnd: messages.length - publishedAtEnd,
      drainedSecondsAfterIngest: round((drained - done) / 1000, 2),
      eventsPerSecond: round(messages.length / ((drained - first) / 1000), 0),
    };
  }
  const deadLetters = await sumOffsets(topics.deadLetter);
  const exitCodes = await Promise.all(ingests.map((p) => p.stop()));
  const exitCode = exitCodes.find((c) => c !== 0) ?? exitCodes[0];
  if (argValue(argv, 'verbose')) log(`  ingest stderr (tail): ${ingest.stderrTail().slice(-1500)}`);
  const after = await openEventStore(api.eventStore);
  const appended = Number((await after.headPosition()) - headBefore);
  await after.close();
  const seconds = (done - first) / 1000;
  emit({
    suite: 'kafka-ingest',
    ...(Object.keys(placement).length > 0 && { placement }),
    messages: messages.length,
    partitions,
    processes,
    publishMode,
    seconds: round(seconds, 2),
    messagesPerSecond: round(messages.length / seconds, 0),
    mix,
    deadLetters,
    appended,
    exitCode,
    cpuMsPerMessage: round((cpuSeconds * 1000) / messages.length, 3),
    publication,
    ingestEnv: extraEnv,
  });
} finally {
  await Promise.all(ingests.map((p) => p.stop()));
  await publisher?.stop();
  await admin.deleteTopics({ topics: [...Object.values(topics), `${topics.commands}.idle`] }).catch(() => undefined);
  await admin.disconnect();
}
