import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Kafka } from 'kafkajs';
import {
  createTopics,
  eventually,
  kafkaBrokersForTests,
  testKafka,
  uniqueTopics,
} from '../../libs/adapters/kafka-bus/testing/index.js';
import { loadApiConfig } from '../../libs/config/index.js';
import { openEventStore, openStores } from '../../libs/adapters/open-stores/index.js';
import { applyEvents, sealCarriedStates } from '../../libs/projections/client-path/index.js';
import { decisionStateSealOf } from '../../libs/event-store/protection/index.js';
import { HEADERS, type BusTopics } from '../../libs/bus/index.js';
import { mintToken } from '../../libs/auth/token-minter.js';
import { testEnvironment } from '../../libs/config/index.js';

/** The ingest as a real OS process: configuration errors, SIGTERM, and SIGKILL mid-stream. */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const brokers = kafkaBrokersForTests('ingest process e2e');
const itKafka = brokers ? it : it.skip;
const SECRET = 'ingest-process-e2e-secret-0123456789abcdef';

function build(): string {
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  const outDir = mkdtempSync(join(ROOT, '.tmp', 'ingest-e2e-'));
  writeFileSync(
    join(outDir, 'tsconfig.json'),
    JSON.stringify({
      extends: join(ROOT, 'tsconfig.build.json'),
      compilerOptions: { outDir, rootDir: ROOT, sourceMap: false, incremental: false },
      files: [join(ROOT, 'apps/ingest/main.ts')],
      include: [],
    }),
  );
  const tsc = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(outDir, 'tsconfig.json')],
    { encoding: 'utf8', timeout: 150_000 },
  );
  if (tsc.status !== 0) throw new Error(`tsc failed: ${tsc.stdout}${tsc.stderr}${tsc.error?.message ?? ''}`);
  return join(outDir, 'apps/ingest/main.js');
}

