import type { EventStore } from '../../../libs/event-store/index.js';
import { decisionStateSealOf, type DecisionStateSeal } from '../../../libs/event-store/protection/index.js';
import { sealCarriedState, sealCarriedStates } from '../../../libs/projections/client-path/index.js';
import type { RecordedEvent } from '../../../libs/events/index.js';
import type { ClientReadModel, ReadStore } from '../../../libs/read-store/index.js';
import { applyEvent, applyEvents } from '../projections/client-read-model.js';
import { applyBatch, applyBatchByClient, assertAscending, type ApplyEvent, type ApplyEvents } from './apply-batch.js';
import { followUntilAborted } from '../../../libs/shared/index.js';
import { foldedPagesHere, projectByStream, type StreamPage } from './rebuild-by-stream.js';
import { foldedPagesFromWorker, foldWorkerAvailable } from './fold-worker/index.js';
import type { EventStoreConfig } from '../../../libs/adapters/open-stores/store-config.js';
import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Pages the fold worker may send before the main thread has committed them. With 1, each
 * slow commit (a WAL checkpoint) left the worker idle. 2 measured +6–8 % events/s on 10,000
 * clients and a 292 MB peak on 100,000 (the target is < 300 MB); 3 gave +13–17 % but 306 MB.
 */
export const FOLD_PAGES_AHEAD = 2;

export type { ApplyEvent } from './apply-batch.js';

export interface BatchCommitted {
  checkpoint: bigint;
  events: number;
  clients: number;
  /** Set while projecting stream by stream: the head being projected to (the checkpoint stays put until it is reached). */
  rebuildingUpTo?: bigint;
  /** Set while projecting stream by stream: whether a worker thread read and folded the streams. */
  foldedInWorker?: boolean;
}
export interface CatchUpResult {
  from: bigint;
  to: bigint;
  events: number;
}
export interface ProjectorStatus {
  checkpoint: bigint;
  head: bigint;
  lag: bigint;
}

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
  /**
   * Large catch-up work (a rebuild, or a catch-up more than `largeLagEvents` behind) keeps
   * client models in memory across batches and commits them with the checkpoint once every
   * this many batches (or sooner, when `maxCachedClients` would be exceeded). 1 = commit
   * every batch, nothing kept in memory. Default 1: the cached models are large (whole
   * timelines), so enabling this trades memory for speed; size `maxCachedClients` to the
   * active client population and the memory available.
   */
  commitEveryBatches?: number;
  /** Lag (events) from which a catch-up coalesces commits like a rebuild. Default 5,000. */
  largeLagEvents?: number;
  /**
   * Bound on client models held in memory while coalescing (committed ones stay cached, least
   * recently used dropped first). Models carry whole timelines (tens of KB each after a year),
   * so this bounds memory. Default 2,500.
   */
  maxCachedClients?: number;
  /**
   * Projecting from checkpoint 0 (a rebuild, a new or interrupted read store) reads whole
   * streams, this many per page, when the event store offers readStreams(). Default 100;
   * 0 = always global order.
   */
  streamsPerPage?: number;
  /**
   * The event store's configuration, for a worker thread that reads and folds the streams of
   * a stream-by-stream pass on its own connection while this thread writes (about twice as
   * fast on two cores). Used with the default projection when the compiled worker is present
   * (not under ts-jest); without it the pass folds on this thread.
   */
  foldWorker?: { eventStore: EventStoreConfig; pagesAhead?: number; heapMb?: number };
}

/** Client models held across batches while coalescing commits. */
interface Pending {
  /** Models in least recently used order: equal to the stored ones unless in `dirty`. */
  models: Map<string, ClientReadModel>;
  dirty: Set<string>;
  batches: number;
  events: number;
}

/** The read store belongs to another event store (or that store was replaced): only a rebuild helps. */
export class CheckpointAheadOfHeadError extends Error {
  override readonly name = 'CheckpointAheadOfHeadError';
  constructor(
    readonly checkpoint: bigint,
    readonly head: bigint,
  ) {
    super(`Read-store checkpoint ${checkpoint} is past event-store head ${head}: wrong files? Run a rebuild`);
  }
}

/**
 * Moves the read store from its checkpoint to the event store's head. Each batch commits
 * its client models and the checkpoint in one transaction, so after a crash the next run
 * starts exactly after the last committed batch: no event is skipped or applied twice.
 * Large work (rebuild, big lag) commits every `commitEveryBatches` batches instead, still
 * models and checkpoint in one transaction: a crash restarts from the last commit.
 */
export class Projector {
  private readonly eventStore: EventStore;
  /** Seals each stored decision state, so commands may start from it (null: a store without keys). */
  private readonly seal: DecisionStateSeal | null;
  private readonly readStore: ReadStore;
  private readonly batchSize: number;
  private readonly apply: ApplyEvent;
  /** Set when the default projection runs: it folds a client's events of a batch in one call. */
  private readonly applyMany: ApplyEvents | undefined;
  private readonly options: ProjectorOptions;
  private readonly commitEvery: number;
  private readonly largeLag: bigint;
  private readonly maxCached: number;
  private readonly streamsPerPage: number;
  private failure: string | null = null;

