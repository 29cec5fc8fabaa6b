/**
 * The path-events publication's worker thread (started by publication-worker.ts): the relay
 * on its own connections (event store, audit log, checkpoint file, producer) until the main
 * thread says stop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createKafka, type KafkaLogLevel } from '../../libs/adapters/kafka-bus/index.js';
import { SqliteAuditLog } from '../../libs/adapters/sqlite-audit-log/index.js';
import { openEventStore } from '../../libs/adapters/open-stores/index.js';
import { routeProcessWarnings, type ProcessWarningEntry } from '../../libs/observability/index.js';
import type { KafkaIngestConfig } from './config.js';
import { openPublication } from './publication.js';

/** What the publication thread starts with. */
export interface PublicationThreadInput {
  config: KafkaIngestConfig;
  kafkaLogLevel?: KafkaLogLevel;
}

/** The main thread's only order: finish the batch in flight, close everything, say stopped. */
export type ToPublicationThread = { type: 'stop' };

export type FromPublicationThread =
  | { type: 'ready'; checkpoint: string }
  | { type: 'batch'; checkpoint: string; events: number }
  | { type: 'error'; error: string; retryInMs: number }
  | { type: 'failed'; error: string }
  | { type: 'stopped' }
  /** A process warning of this thread (kafkajs runs here), for the ingest's log. */
  | { type: 'log'; entry: ProcessWarningEntry };

/** Runs the relay; tells the main thread when it is ready, each batch, each error, and when it stopped. */
async function runPublicationThread({ config, kafkaLogLevel }: PublicationThreadInput): Promise<void> {
  const port = parentPort!;
  const post = (m: FromPublicationThread) => port.postMessage(m);
  routeProcessWarnings((entry) => post({ type: 'log', entry }));
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
    port.on('message', (m: ToPublicationThread) => {
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

void runPublicationThread(workerData as PublicationThreadInput);
