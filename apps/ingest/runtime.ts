import {
  createKafka,
  ensureTopics,
  KafkaCommandInbox,
  type KafkaLogLevel,
} from '../../libs/adapters/kafka-bus/index.js';
import { SqliteAuditLog } from '../../libs/adapters/sqlite-audit-log/index.js';
import type { DisclosureRecorder } from '../../libs/bus/index.js';
import type { PolkuMetrics } from '../../libs/observability/index.js';
import type { EventStore } from '../../libs/event-store/index.js';
import { TokenVerifier } from '../../libs/auth/token-verifier.js';
import { openEventStore, openReadStore, untilAvailable } from '../../libs/adapters/open-stores/index.js';
import {
  configureClientStateCache,
  observeClientStateLoads,
  useDecisionStateSnapshots,
} from '../../libs/application/index.js';
import { readStoreDecisionSnapshotsFor } from '../../libs/projections/client-path/index.js';
import { DEFAULT_INGEST_CONCURRENCY, type KafkaIngestConfig } from './config.js';
import { createIngestHandler } from './ingest-handler.js';
import { openPublication, type PublicationStatus } from './publication.js';
import { startPublicationWorker } from './publication-worker.js';

export type LogEntry = Record<string, unknown> & { level?: 'info' | 'warn' | 'error'; msg: string };

export interface IngestRuntimeOptions {
  clock?: () => Date;
  log?: (entry: LogEntry) => void;
  kafkaLogLevel?: KafkaLogLevel;
  /** The disclosure-log hook (issue "access and audit"); default: the audit log's disclosure log. */
  disclosures?: DisclosureRecorder;
  retryBackoffMs?: { min: number; max: number };
  /** Prometheus counters (ingest outcomes, dead letters, publications). */
  metrics?: PolkuMetrics;
  /**
   * Where the path-events publication runs: `worker` (its own thread, the default for the
   * compiled process) or `main` (this thread: the default when running from TypeScript
   * sources, e.g. under Jest, and always when `clock` or `disclosures` is given, as
   * functions cannot cross to a worker).
   */
  publicationThread?: 'worker' | 'main';
}

