import { createKafka, ensureTopics, KafkaCommandInbox, KafkaEventPublisher, type KafkaLogLevel } from '../../libs/adapters/kafka-bus/index.js';
import { SqliteAuditLog } from '../../libs/adapters/sqlite-audit-log/index.js';
import { SqliteCheckpointStore } from '../../libs/adapters/sqlite-checkpoint-store/index.js';
import { OUTBOUND_TOPIC_SUBSCRIBERS, PathEventRelay, type DisclosureRecorder } from '../../libs/bus/index.js';
import type { AuditLog } from '../../libs/audit-log/index.js';
import type { PolkuMetrics } from '../../libs/observability/index.js';
import type { EventStore } from '../../libs/event-store/index.js';
import { TokenVerifier } from '../api/infrastructure/auth/token-verifier.js';
import { openEventStore } from '../api/infrastructure/store-factories.js';
import type { KafkaIngestConfig } from './config.js';
import { createIngestHandler } from './ingest-handler.js';

export type LogEntry = Record<string, unknown> & { level?: 'info' | 'warn' | 'error'; msg: string };

export interface IngestRuntimeOptions {
  clock?: () => Date;
  log?: (entry: LogEntry) => void;
  kafkaLogLevel?: KafkaLogLevel;
  /** The disclosure-log hook (issue "access and audit"); no-op by default. */
  disclosures?: DisclosureRecorder;
  retryBackoffMs?: { min: number; max: number };
  /** Prometheus counters (ingest outcomes, dead letters, publications). */
  metrics?: PolkuMetrics;
}

export interface IngestRuntime {
  /** Undefined when KAFKA_PUBLISH=0. */
  relay: PathEventRelay | undefined;
  store: EventStore;
  /** Finishes the message and the publication batch in flight, then closes everything. */
  stop(): Promise<void>;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Starts the Kafka ingest consumer and the path-events publisher on the configured
 * event store. Used by apps/ingest/main.ts and, in-process, by the end-to-end tests.
 */
export async function startIngest(config: KafkaIngestConfig, options: IngestRuntimeOptions = {}): Promise<IngestRuntime> {
  const { bus } = config;
  const log = options.log ?? (() => undefined);
  const clock = options.clock ?? (() => new Date());
  const kafka = createKafka({ brokers: bus.brokers, clientId: bus.clientId, logLevel: options.kafkaLogLevel });
  if (bus.createTopicsPartitions > 0) {
    const created = await ensureTopics(kafka, Object.values(bus.topics), bus.createTopicsPartitions);
    if (created.length) log({ msg: 'topics created', topics: created, partitions: bus.createTopicsPartitions });
  }
  const closers: (() => Promise<void>)[] = [];
  const closeAll = async () => { for (const close of closers.reverse()) await close().catch((e) => log({ level: 'error', msg: 'close failed', error: message(e) })); };
  try {
    const store = await openEventStore(config.api.eventStore);
    closers.push(() => store.close());

    const audit = SqliteAuditLog.open(config.auditLogPath);
    closers.push(() => audit.close());
    const handler = createIngestHandler({
      store, audit, verifier: new TokenVerifier(config.api, clock), authMode: bus.ingestAuth, clock,
      onInternalError: (error, m) => log({ level: 'error', msg: 'unexpected error, dead-lettered', offset: m.offset, partition: m.partition, error: error instanceof Error ? error.stack : String(error) }),
    });
    const inbox = new KafkaCommandInbox(kafka, {
      topic: bus.topics.commands, deadLetterTopic: bus.topics.deadLetter, groupId: bus.groupId, retryBackoffMs: options.retryBackoffMs, clock,
      onSettled: (m, d) => {
        options.metrics?.ingestMessages.inc({ outcome: d.outcome });
        if (d.outcome !== 'processed') options.metrics?.dlqMessages.inc({ error_type: d.reason?.type ?? 'unknown' });
        log(d.outcome === 'processed'
        ? { msg: 'command processed', partition: m.partition, offset: m.offset, clientId: m.key, replayed: d.detail?.replayed, position: d.detail?.position }
        : { level: 'warn', msg: 'command dead-lettered', partition: m.partition, offset: m.offset, clientId: m.key, ...d.reason });
      },
      onRetry: (m, error, attempt, delayMs) => log({ level: 'warn', msg: 'command will be retried', partition: m.partition, offset: m.offset, attempt, delayMs, error: message(error) }),
      onError: (error, context) => log({ level: 'error', msg: context, error: message(error) }),
    });

    let relay: PathEventRelay | undefined;
    let following: Promise<void> | undefined;
    const controller = new AbortController();
    if (bus.publish) {
      const checkpoints = SqliteCheckpointStore.open(config.checkpointPath);
      closers.push(() => checkpoints.close());
      const publisher = await KafkaEventPublisher.connect(kafka, bus.topics.pathEvents);
      closers.push(() => publisher.close());
      relay = new PathEventRelay({
        eventStore: store, publisher, checkpoints, batchSize: bus.publishBatchSize, disclosures: options.disclosures ?? auditDisclosures(audit), clock,
        onBatch: (b) => {
          options.metrics?.publishedEvents.inc(b.events);
          log({ msg: 'events published', checkpoint: b.checkpoint.toString(), events: b.events });
        },
        onError: (error, retryInMs) => log({ level: 'error', msg: 'publication failed, retrying', error: message(error), retryInMs }),
      });
      following = relay.follow(controller.signal);
      closers.push(async () => { controller.abort(); await following; });
    }
    await inbox.start(handler);
    closers.push(() => inbox.stop());
    log({ msg: 'ingest started', topics: bus.topics, groupId: bus.groupId, auth: bus.ingestAuth, publishing: bus.publish });
    return { relay, store, stop: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

/**
 * Each published event is a disclosure to the topic's subscribers (law 703/2023 §10): logged
 * with the TYP coordination basis. Personal fields are withheld on the topic. A crash
 * between publication and checkpoint repeats entries (at-least-once), never loses one.
 */
function auditDisclosures(audit: AuditLog): DisclosureRecorder {
  return {
    recordDisclosures: (ds) => audit.recordDisclosures(ds.map((d) => ({
      at: d.disclosedAt.toISOString(), clientId: d.clientId, fromOrganisationId: d.fromOrganisationId,
      toOrganisationId: OUTBOUND_TOPIC_SUBSCRIBERS, toPersonId: null,
      what: `${d.eventType} ${d.eventId} (position ${d.globalPosition}, ${d.dataKind}; personal fields withheld)`,
      basis: 'legal_basis:service_coordination', channel: 'kafka', correlationId: d.correlationId,
    }))),
  };
}
