import type { EventStore } from '../event-store/index.js';
import { NO_DISCLOSURE_RECORDER, OUTBOUND_TOPIC_SUBSCRIBERS, type DisclosureRecorder } from './disclosure.js';
import { disclosureOf, toPathEventMessage } from './event-message.js';
import type { CheckpointStore, EventPublisher } from './ports.js';
import { followUntilAborted } from '../shared/index.js';

export interface RelayOptions {
  eventStore: EventStore;
  publisher: EventPublisher;
  checkpoints: CheckpointStore;
  /** Checkpoint name; default `path-events:<destination>` (a new topic starts from 0). */
  name?: string;
  batchSize?: number;
  disclosures?: DisclosureRecorder;
  clock?: () => Date;
  idleBackoffMs?: { min: number; max: number };
  errorBackoffMs?: { min: number; max: number };
  onBatch?: (batch: { checkpoint: bigint; events: number }) => void;
  onError?: (error: unknown, retryInMs: number) => void;
}

export interface RelayProgress {
  from: bigint;
  to: bigint;
  events: number;
}

/** The checkpoint belongs to another event store (or that store was replaced). */
export class RelayCheckpointAheadError extends Error {
  override readonly name = 'RelayCheckpointAheadError';
  constructor(
    readonly checkpoint: bigint,
    readonly head: bigint,
  ) {
    super(`Publication checkpoint ${checkpoint} is past event-store head ${head}: wrong files?`);
  }
}

/**
 * Follows the event store's global order and publishes every event to the outbound
 * topic. Per batch: publish → broker acked → disclosures recorded → checkpoint saved. A
 * crash anywhere before the save publishes the batch again: at-least-once, never a gap.
 */
export class PathEventRelay {
  readonly name: string;
  private readonly batchSize: number;
  private readonly disclosures: DisclosureRecorder;
  private failure: string | null = null;

  constructor(private readonly options: RelayOptions) {
    this.name = options.name ?? `path-events:${options.publisher.destination}`;
    this.batchSize = options.batchSize ?? 200;
    if (!Number.isSafeInteger(this.batchSize) || this.batchSize < 1)
      throw new RangeError(`batchSize must be a positive integer, got ${this.batchSize}`);
    this.disclosures = options.disclosures ?? NO_DISCLOSURE_RECORDER;
  }

  get lastError(): string | null {
    return this.failure;
  }

  /** Publishes up to the head seen at the start; an aborted signal stops between batches. */
  async catchUp(signal?: AbortSignal): Promise<RelayProgress> {
    const { eventStore, publisher, checkpoints } = this.options;
    const from = await checkpoints.load(this.name);
    const head = await eventStore.headPosition();
    if (from > head) throw new RelayCheckpointAheadError(from, head);
    let position = from;
    let events = 0;
    while (position < head && !signal?.aborted) {
      const batch = await eventStore.readAll({ after: position, limit: this.batchSize });
      if (batch.length === 0) break;
      await publisher.publish(batch.map(toPathEventMessage));
      const at = (this.options.clock ?? (() => new Date()))();
      const channel = `kafka:${publisher.destination}`;
      await this.disclosures.recordDisclosures(
        batch.map((e) => disclosureOf(e, OUTBOUND_TOPIC_SUBSCRIBERS, channel, at)),
      );
      position = batch[batch.length - 1].globalPosition;
      await checkpoints.save(this.name, position);
      events += batch.length;
      this.options.onBatch?.({ checkpoint: position, events: batch.length });
    }
    return { from, to: position, events };
  }

  /** Publishes forever until the signal aborts; the batch in flight always finishes first. */
  async follow(signal: AbortSignal): Promise<void> {
    await followUntilAborted(() => this.catchUp(signal), signal, {
      idleBackoffMs: this.options.idleBackoffMs,
      errorBackoffMs: this.options.errorBackoffMs,
      onError: this.options.onError,
      onFailureChange: (failure) => {
        this.failure = failure;
      },
    });
  }

  async status(): Promise<{ checkpoint: bigint; head: bigint; lag: bigint }> {
    const checkpoint = await this.options.checkpoints.load(this.name);
    const head = await this.options.eventStore.headPosition();
    return { checkpoint, head, lag: head > checkpoint ? head - checkpoint : 0n };
  }
}
