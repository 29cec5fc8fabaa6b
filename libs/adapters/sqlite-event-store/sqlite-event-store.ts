import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { PolkuEvent, RecordedEvent } from '../../events/index.js';
import {
  GENESIS_HASH,
  assertSameKeyUse,
  StreamVersionConflictError,
  type AppendOptions,
  type AppendResult,
  type ChainVerification,
  type EventStore,
  type ReadAllOptions,
  type ClientStream,
  type ReadStreamOptions,
  type ReadStreamResult,
  type ReadStreamsOptions,
  validateBatch,
} from '../../event-store/index.js';
import { configure, type Durability, migrate } from './schema.js';
import { prepareStatements, type Statements } from './statements.js';
import { hashOfParams, toInsertParams } from './rows.js';
import { decodeRows, decodeStream } from './decode.js';
import { checkChains } from './chain-check.js';
import { mapError } from './map-error.js';
import { waitForWalChange } from './wal-watch.js';
import { GroupCommit } from './group-commit.js';

/**
 * EventStore on one SQLite file. better-sqlite3 is synchronous, so each call runs to the end
 * before the next starts in this process; other processes are serialised by BEGIN IMMEDIATE.
 * Positions are assigned inside the write lock, so commit order equals position order and
 * readAll never skips an event that commits later. Appends queued together share one
 * transaction and one fsync (GroupCommit); each resolves only after that commit.
 *
 * A file has two connections: reads go through one that waits for a busy lock as SQLite does
 * (busy_timeout), appends through one that never waits inside SQLite (busy_timeout 0; the
 * group commit waits for another process's lock without blocking the thread). Switching one
 * connection's busy_timeout around every flush cost ~40 µs per append, a fifth of a lone
 * caller's rate.
 */
export class SqliteEventStore implements EventStore {
  private readonly statements: Statements;
  /** The writer's own statements: the append transaction and what its failure mapping reads. */
  private readonly writes: Statements;
  private readonly commits: GroupCommit;
  private readonly snapshot: <T>(read: () => T) => T;

  /**
   * Present for a file (not `:memory:`): waits for a commit by any process on this file
   * (see wal-watch.ts), so a projector in another process wakes at once instead of polling.
   */
  readonly waitForEvents?: (after: bigint, signal: AbortSignal) => Promise<void>;

  private constructor(
    private readonly db: Database.Database,
    private readonly writer: Database.Database,
    path: string,
  ) {
    if (path !== ':memory:' && !path.startsWith('file:')) {
      this.waitForEvents = (after, signal) =>
        waitForWalChange(path, signal, async () => (await this.headPosition()) > after);
    }
    this.statements = prepareStatements(db);
    this.writes = writer === db ? this.statements : prepareStatements(writer);
    // the budget for another process's write lock: the read connection's busy_timeout
    this.commits = new GroupCommit(writer, () => Number(db.pragma('busy_timeout', { simple: true })));
    // A deferred transaction gives the reads inside one consistent WAL snapshot.
    this.snapshot = (read) => db.transaction(read)();
  }

  /**
   * Opens (creating directories, file and tables as needed) the store at `path`;
   * `durability: 'bulk-load'` only for generating data (see `Durability`).
   */
  static open(path: string, options: { durability?: Durability } = {}): SqliteEventStore {
    if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
    let db: Database.Database | undefined;
    let writer: Database.Database | undefined;
    try {
      db = new Database(path);
      configure(db, options.durability);
      db.defaultSafeIntegers(true); // positions and versions stay bigint end to end
      migrate(db);
      // An in-memory database exists once per connection, and no other process can lock it.
      if (path === ':memory:' || path.startsWith('file:')) writer = db;
      else {
        writer = new Database(path);
        configure(writer, options.durability);
        writer.pragma('busy_timeout = 0');
        writer.defaultSafeIntegers(true);
      }
      return new SqliteEventStore(db, writer, path);
    } catch (error) {
      if (writer !== db) writer?.close();
      db?.close();
      throw mapError(error);
    }
  }

  appendToStream(clientId: string, events: PolkuEvent[], options: AppendOptions): Promise<AppendResult> {
    try {
      validateBatch(clientId, events);
    } catch (error) {
      return Promise.reject(error);
    }
    // not async: the promise of the queued append is returned as is, without another hop
    return this.commits.submit(
      () => this.write(clientId, events, options),
      // runs right after this append's rollback, so the facts are what the append saw
      (error) =>
        mapError(error, {
          clientId,
          expected: options.expectedVersion,
          storedEventId: () => events.find((e) => this.writes.eventExists.get(e.eventId) !== undefined)?.eventId,
          currentVersion: () => this.writes.selectHead.get(clientId)?.version ?? 0n,
        }),
    );
  }

  async findIdempotentResult(
    idempotencyKey: string,
    clientId: string,
    requestHash?: string,
  ): Promise<AppendResult | null> {
    return this.guard(() => this.replayOf(this.statements, idempotencyKey, clientId, requestHash));
  }