export interface IngestRuntime {
  /** The publication's progress; undefined when KAFKA_PUBLISH=0. */
  relay: PublicationStatus | undefined;
  store: EventStore;
  /** Finishes the messages and the publication batch in flight, then closes everything. */
  stop(): Promise<void>;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
/** A worker needs compiled JavaScript: from .ts sources (ts-jest) the publication stays in this thread. */
const COMPILED = import.meta.url.endsWith('.js');

/**
 * Starts the Kafka ingest consumer and the path-events publisher on the configured
 * event store. Used by apps/ingest/main.ts and, in-process, by the end-to-end tests.
 */
export async function startIngest(
  config: KafkaIngestConfig,
  options: IngestRuntimeOptions = {},
): Promise<IngestRuntime> {
  const { bus } = config;
  const log = options.log ?? (() => undefined);
  const clock = options.clock ?? (() => new Date());
  const kafka = createKafka({ brokers: bus.brokers, clientId: bus.clientId, logLevel: options.kafkaLogLevel });
  if (bus.createTopicsPartitions > 0) {
    const created = await ensureTopics(kafka, Object.values(bus.topics), bus.createTopicsPartitions);
    if (created.length) log({ msg: 'topics created', topics: created, partitions: bus.createTopicsPartitions });
  }
  const closers: (() => Promise<void>)[] = [];
  const closeAll = async () => {
    for (const close of closers.reverse())
      await close().catch((e) => log({ level: 'error', msg: 'close failed', error: message(e) }));
  };
  try {
    // started while the database is down, the ingest waits for it before consuming
    const store = await untilAvailable(() => openEventStore(config.api.eventStore), {
      onWait: (error, retryInMs) =>
        log({ level: 'warn', msg: 'event store unavailable, retrying', error: message(error), retryInMs }),
    });
    closers.push(() => store.close());
    // the same decision-state cache settings as the API (CLIENT_STATE_CACHE_*)
    configureClientStateCache(store, config.api.clientStateCache);
    const { metrics } = options;
    if (metrics) observeClientStateLoads(store, (from) => metrics.clientStateLoads.inc({ from }));
    if (config.api.clientStateCache.snapshots) {
      // Only a head start for commands: without the read store the ingest reads whole streams.
      try {
        const readStore = await openReadStore(config.api.readStore);
        closers.push(() => readStore.close());
        useDecisionStateSnapshots(
          store,
          readStoreDecisionSnapshotsFor(store, readStore, (clientId) => {
            metrics?.decisionStateSealFailures.inc();
            log({ level: 'warn', msg: 'a projected decision state failed its seal: read the whole stream', clientId });
          }),
        );
      } catch (error) {
        log({ level: 'warn', msg: 'read store unavailable: commands read whole streams', error: message(error) });
      }
    }

    const audit = SqliteAuditLog.open(config.auditLogPath);
    closers.push(() => audit.close());
    const handler = createIngestHandler({
      store,
      audit,
      verifier: new TokenVerifier(config.api, clock),
      authMode: bus.ingestAuth,
      clock,
      onInternalError: (error, m) =>
        log({
          level: 'error',
          msg: 'unexpected error, dead-lettered',
          offset: m.offset,
          partition: m.partition,
          error: error instanceof Error ? error.stack : String(error),
        }),
    });
    const concurrency = config.concurrency ?? DEFAULT_INGEST_CONCURRENCY;
    const inbox = new KafkaCommandInbox(kafka, {
      topic: bus.topics.commands,
      deadLetterTopic: bus.topics.deadLetter,
      groupId: bus.groupId,
      retryBackoffMs: options.retryBackoffMs,
      clock,
      maxInFlight: concurrency.maxInFlight,
      partitionsConsumedConcurrently: concurrency.partitions,
      onSettled: (m, d) => {
        options.metrics?.ingestMessages.inc({ outcome: d.outcome });
        if (d.outcome !== 'processed') options.metrics?.dlqMessages.inc({ error_type: d.reason?.type ?? 'unknown' });
        log(
          d.outcome === 'processed'
            ? {
                msg: 'command processed',
                partition: m.partition,
                offset: m.offset,
                clientId: m.key,
                replayed: d.detail?.replayed,
                position: d.detail?.position,
              }
            : {
                level: 'warn',
                msg: 'command dead-lettered',
                partition: m.partition,
                offset: m.offset,
                clientId: m.key,
                ...d.reason,
              },
        );
      },
      onRetry: (m, error, attempt, delayMs) =>
        log({
          level: 'warn',
          msg: 'command will be retried',
          partition: m.partition,
          offset: m.offset,
          attempt,
          delayMs,
          error: message(error),
        }),
      onError: (error, context) => log({ level: 'error', msg: context, error: message(error) }),
    });

    let relay: PublicationStatus | undefined;
    if (bus.publish) {
      const onBatch = (b: { checkpoint: bigint; events: number }) => {
        options.metrics?.publishedEvents.inc(b.events);
        log({ msg: 'events published', checkpoint: b.checkpoint.toString(), events: b.events });
      };
      const onError = (error: unknown, retryInMs: number) =>
        log({ level: 'error', msg: 'publication failed, retrying', error: message(error), retryInMs });
      const inThisThread =
        (options.publicationThread ?? (COMPILED ? 'worker' : 'main')) === 'main' ||
        options.clock ||
        options.disclosures;
      if (inThisThread) {
        const publication = await openPublication(kafka, config, store, audit, {
          onBatch,
          onError,
          clock,
          disclosures: options.disclosures,
        });
        closers.push(publication.close);
        const controller = new AbortController();
        const following = publication.relay.follow(controller.signal);
        closers.push(async () => {
          controller.abort();
          await following;
        });
        relay = publication.relay;
      } else {
        const worker = await startPublicationWorker(config, store, {
          kafkaLogLevel: options.kafkaLogLevel,
          onBatch,
          onError,
          onLog: log,
        });
        closers.push(() => worker.stop());
        relay = worker;
      }
    }
    await inbox.start(handler);
    closers.push(() => inbox.stop());
    log({
      msg: 'ingest started',
      topics: bus.topics,
      groupId: bus.groupId,
      auth: bus.ingestAuth,
      publishing: bus.publish,
      concurrency,
    });
    return { relay, store, stop: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
