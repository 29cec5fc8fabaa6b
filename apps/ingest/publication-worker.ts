/**
 * The path-events publication in a worker thread. It has its own event-loop and its own
 * connections (event store, audit log, checkpoint file, producer), so the ingest's long
 * group commits do not hold it up and it does not take turns from the ingest; on two cores
 * both run at once. Progress, errors and failures come back as messages; a worker that
 * dies is started again (its checkpoint makes that safe).
 */
import type { Worker } from 'node:worker_threads';
import type { KafkaLogLevel } from '../../libs/adapters/kafka-bus/index.js';
import type { EventStore } from '../../libs/event-store/index.js';
import { startWorkerThread } from '../../libs/shared/index.js';
import type { KafkaIngestConfig } from './config.js';
import type { PublicationStatus } from './publication.js';
import type { ProcessWarningEntry } from '../../libs/observability/index.js';
// A type import of the thread's module: every build that compiles this file compiles the thread too.
import type { FromPublicationThread, PublicationThreadInput, ToPublicationThread } from './publication-thread.js';

const THREAD = new URL('./publication-thread.js', import.meta.url);
const STOP: ToPublicationThread = { type: 'stop' };

export interface PublicationWorkerHooks {
  kafkaLogLevel?: KafkaLogLevel;
  onBatch: (batch: { checkpoint: bigint; events: number }) => void;
  /** A failed publication step (retried by the worker), or a dead worker (started again). */
  onError: (error: string, retryInMs: number) => void;
  /** The thread's process warnings (routeProcessWarnings), for the ingest's log. */
  onLog?: (entry: ProcessWarningEntry) => void;
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
      const input: PublicationThreadInput = { config, kafkaLogLevel: hooks.kafkaLogLevel };
      const worker = startWorkerThread(THREAD, { workerData: input });
      let ready = false;
      const stopped = new Promise<void>((done) => worker.once('exit', () => done()));
      worker.on('message', (m: FromPublicationThread) => {
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
        } else if (m.type === 'log') hooks.onLog?.(m.entry);
        else if (m.type === 'stopped') void worker.terminate(); // closed everything: nothing left to wait for
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
      current.worker.postMessage(STOP);
      // the batch in flight finishes; a worker stuck past that is ended (its checkpoint is safe)
      const timer = setTimeout(() => void current.worker.terminate(), 30_000);
      await current.stopped;
      clearTimeout(timer);
    },
  };
}
