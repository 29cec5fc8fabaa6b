import { BACKWARDS, END, KurrentDBClient, type Filter } from '@kurrent/kurrentdb-client';
import type { PolkuEvent, RecordedEvent } from '../../events/index.js';
import {
  EventStoreFailureError,
  type AppendOptions,
  type AppendResult,
  type ChainVerification,
  type EventStore,
  type ReadAllOptions,
  type ReadStreamOptions,
  type ReadStreamResult,
} from '../../event-store/index.js';
import { appendEvents, type AppendContext } from './append.js';
import { mapped } from './errors.js';
import { IdempotencyMarkers } from './idempotency.js';
import { allStreamFilter, streamNames, type StreamNames } from './naming.js';
import { lastPosition, readAllRecords, readStreamRecords } from './reads.js';
import { toRecordedEvent } from './stored-event.js';
import { allSubscription, followFrom, type FollowOptions } from './subscription.js';
import { verifyAll, verifyStream } from './verify.js';

export interface KurrentDbEventStoreOptions {
  /** Stream-name namespace (default `polku`): letters, digits, `_`. */
  namespace?: string;
  /** Deadline of one append call in ms (default 10 000); must stay well below the lease. */
  appendDeadlineMs?: number;
  /** How long an append or lookup waits for an in-flight append with the same key (default 5 000 ms). */
  idempotencyWaitMs?: number;
  /** After this long an unfinished key reservation is taken over (default 30 000 ms). */
  idempotencyLeaseMs?: number;
}

/**
 * EventStore on KurrentDB (or EventStoreDB 22.10+, same gRPC protocol): one stream per client,
 * hash chain and envelope in event metadata, global positions = $all commit positions (not
 * dense). Appends are acknowledged by the leader after they are written (durable per the
 * server's configuration). Idempotency without multi-stream transactions: see idempotency.ts.
 */
export class KurrentDbEventStore implements EventStore {
  private closed = false;
  private readonly filter: Filter;
  private readonly append: AppendContext;

  private constructor(
    private readonly client: KurrentDBClient,
    private readonly names: StreamNames,
    options: KurrentDbEventStoreOptions,
  ) {
    this.filter = allStreamFilter(names);
    const appendDeadlineMs = options.appendDeadlineMs ?? 10_000;
    const idempotencyWaitMs = options.idempotencyWaitMs ?? 5_000;
    const leaseMs = options.idempotencyLeaseMs ?? 30_000;
    if (leaseMs <= appendDeadlineMs) throw new RangeError('idempotencyLeaseMs must exceed appendDeadlineMs');
    const markers = new IdempotencyMarkers(client, names, { leaseMs, appendDeadlineMs });
    this.append = { client, names, markers, appendDeadlineMs, idempotencyWaitMs };
  }

  /** Connects (`kurrentdb://host:2113?tls=false`, or esdb://) and checks that the server answers. */
  static async open(connectionString: string, options: KurrentDbEventStoreOptions = {}): Promise<KurrentDbEventStore> {
    const names = streamNames(options.namespace);
    let client: KurrentDBClient;
    try {
      client = KurrentDBClient.connectionString(connectionString);
    } catch (error) {
      // Not retryable: the message names the problem, never the string (it may hold a password).
      throw new EventStoreFailureError(
        `KURRENTDB_URL is not a valid connection string: ${(error as Error).message}`,
        false,
      );
    }
    try {
      const store = new KurrentDbEventStore(client, names, options);
      await mapped('connection check', async () => {
        for await (const _ of client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 })) break;
      });
      return store;
    } catch (error) {
      await client.dispose().catch(() => undefined);
      throw error;
    }
  }

  /** The stream-name namespace this store reads and writes. */
  get namespace(): string {
    return this.names.namespace;
  }

  async appendToStream(clientId: string, events: PolkuEvent[], options: AppendOptions): Promise<AppendResult> {
    this.ensureOpen();
    return appendEvents(this.append, clientId, events, options);
  }

  async findIdempotentResult(
    idempotencyKey: string,
    clientId: string,
    requestHash?: string,
  ): Promise<AppendResult | null> {
    this.ensureOpen();
    const settled = await this.append.markers.settle(
      idempotencyKey,
      clientId,
      Date.now() + this.append.idempotencyWaitMs,
      requestHash,
    );
    return settled.kind === 'replay' ? settled.result : null;
  }

  async readStream(clientId: string, options: ReadStreamOptions = {}): Promise<ReadStreamResult> {
    this.ensureOpen();
    const after = options.afterVersion;
    // revision = version - 1, so the first revision after version v is v
    const from = after === undefined ? {} : { fromRevision: after };
    const events = (await readStreamRecords(this.client, this.names.client(clientId), from)).map(toRecordedEvent);
    return { currentVersion: events.at(-1)?.streamVersion ?? after ?? 0n, events };
  }

  /** `after` is exclusive and must be 0n or a position this store returned (a commit position). */
  async readAll({ after, limit }: ReadAllOptions): Promise<RecordedEvent[]> {
    this.ensureOpen();
    return (await readAllRecords(this.client, this.filter, after, limit)).map(toRecordedEvent);
  }

  async headPosition(): Promise<bigint> {
    this.ensureOpen();
    return lastPosition(this.client, this.filter);
  }

  async verifyStream(clientId: string): Promise<ChainVerification> {
    this.ensureOpen();
    return verifyStream(this.client, this.names, clientId);
  }

  async verifyAll(): Promise<ChainVerification> {
    this.ensureOpen();
    return verifyAll(this.client, this.names, this.filter);
  }

  /**
   * For a projector: a catch-up subscription to $all (same filter) from `after` (exclusive),
   * resubscribing with backoff from the last processed position after drops; resolves when
   * `signal` aborts. Events come as stored (upcast, personal fields still encrypted: the
   * ProtectedEventStore decorator decrypts on readAll only).
   */
  async subscribeFromPosition(
    after: bigint,
    onEvent: (event: RecordedEvent) => Promise<void> | void,
    signal: AbortSignal,
    options?: FollowOptions,
  ): Promise<void> {
    this.ensureOpen();
    return followFrom(allSubscription(this.client, this.filter), after, onEvent, signal, options);
  }

  /** Subscribes to $all (same filter) from `after` and resolves at its first event or on abort. */
  async waitForEvents(after: bigint, signal: AbortSignal): Promise<void> {
    this.ensureOpen();
    const stop = new AbortController();
    const onAbort = (): void => stop.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    if (signal.aborted) return;
    try {
      // eslint-disable-next-line no-unreachable-loop -- the first event is the news
      for await (const _event of allSubscription(this.client, this.filter)(after, stop.signal)) return;
      if (!signal.aborted) throw new EventStoreFailureError('The $all subscription ended', true);
    } finally {
      signal.removeEventListener('abort', onAbort);
      stop.abort();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.dispose();
  }

  private ensureOpen(): void {
    if (this.closed) throw new EventStoreFailureError('The KurrentDB event store is closed', false);
  }
}
