import type Database from 'better-sqlite3';
import type { AppendResult } from '../../event-store/index.js';
import { mapError } from './map-error.js';

/** One queued append: `write` is the body of its transaction, `failure` maps what it throws. */
export interface QueuedAppend {
  write(): AppendResult;
  failure(error: unknown): Error;
  resolve(result: AppendResult): void;
  reject(error: Error): void;
}

type Outcome = { result: AppendResult } | { error: Error };

/**
 * Group commit: appends that arrive before the next flush (same tick, or while the event loop
 * is busy) run in ONE `BEGIN IMMEDIATE` transaction, so they share one WAL fsync. Each runs in
 * its own SAVEPOINT: a failing append rolls back only itself, and later appends of the group
 * see the earlier ones exactly as if they had run one after another (versions, idempotency
 * keys, hash chain, positions in queue order). Every promise settles only after the shared
 * COMMIT: if it fails, all of them reject. A lone append runs in its own transaction, as before.
 */
export class GroupCommit {
  private pending: QueuedAppend[] = [];
  private scheduled = false;
  private readonly alone: (append: QueuedAppend) => AppendResult;
  private readonly group: (appends: QueuedAppend[]) => Outcome[];

  constructor(db: Database.Database) {
    // better-sqlite3 runs a transaction function called inside another one as a SAVEPOINT
    const inSavepoint = db.transaction((append: QueuedAppend) => append.write());
    this.alone = db.transaction((append: QueuedAppend) => append.write()).immediate;
    this.group = db.transaction((appends: QueuedAppend[]) => appends.map((append): Outcome => {
      try {
        return { result: inSavepoint(append) };
      } catch (error) {
        // SQLite itself rolled the whole transaction back (e.g. I/O error, disk full): abort all
        if (!db.inTransaction) throw error;
        return { error: append.failure(error) };
      }
    })).immediate;
  }

  /** Queues one append; `write` runs inside the write lock, `failure` right after its rollback. */
  submit(write: QueuedAppend['write'], failure: QueuedAppend['failure']): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.pending.push({ write, failure, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // setImmediate, not a microtask: it runs after the I/O callbacks of this loop turn too, so
        // requests that arrived together (e.g. HTTP commands queued behind the last fsync) share
        // a commit; a lone appender pays one loop turn (microseconds) on top of its fsync.
        setImmediate(() => this.flush());
      }
    });
  }

  /** Runs what is queued now (also called before closing, so nothing queued is dropped). */
  flush(): void {
    this.scheduled = false;
    const appends = this.pending;
    if (appends.length === 0) return;
    this.pending = [];
    if (appends.length === 1) return this.flushAlone(appends[0]);
    let outcomes: Outcome[];
    try {
      outcomes = this.group(appends);
    } catch (error) {
      const failure = mapError(error);
      for (const append of appends) append.reject(failure);
      return;
    }
    outcomes.forEach((outcome, i) => {
      if ('result' in outcome) appends[i].resolve(outcome.result);
      else appends[i].reject(outcome.error);
    });
  }

  private flushAlone(append: QueuedAppend): void {
    let result: AppendResult;
    try {
      result = this.alone(append);
    } catch (error) {
      append.reject(this.failureOf(append, error));
      return;
    }
    append.resolve(result);
  }

  /** Never throws: this runs from setImmediate, where a throw would leave the promise pending. */
  private failureOf(append: QueuedAppend, error: unknown): Error {
    try {
      return append.failure(error);
    } catch (whileMapping) {
      return mapError(whileMapping);
    }
  }
}
