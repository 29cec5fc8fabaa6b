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

const isBusy = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
};

/**
 * Group commit: appends that arrive before the next flush (same tick, or while the event loop
 * is busy) run in ONE `BEGIN IMMEDIATE` transaction, so they share one WAL fsync. Each runs in
 * its own SAVEPOINT: a failing append rolls back only itself, and later appends of the group
 * see the earlier ones exactly as if they had run one after another (versions, idempotency
 * keys, hash chain, positions in queue order). Every promise settles only after the shared
 * COMMIT: if it fails, all of them reject. A lone append runs in its own transaction, as before.
 *
 * When another process holds the write lock, the queue waits without blocking this thread:
 * SQLite's own busy handler would sleep in the middle of the event loop (1, 2, 5, 10 ms ...),
 * stalling every request of the process; instead the attempt fails at once (the connection
 * given here has busy_timeout 0) and is retried a millisecond later, new appends joining it,
 * until `budgetMs()` has passed (then they fail as before: retryable).
 */
export class GroupCommit {
  private pending: QueuedAppend[] = [];
  private scheduled = false;
  /** Set while the queue waits for another process's write lock: when it began, and the budget. */
  private waiting: { since: number; budgetMs: number } | null = null;
  private drained: (() => void)[] = [];
  private readonly alone: (append: QueuedAppend) => AppendResult;
  private readonly group: (appends: QueuedAppend[]) => Outcome[];

  /**
   * `db`: the connection appends run on, with busy_timeout 0 (or one no other process can
   * lock); `budgetMs`: how long to wait for another process's lock, asked when a wait begins.
   */
  constructor(
    db: Database.Database,
    private readonly budgetMs: () => number,
  ) {
    // better-sqlite3 runs a transaction function called inside another one as a SAVEPOINT
    const inSavepoint = db.transaction((append: QueuedAppend) => append.write());
    this.alone = db.transaction((append: QueuedAppend) => append.write()).immediate;
    this.group = db.transaction((appends: QueuedAppend[]) =>
      appends.map((append): Outcome => {
        try {
          return { result: inSavepoint(append) };
        } catch (error) {
          // SQLite itself rolled the whole transaction back (e.g. I/O error, disk full): abort all
          if (!db.inTransaction) throw error;
          return { error: append.failure(error) };
        }
      }),
    ).immediate;
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

  /** Resolves once nothing is queued or waiting for the lock (before closing). */
  drain(): Promise<void> {
    if (this.pending.length === 0 && !this.scheduled) return Promise.resolve();
    return new Promise((resolve) => this.drained.push(resolve));
  }

  /** Runs what is queued now. */
  flush(): void {
    this.scheduled = false;
    const appends = this.pending;
    if (appends.length === 0) return this.settleDrain();
    this.pending = [];
    let outcomes: Outcome[];
    try {
      outcomes = appends.length === 1 ? [this.outcomeAlone(appends[0])] : this.group(appends);
    } catch (error) {
      if (isBusy(error)) this.waiting ??= { since: Date.now(), budgetMs: this.budgetMs() };
      if (isBusy(error) && this.mayWaitMore()) {
        this.pending = appends.concat(this.pending); // keep queue order; newer ones join the retry
        this.scheduled = true;
        setTimeout(() => this.flush(), 1);
        return;
      }
      this.waiting = null;
      const failure = mapError(error);
      for (const append of appends) append.reject(failure);
      return this.settleDrain();
    }
    this.waiting = null;
    outcomes.forEach((outcome, i) => {
      if ('result' in outcome) appends[i].resolve(outcome.result);
      else appends[i].reject(outcome.error);
    });
    this.settleDrain();
  }

  /** A lone append's outcome; only a busy write lock escapes (to be waited for). */
  private outcomeAlone(append: QueuedAppend): Outcome {
    try {
      return { result: this.alone(append) };
    } catch (error) {
      if (isBusy(error)) throw error;
      return { error: this.failureOf(append, error) };
    }
  }

  private mayWaitMore(): boolean {
    return this.waiting !== null && Date.now() - this.waiting.since < this.waiting.budgetMs;
  }

  private settleDrain(): void {
    if (this.pending.length > 0 || this.scheduled) return;
    for (const resolve of this.drained.splice(0)) resolve();
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