describe('ingest process', () => {
  let main: string;
  let dataDir: string;
  let kafka: Kafka;
  beforeAll(() => {
    main = build();
    dataDir = mkdtempSync(join(tmpdir(), 'polku-ingest-proc-'));
    if (brokers) kafka = testKafka(brokers);
  });
  afterAll(() => {
    rmSync(dirname(dirname(dirname(main))), { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  // A port of its own per run, so parallel test files and a running `npm start` never clash.
  const metricsPort = 41_000 + Math.floor(Math.random() * 2_000);

  function run(topics: BusTopics, extraEnv: Record<string, string> = {}) {
    const child = spawn(process.execPath, [main], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: testEnvironment().inherited.PATH,
        NODE_ENV: 'test',
        DATA_DIR: dataDir,
        JWT_SECRET: SECRET,
        BUS: 'kafka',
        KAFKA_BROKERS: brokers!.join(','),
        KAFKA_COMMANDS_TOPIC: topics.commands,
        KAFKA_DLQ_TOPIC: topics.deadLetter,
        KAFKA_PATH_EVENTS_TOPIC: topics.pathEvents,
        KAFKA_GROUP_ID: `process-${topics.commands}`,
        KAFKA_CLIENT_ID: 'polku-process-e2e',
        INGEST_METRICS_PORT: String(metricsPort),
        ...extraEnv,
      },
    });
    const lines: { msg: string }[] = [];
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    createInterface({ input: child.stdout }).on('line', (l) => {
      try {
        lines.push(JSON.parse(l));
      } catch {
        /* not JSON */
      }
    });
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    const saw = (msg: string, count = 1) =>
      eventually(`${count} "${msg}" line(s)`, async () =>
        lines.filter((l) => l.msg === msg).length >= count ? true : undefined,
      ).catch((e: Error) => {
        throw new Error(`${e.message}; stderr: ${stderr}`);
      });
    return {
      child,
      lines,
      exited,
      saw,
      stderr: () => stderr,
      kill: () => {
        if (child.exitCode === null) child.kill('SIGKILL');
      },
    };
  }

  async function publish(topic: string, clientId: string, commands: { key: string; command: unknown }[]) {
    const token = await mintToken(
      {
        personId: 'sys',
        displayName: 'Kela integration',
        organisationId: 'kela',
        organisationType: 'kela',
        role: 'agency_system',
      },
      SECRET,
      'polku-dev',
      'polku',
    );
    const producer = kafka.producer();
    await producer.connect();
    for (let i = 0; i < commands.length; i += 500) {
      await producer.send({
        topic,
        acks: -1,
        messages: commands.slice(i, i + 500).map((c) => ({
          key: clientId,
          headers: { [HEADERS.authorization]: `Bearer ${token}` },
          value: JSON.stringify({ schemaVersion: 1, idempotencyKey: c.key, clientId, command: c.command }),
        })),
      });
    }
    await producer.disconnect();
  }
  const register = {
    type: 'RegisterClient',
    data: { fullName: 'Prosessi Testi', birthDate: '1990-01-01', municipality: 'Rauma' },
  };
  const streamOf = async (clientId: string) => {
    const store = await openEventStore(loadApiConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }).eventStore);
    try {
      return (await store.readStream(clientId)).events;
    } finally {
      await store.close();
    }
  };

  it('stops at start with every bad variable named (exit 2)', () => {
    const r = spawnSync(process.execPath, [main], {
      encoding: 'utf8',
      timeout: 30_000,
      env: { PATH: testEnvironment().inherited.PATH, BUS: 'kafka', KAFKA_DLQ_TOPIC: 'no spaces allowed' },
    });
    expect(r.status).toBe(2);
    const line = JSON.parse(r.stderr.trim().split('\n').pop()!);
    expect(line.problems).toEqual([
      expect.stringMatching(/^KAFKA_BROKERS is required/),
      expect.stringMatching(/^KAFKA_DLQ_TOPIC must be a Kafka topic name/),
    ]);
  });

  it('refuses a bad metrics port before connecting to anything (exit 2)', () => {
    // the broker address is unreachable: a process that connected first would hang or fail otherwise
    const r = spawnSync(process.execPath, [main], {
      encoding: 'utf8',
      timeout: 30_000,
      env: {
        PATH: testEnvironment().inherited.PATH,
        BUS: 'kafka',
        KAFKA_BROKERS: '127.0.0.1:1',
        INGEST_METRICS_PORT: 'http',
      },
    });
    expect(r.status).toBe(2);
    const line = JSON.parse(r.stderr.trim().split('\n').pop()!);
    expect(line).toMatchObject({ msg: 'invalid configuration' });
    expect(line.problems).toEqual([expect.stringMatching(/^INGEST_METRICS_PORT must be an integer from 0 to 65535/)]);
  });

  itKafka('ingests and publishes a command, then exits 0 on SIGTERM', async () => {
    const topics = uniqueTopics('process');
    await createTopics(kafka, topics, 3);
    const p = run(topics);
    try {
      await p.saw('ingest started');
      await publish(topics.commands, 'kela:proc-1', [{ key: 'p-1', command: register }]);
      await p.saw('command processed');
      await p.saw('events published');
      const metrics = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
      expect(metrics).toContain('polku_ingest_messages_total{outcome="processed",service="ingest"} 1');
      expect(metrics).toMatch(/polku_published_events_total\{service="ingest"\} 1\b/);
      expect(metrics).toContain('polku_client_state_loads_total{from="stream",service="ingest"} 1');
      p.child.kill('SIGTERM');
      expect(await p.exited).toBe(0);
      expect(p.lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['stopping', 'stopped']));
      expect((await streamOf('kela:proc-1')).map((e) => e.type)).toEqual(['ClientRegistered']);
      // one JSON object per line on both streams: Node's warnings (kafkajs raises one on every
      // connection, in both threads) are in the log, the known harmless one once per thread at info
      for (const line of p.stderr().split('\n').filter(Boolean)) expect(() => JSON.parse(line)).not.toThrow();
      expect(p.stderr()).not.toContain('TimeoutNegativeWarning');
      for (const warning of p.lines.filter((l) => l.msg === 'process warning'))
        expect(warning).toMatchObject({ level: 'info', name: 'TimeoutNegativeWarning' });
    } finally {
      p.kill();
    }
  });

  itKafka("starts a projected client's command from the projector's decision state", async () => {
    const topics = uniqueTopics('snapshot');
    await createTopics(kafka, topics, 1);
    // no cache: the second command must load its client
    const p = run(topics, { CLIENT_STATE_CACHE_MAX_CLIENTS: '0', KAFKA_PUBLISH: '0' });
    try {
      await p.saw('ingest started');
      await publish(topics.commands, 'kela:proc-snap', [{ key: 's-1', command: register }]);
      await p.saw('command processed');
      // the projector's step on the ingest's own stores, sealed with the client's key as it stores it
      const stores = await openStores(loadApiConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }));
      try {
        const { events } = await stores.eventStore.readStream('kela:proc-snap');
        const models = await sealCarriedStates(
          [applyEvents(undefined, events)],
          decisionStateSealOf(stores.eventStore),
        );
        await stores.readStore.commitBatch(models, events.at(-1)!.globalPosition);
      } finally {
        await stores.close();
      }
      // registering again is refused: decided on the snapshot, then checked on the stream
      await publish(topics.commands, 'kela:proc-snap', [{ key: 's-2', command: register }]);
      await p.saw('command dead-lettered');
      const metrics = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
      expect(metrics).toContain('polku_client_state_loads_total{from="snapshot",service="ingest"} 1');
      expect(metrics).toContain('polku_client_state_loads_total{from="stream",service="ingest"} 2');
    } finally {
      p.kill();
      await p.exited;
    }
  });

  itKafka('exits 1 without consuming anything when its metrics port is taken', async () => {
    const topics = uniqueTopics('port');
    await createTopics(kafka, topics, 1);
    await publish(topics.commands, 'port-1', [{ key: 'port-k', command: register }]);
    const taken = createServer();
    await new Promise<void>((done) => taken.listen(metricsPort, '127.0.0.1', done));
    const p = run(topics);
    try {
      // before, the process went on consuming with no metrics and no SIGTERM handler
      expect(await p.exited).toBe(1);
      expect(p.lines.map((l) => l.msg)).not.toContain('ingest started');
      expect(p.stderr()).toContain(`INGEST_METRICS_PORT 127.0.0.1:${metricsPort} is already in use`);
      expect(await streamOf('port-1')).toEqual([]);
    } finally {
      p.kill();
      await new Promise((done) => taken.close(done));
    }
  });

  itKafka(
    'after SIGKILL mid-stream, a restart appends every command exactly once, in order',
    async () => {
      const topics = uniqueTopics('crash');
      await createTopics(kafka, topics, 3);
      const total = 600;
      const assign = (n: number) => ({
        key: `a-${n}`,
        command: {
          type: 'NamePerson',
          data: {
            personId: `officer-${n}`,
            personName: `Officer ${n}`,
            role: 'responsible_officer',
            namedOn: '2026-01-01',
          },
        },
      });
      await publish(topics.commands, 'kela:crash-1', [
        { key: 'r', command: register },
        ...Array.from({ length: total - 1 }, (_, n) => assign(n)),
      ]);
      const first = run(topics);
      try {
        await first.saw('command processed', 50);
        first.kill();
        await first.exited;
      } finally {
        first.kill();
      }
      const atCrash = (await streamOf('kela:crash-1')).length;
      expect(atCrash).toBeLessThan(total); // precondition: the crash really was mid-stream

      const second = run(topics);
      try {
        // the killed member holds its partition until its session times out (10 s)
        await eventually(
          `all ${total} events after the restart`,
          async () => ((await streamOf('kela:crash-1')).length >= total ? true : undefined),
          90_000,
        ).catch(async (e: Error) => {
          throw new Error(
            `${e.message}: ${(await streamOf('kela:crash-1')).length} at crash ${atCrash}; ${JSON.stringify(second.lines.slice(-3))}`,
          );
        });
        await second.saw('events published');
        second.child.kill('SIGTERM');
        expect(await second.exited).toBe(0);
      } finally {
        second.kill();
      }
      const events = await streamOf('kela:crash-1');
      expect(events).toHaveLength(total); // redelivered commands were recognised by their keys
      expect(events.slice(1).map((e) => (e.data as { personId: string }).personId)).toEqual(
        Array.from({ length: total - 1 }, (_, n) => `officer-${n}`),
      );
    },
    150_000,
  );
});
