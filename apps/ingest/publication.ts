import { KafkaEventPublisher, type Kafka } from '../../libs/adapters/kafka-bus/index.js';
import { SqliteCheckpointStore } from '../../libs/adapters/sqlite-checkpoint-store/index.js';
import { OUTBOUND_TOPIC_SUBSCRIBERS, PathEventRelay, type DisclosureRecorder } from '../../libs/bus/index.js';
import type { AuditLog } from '../../libs/audit-log/index.js';
import type { EventStore } from '../../libs/event-store/index.js';
import type { KafkaIngestConfig } from './config.js';

/** What the runtime and health checks see of the publication, in this thread or a worker. */
export interface PublicationStatus {
  status(): Promise<{ checkpoint: bigint; head: bigint; lag: bigint }>;
  /** The last error of the publication loop, null once a batch succeeds. */
  readonly lastError: string | null;
}

export interface PublicationHooks {
  onBatch: (batch: { checkpoint: bigint; events: number }) => void;
  onError: (error: unknown, retryInMs: number) => void;
  disclosures?: DisclosureRecorder;
  clock?: () => Date;
}

/**
 * The path-events relay on the given store and audit log, with its own checkpoint file and
 * producer. The same in the ingest's thread and in the publication worker.
 */
export async function openPublication(
  kafka: Kafka,
  config: KafkaIngestConfig,
  store: EventStore,
  audit: AuditLog,
  hooks: PublicationHooks,
): Promise<{ relay: PathEventRelay; close: () => Promise<void> }> {
  const checkpoints = SqliteCheckpointStore.open(config.checkpointPath);
  let publisher: KafkaEventPublisher;
  try {
    publisher = await KafkaEventPublisher.connect(kafka, config.bus.topics.pathEvents);
  } catch (error) {
    await checkpoints.close();
    throw error;
  }
  const relay = new PathEventRelay({
    eventStore: store,
    publisher,
    checkpoints,
    batchSize: config.bus.publishBatchSize,
    disclosures: hooks.disclosures ?? auditDisclosures(audit),
    clock: hooks.clock,
    onBatch: hooks.onBatch,
    onError: hooks.onError,
  });
  return {
    relay,
    close: async () => {
      try {
        await publisher.close();
      } finally {
        await checkpoints.close();
      }
    },
  };
}

/**
 * Each published event is a disclosure to the topic's subscribers (law 703/2023 §10): logged
 * with the TYP coordination basis. Personal fields are withheld on the topic. A crash
 * between publication and checkpoint repeats entries (at-least-once), never loses one.
 */
export function auditDisclosures(audit: AuditLog): DisclosureRecorder {
  return {
    recordDisclosures: async (ds) => {
      await audit.recordDisclosures(
        ds.map((d) => ({
          at: d.disclosedAt.toISOString(),
          clientId: d.clientId,
          fromOrganisationId: d.fromOrganisationId,
          toOrganisationId: OUTBOUND_TOPIC_SUBSCRIBERS,
          toPersonId: null,
          what: `${d.eventType} ${d.eventId} (position ${d.globalPosition}, ${d.dataKind}; personal fields withheld)`,
          basis: 'legal_basis:service_coordination',
          channel: 'kafka',
          correlationId: d.correlationId,
        })),
      );
    },
  };
}