  constructor(options: ProjectorOptions) {
    const batchSize = options.batchSize ?? 500;
    if (!Number.isSafeInteger(batchSize) || batchSize < 1)
      throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
    const commitEvery = options.commitEveryBatches ?? 1;
    if (!Number.isSafeInteger(commitEvery) || commitEvery < 1)
      throw new RangeError(`commitEveryBatches must be a positive integer, got ${commitEvery}`);
    const largeLag = options.largeLagEvents ?? 5_000;
    if (!Number.isSafeInteger(largeLag) || largeLag < 0)
      throw new RangeError(`largeLagEvents must be a non-negative integer, got ${largeLag}`);
    const streamsPerPage = options.streamsPerPage ?? 100;
    if (!Number.isSafeInteger(streamsPerPage) || streamsPerPage < 0)
      throw new RangeError(`streamsPerPage must be a non-negative integer, got ${streamsPerPage}`);
    this.streamsPerPage = streamsPerPage;
    const maxCached = options.maxCachedClients ?? 2_500;
    if (!Number.isSafeInteger(maxCached) || maxCached < 1)
      throw new RangeError(`maxCachedClients must be a positive integer, got ${maxCached}`);
    this.commitEvery = commitEvery;
    this.largeLag = BigInt(largeLag);
    this.maxCached = maxCached;
    this.options = options;
    this.eventStore = options.eventStore;
    this.seal = decisionStateSealOf(options.eventStore);
    this.readStore = options.readStore;
    this.batchSize = batchSize;
    this.apply = options.apply ?? applyEvent;
    this.applyMany = options.apply ? undefined : applyEvents;
  }

  private foldsInWorker(): boolean {
    return this.applyMany !== undefined && this.options.foldWorker !== undefined && foldWorkerAvailable();
  }

  private streamPages(
    readStreams: NonNullable<EventStore['readStreams']>,
    head: bigint,
    inWorker: boolean,
  ): AsyncIterable<StreamPage> {
    const worker = this.options.foldWorker;
    if (inWorker && worker) {
      return foldedPagesFromWorker({
        eventStore: worker.eventStore,
        head,
        streamsPerPage: this.streamsPerPage,
        pagesAhead: worker.pagesAhead ?? FOLD_PAGES_AHEAD,
        heapMb: worker.heapMb ?? 128,
      });
    }
    const apply = this.apply;
    const applyMany = this.applyMany ?? ((model, events) => events.reduce<ClientReadModel | undefined>(apply, model)!);
    const seal = this.seal;
    return foldedPagesHere(readStreams, applyMany, head, this.streamsPerPage, (model) =>
      seal ? sealCarriedState(model, seal) : model,
    );
  }

  /** Last error follow() hit, cleared by the next successful catch-up (served by /health). */
  get lastError(): string | null {
    return this.failure;
  }

  /** Projects up to the head seen at the start; an aborted signal stops between batches. */
  async catchUp(signal?: AbortSignal): Promise<CatchUpResult> {
    return this.projectToHead(signal, false);
  }

  async rebuild(signal?: AbortSignal): Promise<CatchUpResult> {
    await this.readStore.reset();
    return this.projectToHead(signal, true);
  }

  private async projectToHead(signal: AbortSignal | undefined, large: boolean): Promise<CatchUpResult> {
    const from = await this.readStore.checkpoint();
    const head = await this.eventStore.headPosition();
    if (from > head) throw new CheckpointAheadOfHeadError(from, head);
    const readStreams = this.eventStore.readStreams?.bind(this.eventStore);
    if (from === 0n && head > 0n && readStreams && this.streamsPerPage > 0) {
      const inWorker = this.foldsInWorker();
      const result = await projectByStream({
        pages: this.streamPages(readStreams, head, inWorker),
        readStore: this.readStore,
        head,
        signal,
        onPage: ({ pageEvents, pageClients }) =>
          this.options.onBatch?.({
            checkpoint: 0n,
            events: pageEvents,
            clients: pageClients,
            rebuildingUpTo: head,
            foldedInWorker: inWorker,
          }),
      });
      if (result.completed) this.options.onBatch?.({ checkpoint: head, events: 0, clients: 0 });
      return { from, to: result.completed ? head : from, events: result.events };
    }
    const coalesce = this.commitEvery > 1 && (large || head - from > this.largeLag);
    const pending: Pending | undefined = coalesce
      ? { models: new Map(), dirty: new Set(), batches: 0, events: 0 }
      : undefined;
    let position = from;
    let committed = from;
    let events = 0;
    while (position < head && !signal?.aborted) {
      // A synchronous store (SQLite) settles every await at once: without a turn of the
      // event loop between batches, /health, /metrics and SIGTERM wait for the whole backlog.
      if (position > from) await nextTurn();
      if (signal?.aborted) break;
      const batch = await this.eventStore.readAll({ after: position, limit: this.batchSize });
      if (batch.length === 0) break;
      if (!pending) {
        position = await this.project(batch, position);
        committed = position;
        events += batch.length;
        continue;
      }
      const ids = [...new Set(batch.map((e) => e.clientId))];
      if (!this.makeRoom(pending, ids)) {
        // the cache is full of uncommitted models: commit them, then drop the oldest
        events += await this.commitPending(pending, position);
        committed = position;
        this.makeRoom(pending, ids);
      }
      position = await this.applyPending(batch, position, pending, ids);
      if (pending.batches >= this.commitEvery) {
        events += await this.commitPending(pending, position);
        committed = position;
      }
    }
    // stopping (head reached, no more events or aborted): what was applied is committed first
    if (pending && pending.batches > 0) {
      events += await this.commitPending(pending, position);
      committed = position;
    }
    return { from, to: committed, events };
  }

