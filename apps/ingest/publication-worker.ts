/**
 * The path-events publication in a worker thread. It has its own event-loop and its own
 * connections (event store, audit log, checkpoint file, producer), so the ingest's long
 * group commits do not hold it up and it does not take turns from the ingest; on two cores
 * both run at once. Progress, errors and failures come back as messages; a worker that
 * dies is started again (its checkpoint makes that safe).
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { createKafka, type KafkaLogLevel } from '../../libs/adapters/kafka-bus/index.js';
import { SqliteAuditLog } from '../../libs/adapters/sqlite-audit-log/index.js';
import { openEventStore } from '../../libs/adapters/open-stores/index.js';
import type { EventStore } from '../../libs/event-store/index.js';
import type { KafkaIngestConfig } from './config.js';
import { openPublication, type PublicationStatus } from './publication.js';

const KIND = 'polku-publication-worker';
interface Data {
  kind: typeof KIND;
  config: KafkaIngestConfig;
  kafkaLogLevel?: KafkaLogLevel;
}
type FromWorker =
  | { type: 'ready'; checkpoint: string }
  | { type: 'batch'; checkpoint: string; events: number }
  | { type: 'error'; error: string; retryInMs: number }
  | { type: 'failed'; error: string }
  | { type: 'stopped' };

export interface PublicationWorkerHooks {
  kafkaLogLevel?: KafkaLogLevel;
  onBatch: (batch: { checkpoint: bigint; events: number }) => void;
  /** A failed publication step (retried by the worker), or a dead worker (started again). */
  onError: (error: string, retryInMs: number) => void;
}

export interface PublicationWorker extends PublicationStatus {
  stop(): Promise<void>;
}

const RESTART_MS = 1000;

/** Starts the worker; resolves once it publishes (rejects when it cannot start). */
export async function startPublicationWorker(
  config: KafkaIngestConfig,
  store: EventStore,
  hooks: PublicationWorkerHooks,
): Promise<PublicationWorker> {
  let checkpoint = 0n;
  let lastError: string | null = null;
  let stopping = false;
  let current: { worker: Worker; stopped: Promise<void> };
  let restartTimer: NodeJS.Timeout | undefined;

  const spawn = () =>
    new Promise<typeof current>((resolve, reject) => {
      const data: Data = { kind: KIND, config, kafkaLogLevel: hooks.kafkaLogLevel };
      const worker = new Worker(new URL(import.meta.url), { workerData: data });
      let ready = false;
      const stopped = new Promise<void>((done) => worker.once('exit', () => done()));
      worker.on('message', (m: FromWorker) => {
        if (m.type === 'ready') {
          ready = true;
          checkpoint = BigInt(m.checkpoint);
          resolve({ worker, stopped });
        } else if (m.type === 'batch') {
          checkpoint = BigInt(m.checkpoint);
          lastError = null;
          hooks.onBatch({ checkpoint, events: m.events });
        } else if (m.type === 'error') {
          lastError = m.error;
          hooks.onError(m.error, m.retryInMs);
        } else if (m.type === 'failed') {
          lastError = m.error;
          if (!ready) reject(new Error(m.error));
        } else if (m.type === 'stopped') void worker.terminate(); // closed everything: nothing left to wait for
      });
      worker.on('error', (error) => {
        lastError = error instanceof Error ? error.message : String(error);
        if (!ready) reject(error);
      });
      worker.once('exit', (code) => {
        if (!ready) {
          reject(new Error(`publication worker exited (${code}) before starting: ${lastError ?? ''}`));
          return;
        }
        if (stopping) return;
        hooks.onError(`publication worker exited (${code}): ${lastError ?? 'no error reported'}`, RESTART_MS);
        restartLater();
      });
    });
  const restartLater = () => {
    restartTimer = setTimeout(() => {
      spawn().then(
        (next) => {
          if (stopping)
            void next.worker.terminate(); // stopped while it was starting
          else current = next;
        },
        (error: Error) => {
          hooks.onError(error.message, RESTART_MS);
          if (!stopping) restartLater();
        },
      );
    }, RESTART_MS);
  };

  current = await spawn();
  return {
    get lastError() {
      return lastError;
    },
    async status() {
      const head = await store.headPosition();
      return { checkpoint, head, lag: head > checkpoint ? head - checkpoint : 0n };
    },
    async stop() {
      stopping = true;
      clearTimeout(restartTimer);
      current.worker.postMessage({ type: 'stop' });
      // the batch in flight finishes; a worker stuck past that is ended (its checkpoint is safe)
      const timer = setTimeout(() => void current.worker.terminate(), 30_000);
      await current.stopped;
      clearTimeout(timer);
    },
  };
}

/** Inside the worker: the relay on its own connections until the main thread says stop. */
async function runWorker({ config, kafkaLogLevel }: Data): Promise<void> {
  const port = parentPort!;
  const post = (m: FromWorker) => port.postMessage(m);
  const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
  const closers: (() => Promise<void>)[] = [];
  const closeAll = async () => {
    for (const close of closers.reverse()) await close().catch(() => undefined);
  };
  try {
    const kafka = createKafka({ brokers: config.bus.brokers, clientId: config.bus.clientId, logLevel: kafkaLogLevel });
    const store = await openEventStore(config.api.eventStore);
    closers.push(() => store.close());
    const audit = SqliteAuditLog.open(config.auditLogPath);
    closers.push(() => audit.close());
    const { relay, close } = await openPublication(kafka, config, store, audit, {
      onBatch: (b) => post({ type: 'batch', checkpoint: b.checkpoint.toString(), events: b.events }),
      onError: (error, retryInMs) => post({ type: 'error', error: message(error), retryInMs }),
    });
    closers.push(close);
    const controller = new AbortController();
    const following = relay.follow(controller.signal);
    port.on('message', (m: { type: string }) => {
      if (m.type !== 'stop') return;
      controller.abort();
      void following.then(closeAll).then(() => {
        post({ type: 'stopped' });
        port.close();
      });
    });
    post({ type: 'ready', checkpoint: (await relay.status()).checkpoint.toString() });
  } catch (error) {
    post({ type: 'failed', error: message(error) });
    await closeAll();
    port.close();
  }
}

if (!isMainThread && (workerData as Data | undefined)?.kind === KIND) void runWorker(workerData as Data);