  async readStream(clientId: string, options: ReadStreamOptions = {}): Promise<ReadStreamResult> {
    const s = this.statements;
    const after = options.afterVersion;
    // numbers first; the bigint read only if a position ever passes 2^53
    const rows = (exact: boolean) =>
      this.guard(() =>
        after === undefined
          ? (exact ? s.readStreamEventsExact : s.readStreamEvents).all(clientId)
          : (exact ? s.readStreamEventsAfterExact : s.readStreamEventsAfter).all(clientId, after),
      );
    const events = decodeStream(rows(false), clientId) ?? decodeStream(rows(true), clientId)!;
    return { currentVersion: events.at(-1)?.streamVersion ?? after ?? 0n, events };
  }

  async readAll({ after, limit }: ReadAllOptions): Promise<RecordedEvent[]> {
    if (!Number.isSafeInteger(limit) || limit < 1)
      throw new RangeError(`readAll limit must be a positive integer, got ${limit}`);
    return decodeRows(this.guard(() => this.statements.readAllEvents.all(after, limit)));
  }

  async readStreams({ afterClientId, limit, upToPosition }: ReadStreamsOptions): Promise<ClientStream[]> {
    if (!Number.isSafeInteger(limit) || limit < 1)
      throw new RangeError(`readStreams limit must be a positive integer, got ${limit}`);
    const s = this.statements;
    const after = afterClientId ?? '';
    return this.guard(() =>
      this.snapshot(() =>
        s.streamIdsAfter.all(after, limit).map((clientId) => ({
          clientId,
          // one stream at a time: the fast row shape (no client_id cell, no BigInt per cell)
          events:
            decodeStream(s.readStreamEventsUpTo.all(clientId, upToPosition), clientId) ??
            decodeStream(s.readStreamEventsUpToExact.all(clientId, upToPosition), clientId)!,
        })),
      ),
    );
  }

  async headPosition(): Promise<bigint> {
    return this.guard(() => this.statements.headPosition.get() ?? 0n);
  }

  async verifyStream(clientId: string): Promise<ChainVerification> {
    const s = this.statements;
    return this.guard(() =>
      this.snapshot(() => {
        const head = s.selectHead.get(clientId);
        return checkChains(s.readStream.iterate(clientId), head ? [head] : []);
      }),
    );
  }

  async verifyAll(): Promise<ChainVerification> {
    const s = this.statements;
    return this.guard(() => this.snapshot(() => checkChains(s.readEverything.iterate(), s.selectHeads.all())));
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    this.commits.flush(); // appends already asked for are written, not dropped
    await this.commits.drain(); // including those waiting for another process's write lock
    if (this.writer.open) this.writer.close();
    if (this.db.open) this.db.close();
  }

  /** The body of one append's transaction (or savepoint); any throw rolls the append back. */
  private write(clientId: string, events: PolkuEvent[], options: AppendOptions): AppendResult {
    const s = this.writes;
    const key = options.idempotencyKey;
    const replay = key === undefined ? null : this.replayOf(s, key, clientId, options.requestHash);
    if (replay) return replay;
    const head = s.selectHead.get(clientId);
    const current = head?.version ?? 0n;
    if (options.expectedVersion !== 'any' && options.expectedVersion !== current) {
      throw new StreamVersionConflictError(clientId, options.expectedVersion, current);
    }
    let hash = head?.last_hash ?? GENESIS_HASH;
    let version = current;
    let position = 0n;
    for (const event of events) {
      version += 1n;
      const params = toInsertParams(event, version, hash);
      position = BigInt(s.insertEvent.run(...params).lastInsertRowid);
      hash = hashOfParams(params);
    }
    s.upsertHead.run(clientId, version, hash);
    const result: AppendResult = {
      nextExpectedVersion: version,
      lastGlobalPosition: position,
      eventIds: events.map((e) => e.eventId),
      replayed: false,
    };
    if (key !== undefined) s.insertKey.run(key, clientId, encodeResult(result, options.requestHash));
    return result;
  }

  private replayOf(s: Statements, key: string, clientId: string, requestHash: string | undefined): AppendResult | null {
    const seen = s.selectKey.get(key);
    if (!seen) return null;
    const { result, requestHash: storedHash } = decodeResult(seen.result);
    assertSameKeyUse(key, clientId, { clientId: seen.client_id, requestHash: storedHash }, requestHash);
    return result;
  }

  private guard<T>(read: () => T): T {
    try {
      return read();
    } catch (error) {
      throw mapError(error);
    }
  }
}

// The request's fingerprint rides in the stored result (`h`): no schema change, older rows have none.
const encodeResult = (r: AppendResult, requestHash: string | undefined): string =>
  JSON.stringify({
    v: r.nextExpectedVersion.toString(),
    p: r.lastGlobalPosition.toString(),
    ids: r.eventIds,
    ...(requestHash !== undefined && { h: requestHash }),
  });

function decodeResult(text: string): { result: AppendResult; requestHash?: string } {
  const { v, p, ids, h } = JSON.parse(text) as { v: string; p: string; ids: string[]; h?: string };
  return {
    result: { nextExpectedVersion: BigInt(v), lastGlobalPosition: BigInt(p), eventIds: ids, replayed: true },
    requestHash: h,
  };
}