  /** Catches up forever until the signal aborts; the batch in flight always finishes first. */
  async follow(signal: AbortSignal): Promise<void> {
    let reached: bigint | null = null;
    const waitForEvents = this.eventStore.waitForEvents?.bind(this.eventStore);
    await followUntilAborted(
      async () => {
        const result = await this.catchUp(signal);
        reached = result.to;
        return result;
      },
      signal,
      {
        idleBackoffMs: this.options.idleBackoffMs,
        errorBackoffMs: this.options.errorBackoffMs,
        onError: this.options.onError ?? logError,
        onFailureChange: (failure) => {
          this.failure = failure;
        },
        // stores that notify (PostgreSQL, KurrentDB) wake the projector at once; others are polled
        waitForNews: waitForEvents && ((wake) => (reached === null ? Promise.resolve() : waitForEvents(reached, wake))),
      },
    );
  }

  async status(): Promise<ProjectorStatus> {
    const [checkpoint, head] = [await this.readStore.checkpoint(), await this.eventStore.headPosition()];
    return { checkpoint, head, lag: head > checkpoint ? head - checkpoint : 0n };
  }

  /** Applies one batch and commits it with its last position; returns the new checkpoint. */
  private async project(batch: RecordedEvent[], after: bigint): Promise<bigint> {
    const checkpoint = assertAscending(batch, after);
    const stored = await this.readStore.getClients([...new Set(batch.map((e) => e.clientId))]);
    const changed = this.applyMany
      ? applyBatchByClient(batch, stored, this.applyMany)
      : applyBatch(batch, stored, this.apply);
    await this.readStore.commitBatch(await sealCarriedStates([...changed.values()], this.seal), checkpoint);
    this.options.onBatch?.({ checkpoint, events: batch.length, clients: changed.size });
    return checkpoint;
  }

  /** Applies one batch to the models held in memory (reading only clients not held yet). */
  private async applyPending(batch: RecordedEvent[], after: bigint, pending: Pending, ids: string[]): Promise<bigint> {
    const checkpoint = assertAscending(batch, after);
    const missing = ids.filter((id) => !pending.models.has(id));
    const loaded = missing.length > 0 ? await this.readStore.getClients(missing) : new Map<string, ClientReadModel>();
    const current = new Map<string, ClientReadModel>();
    for (const id of ids) {
      const model = pending.models.get(id) ?? loaded.get(id);
      if (model) current.set(id, model);
    }
    const changed = this.applyMany
      ? applyBatchByClient(batch, current, this.applyMany)
      : applyBatch(batch, current, this.apply);
    for (const [id, model] of changed) {
      pending.models.delete(id); // re-inserted last: most recently used
      pending.models.set(id, model);
      pending.dirty.add(id);
    }
    pending.batches += 1;
    pending.events += batch.length;
    return checkpoint;
  }

  /**
   * Drops least recently used committed models so the batch's clients fit under the bound;
   * false when uncommitted models are in the way (the caller commits and calls again).
   */
  private makeRoom(pending: Pending, ids: string[]): boolean {
    let excess = pending.models.size + ids.filter((id) => !pending.models.has(id)).length - this.maxCached;
    if (excess <= 0) return true;
    const needed = new Set(ids);
    for (const id of pending.models.keys()) {
      if (excess <= 0) break;
      if (pending.dirty.has(id) || needed.has(id)) continue;
      pending.models.delete(id);
      excess -= 1;
    }
    return excess <= 0 || pending.dirty.size === 0;
  }

  /** Commits the dirty models with the checkpoint in one transaction; returns the events it covers. */
  private async commitPending(pending: Pending, checkpoint: bigint): Promise<number> {
    const models = [...pending.dirty].map((id) => pending.models.get(id)!);
    // sealed copies are stored; the cached models stay as folded
    await this.readStore.commitBatch(await sealCarriedStates(models, this.seal), checkpoint);
    const events = pending.events;
    pending.dirty.clear();
    pending.batches = 0;
    pending.events = 0;
    // the models now equal the stored ones: they stay cached until makeRoom drops them
    this.options.onBatch?.({ checkpoint, events, clients: models.length });
    return events;
  }
}

function logError(error: unknown, retryInMs: number): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(
    `${JSON.stringify({ level: 'error', msg: 'projector error, retrying', error: message, retryInMs })}\n`,
  );
}
