import type { EventStore } from '../../../libs/event-store/index.js';
import type { RecordedEvent } from '../../../libs/events/index.js';
import type { ReadStore } from '../../../libs/read-store/index.js';
import { applyEvent, applyEvents } from '../projections/client-read-model.js';
import { applyBatch, applyBatchByClient, assertAscending, type ApplyEvent, type ApplyEvents } from './apply-batch.js';
import { Backoff, sleep } from './sleep.js';

export type { ApplyEvent } from './apply-batch.js';

export interface BatchCommitted { checkpoint: bigint; events: number; clients: number }
export interface CatchUpResult { from: bigint; to: bigint; events: number }
export interface ProjectorStatus { checkpoint: bigint; head: bigint; lag: bigint }

export interface ProjectorOptions {
  eventStore: EventStore;
  readStore: ReadStore;
  batchSize?: number;
  apply?: ApplyEvent;
  /** Called after each batch is durably committed. */
  onBatch?: (batch: BatchCommitted) => void;
  /** Called by follow() for an error it will retry after `retryInMs`. Default: JSON line on stderr. */
  onError?: (error: unknown, retryInMs: number) => void;
  /** follow() polling when idle (SQLite has no change notification) and retrying after errors. */
  idleBackoffMs?: { min: number; max: number };
  errorBackoffMs?: { min: number; max: number };
}

/** The read store belongs to another event store (or that store was replaced): only a rebuild helps. */
export class CheckpointAheadOfHeadError extends Error {
  override readonly name = 'CheckpointAheadOfHeadError';
  constructor(readonly checkpoint: bigint, readonly head: bigint) {
    super(`Read-store checkpoint ${checkpoint} is past event-store head ${head}: wrong files? Run a rebuild`);
  }
}

/**
 * Moves the read store from its checkpoint to the event store's head. Each batch commits
 * its client models and the checkpoint in one transaction, so after a crash the next run
 * starts exactly after the last committed batch: no event is skipped or applied twice.
 */
export class Projector {
  private readonly eventStore: EventStore;
  private readonly readStore: ReadStore;
  private readonly batchSize: number;
  private readonly apply: ApplyEvent;
  /** Set when the default projection runs: it folds a client's events of a batch in one call. */
  private readonly applyMany: ApplyEvents | undefined;
  private readonly options: ProjectorOptions;
  private failure: string | null = null;

  constructor(options: ProjectorOptions) {
    const batchSize = options.batchSize ?? 500;
    if (!Number.isSafeInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
    this.options = options;
    this.eventStore = options.eventStore;
    this.readStore = options.readStore;
    this.batchSize = batchSize;
    this.apply = options.apply ?? applyEvent;
    this.applyMany = options.apply ? undefined : applyEvents;
  }

  /** Last error follow() hit, cleared by the next successful catch-up (served by /health). */
  get lastError(): string | null {
    return this.failure;
  }

  /** Projects up to the head seen at the start; an aborted signal stops between batches. */
  async catchUp(signal?: AbortSignal): Promise<CatchUpResult> {
    const from = await this.readStore.checkpoint();
    const head = await this.eventStore.headPosition();
    if (from > head) throw new CheckpointAheadOfHeadError(from, head);
    let position = from;
    let events = 0;
    while (position < head && !signal?.aborted) {
      const batch = await this.eventStore.readAll({ after: position, limit: this.batchSize });
      if (batch.length === 0) break;
      position = await this.project(batch, position);
      events += batch.length;
    }
    return { from, to: position, events };
  }

  async rebuild(signal?: AbortSignal): Promise<CatchUpResult> {
    await this.readStore.reset();
    return this.catchUp(signal);
  }

  /** Catches up forever until the signal aborts; the batch in flight always finishes first. */
  async follow(signal: AbortSignal): Promise<void> {
    const idle = new Backoff(this.options.idleBackoffMs?.min ?? 50, this.options.idleBackoffMs?.max ?? 1000);
    const failing = new Backoff(this.options.errorBackoffMs?.min ?? 250, this.options.errorBackoffMs?.max ?? 30_000);
    while (!signal.aborted) {
      try {
        const { events } = await this.catchUp(signal);
        this.failure = null;
        failing.reset();
        if (events > 0) idle.reset();
        else await sleep(idle.next(), signal);
      } catch (error) {
        // the next attempt re-reads the stored checkpoint, so a failed batch is simply redone
        this.failure = error instanceof Error ? error.message : String(error);
        const delay = failing.next();
        (this.options.onError ?? logError)(error, delay);
        await sleep(delay, signal);
      }
    }
  }

  async status(): Promise<ProjectorStatus> {
    const [checkpoint, head] = [await this.readStore.checkpoint(), await this.eventStore.headPosition()];
    return { checkpoint, head, lag: head > checkpoint ? head - checkpoint : 0n };
  }

  /** Applies one batch and commits it with its last position; returns the new checkpoint. */
  private async project(batch: RecordedEvent[], after: bigint): Promise<bigint> {
    const checkpoint = assertAscending(batch, after);
    const stored = await this.readStore.getClients([...new Set(batch.map((e) => e.clientId))]);
    const changed = this.applyMany ? applyBatchByClient(batch, stored, this.applyMany) : applyBatch(batch, stored, this.apply);
    await this.readStore.commitBatch([...changed.values()], checkpoint);
    this.options.onBatch?.({ checkpoint, events: batch.length, clients: changed.size });
    return checkpoint;
  }
}

function logError(error: unknown, retryInMs: number): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${JSON.stringify({ level: 'error', msg: 'projector error, retrying', error: message, retryInMs })}\n`);
}
