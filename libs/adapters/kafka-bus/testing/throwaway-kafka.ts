import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createKafka } from '../kafka-client.js';
import { sleep } from '../../../shared/index.js';
import { freePort } from '../../../shared/testing/index.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** The Kafka jars (scripts/ci/kafka.sh fetches them with Maven, cached); undefined without java. */
export function kafkaLibDir(): string | undefined {
  if (spawnSync('java', ['-version']).status !== 0) return undefined;
  const r = spawnSync('bash', [join(REPO, 'scripts/ci/kafka.sh'), 'lib'], { encoding: 'utf8', timeout: 600_000 });
  return r.status === 0 ? r.stdout.trim().split('\n').at(-1) : undefined;
}

/** A KRaft cluster id: 16 random bytes, base64url (22 characters). */
/**
 * A Kafka cluster id: 16 random bytes in base64url. Never one that starts with '-': the
 * storage tool would read it as an option (1 run in 64 failed so); Kafka's own
 * Uuid.randomUuid() skips those ids for the same reason.
 */
export const clusterId = (): string => {
  for (;;) {
    const id = Buffer.from(randomUUID().replace(/-/g, ''), 'hex').toString('base64url');
    if (!id.startsWith('-')) return id;
  }
};

/**
 * A single-node KRaft broker of a test's own (never the shared one other tests use), on free
 * ports under a temp dir, configured as scripts/ci/kafka.sh does; for tests that stop and
 * start the broker. The log dir survives stop()/start(); destroy() removes everything.
 */
export class ThrowawayKafka {
  private broker: ChildProcess | undefined;

  private constructor(
    private readonly lib: string,
    readonly dir: string,
    readonly port: number,
    private readonly controllerPort: number,
  ) {}

  static async create(lib: string): Promise<ThrowawayKafka> {
    const dir = mkdtempSync(join(tmpdir(), 'polku-kafka-throwaway-'));
    const kafka = new ThrowawayKafka(lib, dir, await freePort(), await freePort());
    writeFileSync(
      kafka.properties,
      [
        'process.roles=broker,controller',
        'node.id=1',
        `controller.quorum.voters=1@127.0.0.1:${kafka.controllerPort}`,
        `listeners=PLAINTEXT://127.0.0.1:${kafka.port},CONTROLLER://127.0.0.1:${kafka.controllerPort}`,
        `advertised.listeners=PLAINTEXT://127.0.0.1:${kafka.port}`,
        'controller.listener.names=CONTROLLER',
        'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
        'inter.broker.listener.name=PLAINTEXT',
        `log.dirs=${join(dir, 'data')}`,
        'num.partitions=3',
        'offsets.topic.replication.factor=1',
        'offsets.topic.num.partitions=3',
        'transaction.state.log.replication.factor=1',
        'transaction.state.log.min.isr=1',
        'group.initial.rebalance.delay.ms=0',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'log4j.properties'),
      'log4j.rootLogger=WARN, stdout\nlog4j.appender.stdout=org.apache.log4j.ConsoleAppender\n' +
        'log4j.appender.stdout.layout=org.apache.log4j.PatternLayout\n',
    );
    const format = spawnSync(
      'java',
      [...kafka.javaArgs, 'kafka.tools.StorageTool', 'format', '-t', clusterId(), '-c', kafka.properties],
      { encoding: 'utf8', timeout: 120_000 },
    );
    if (format.status !== 0) throw new Error(`formatting the log dir failed: ${format.stderr}${format.stdout}`);
    return kafka;
  }

  get brokers(): string[] {
    return [`127.0.0.1:${this.port}`];
  }

  private get properties(): string {
    return join(this.dir, 'server.properties');
  }

  private get javaArgs(): string[] {
    return [
      '-Xms128m',
      '-Xmx384m',
      `-Dlog4j.configuration=file:${join(this.dir, 'log4j.properties')}`,
      '-cp',
      `${this.lib}/*`,
    ];
  }

  /** Starts the broker and waits (bounded) until it answers a metadata request. */
  async start(): Promise<void> {
    this.broker = spawn('java', [...this.javaArgs, 'kafka.Kafka', this.properties], { stdio: 'ignore' });
    const admin = createKafka({ brokers: this.brokers, clientId: 'throwaway-probe', logLevel: 'nothing' }).admin();
    const deadline = Date.now() + 120_000;
    for (;;) {
      try {
        await admin.connect();
        await admin.describeCluster();
        await admin.disconnect();
        return;
      } catch (error) {
        if (Date.now() > deadline || this.broker.exitCode !== null)
          throw new Error(`throwaway broker did not start: ${String(error)}`);
        await sleep(500);
      }
    }
  }

  /** A controlled shutdown (SIGTERM), waiting until the process is gone. */
  async stop(): Promise<void> {
    const broker = this.broker;
    this.broker = undefined;
    if (!broker || broker.exitCode !== null) return;
    const gone = new Promise((done) => broker.once('exit', done));
    broker.kill('SIGTERM');
    await gone;
  }

  async destroy(): Promise<void> {
    if (this.broker && this.broker.exitCode === null) {
      const gone = new Promise((done) => this.broker!.once('exit', done));
      this.broker.kill('SIGKILL');
      await gone;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
