import type { Pool } from 'pg';
import type { PolkuEvent, RecordedEvent } from '../../events/index.js';
import {
  type AppendOptions,
  type AppendResult,
  type ChainVerification,
  type ClientStream,
  type EventStore,
  type ReadAllOptions,
  type ReadStreamOptions,
  type ReadStreamResult,
  type ReadStreamsOptions,
  validateBatch,
} from '../../event-store/index.js';
import { createPool, quoteSchema } from '../postgres-common/index.js';
import { Appender, replayFrom, type KeyRow } from './append.js';
import { checkCallsInFlight } from './append-groups.js';
import { GlobalOrder } from './global-order.js';
import { mapError } from './map-error.js';
import { resolveAppendError } from './resolve-append-error.js';
import { toRecordedEvent, type EventRow } from './rows.js';
import { migrate } from './schema.js';
import { AppendAnnouncer, AppendNotifications, appendChannel } from './notifications.js';
import { statements, type Statements } from './statements.js';
import { verifyAll, verifyStream } from './verify.js';

export interface PostgresEventStoreOptions {
  /** Schema holding the tables, created when missing (default `public`). */
  schema?: string;
  /** Most connections of this store's pool (default 10). */
  poolSize?: number;
  /**
   * Append calls out at once before further appends wait and go together in one transaction
   * (append-groups.ts; default DEFAULT_CALLS_IN_FLIGHT).
   */
  appendCallsInFlight?: number;
}

/**
 * EventStore on PostgreSQL: one `events` table in global order, stream heads, idempotency
 * keys. Each append is one call of the `append_events` function in its own transaction
 * (append-function.ts), or, under load, one of a group's in `append_events_many`
 * (append-groups.ts); appends to different streams commit concurrently, and readers of the
 * global order never skip a late commit (in-flight.ts). Committed means durable with the
 * server's default synchronous_commit=on.
 */
export class PostgresEventStore implements EventStore {
  private closed = false;
  private readonly announcer: AppendAnnouncer;
  private readonly appender: Appender;
  private readonly globalOrder: GlobalOrder;

  private constructor(
    private readonly pool: Pool,
    schema: string,
    private readonly sql: Statements,
    private readonly notifications: AppendNotifications,
    appendCallsInFlight: number | undefined,
  ) {
    this.announcer = new AppendAnnouncer(() => this.pool.query(sql.notifyAppended, [appendChannel(schema)]));
    this.appender = new Appender(pool, sql, this.announcer, appendCallsInFlight);
    this.globalOrder = new GlobalOrder(pool, sql, (text, values) => this.query(text, values));
  }

  /** Connects and creates the schema and tables when missing. */
  static async open(connectionString: string, options: PostgresEventStoreOptions = {}): Promise<PostgresEventStore> {
    const schema = options.schema ?? 'public';
    const quoted = quoteSchema(schema);
    checkCallsInFlight(options.appendCallsInFlight); // before the pool: nothing to close
    const pool = createPool(connectionString, { max: options.poolSize, applicationName: 'polku-event-store' });
    try {
      await migrate(pool, schema, quoted);
    } catch (error) {
      await pool.end();
      throw mapError(error);
    }
    return new PostgresEventStore(
      pool,
      schema,
      statements(schema, quoted),
      new AppendNotifications(connectionString, appendChannel(schema)),
      options.appendCallsInFlight,
    );
  }

  async appendToStream(clientId: string, events: PolkuEvent[], options: AppendOptions): Promise<AppendResult> {
    validateBatch(clientId, events);
    try {
      return await this.appender.append(clientId, events, options);
    } catch (error) {
      // it may have rolled back after taking a position: a follower stopped before that gap
      // looks again now rather than at its next poll
      this.announcer.announce();
      const resolved = await resolveAppendError(
        error,
        {
          clientId,
          events,
          options,
          query: (text, values) => this.query(text, values),
          findIdempotentResult: (key) => this.findIdempotentResult(key, clientId, options.requestHash),
        },
        this.sql,
      );
      if (resolved instanceof Error) throw resolved;
      return resolved;
    }
  }

  async findIdempotentResult(
    idempotencyKey: string,
    clientId: string,
    requestHash?: string,
  ): Promise<AppendResult | null> {
    const rows = await this.query<KeyRow>(this.sql.selectKey, [idempotencyKey]);
    return replayFrom(rows[0], idempotencyKey, clientId, requestHash);
  }

  async readStream(clientId: string, options: ReadStreamOptions = {}): Promise<ReadStreamResult> {
    const after = options.afterVersion;
    const rows =
      after === undefined
        ? await this.query<EventRow>(this.sql.readStream, [clientId])
        : await this.query<EventRow>(this.sql.readStreamAfter, [clientId, after]);
    const events = rows.map(toRecordedEvent);
    return { currentVersion: events.at(-1)?.streamVersion ?? after ?? 0n, events };
  }

  async readAll({ after, limit }: ReadAllOptions): Promise<RecordedEvent[]> {
    if (!Number.isSafeInteger(limit) || limit < 1)
      throw new RangeError(`readAll limit must be a positive integer, got ${limit}`);
    return (await this.globalOrder.readAll(after, limit)).map(toRecordedEvent);
  }

  async readStreams({ afterClientId, limit, upToPosition }: ReadStreamsOptions): Promise<ClientStream[]> {
    if (!Number.isSafeInteger(limit) || limit < 1)
      throw new RangeError(`readStreams limit must be a positive integer, got ${limit}`);
    const ids = (await this.query<{ client_id: string }>(this.sql.streamIdsAfter, [afterClientId, limit])).map(
      (r) => r.client_id,
    );
    if (ids.length === 0) return [];
    const byClient = new Map<string, RecordedEvent[]>(ids.map((id) => [id, []]));
    for (const row of await this.query<EventRow>(this.sql.readStreamRange, [ids, upToPosition])) {
      byClient.get(row.client_id)?.push(toRecordedEvent(row));
    }
    return ids.map((clientId) => ({ clientId, events: byClient.get(clientId)! }));
  }

  /** LISTEN/NOTIFY: every append notifies the schema's channel when it commits. */
  waitForEvents(after: bigint, signal: AbortSignal): Promise<void> {
    return this.notifications.next(signal, async () => (await this.headPosition()) > after);
  }

  async headPosition(): Promise<bigint> {
    return this.globalOrder.headPosition();
  }

  verifyStream(clientId: string): Promise<ChainVerification> {
    return verifyStream(this.pool, this.sql, clientId);
  }

  verifyAll(): Promise<ChainVerification> {
    return verifyAll(this.pool, this.sql);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.notifications.close();
    await this.announcer.close();
    await this.pool.end();
  }

  private async query<R extends object>(text: string, values: unknown[]): Promise<R[]> {
    try {
      return (await this.pool.query<R>(text, values)).rows;
    } catch (error) {
      throw mapError(error);
    }
  }
}
