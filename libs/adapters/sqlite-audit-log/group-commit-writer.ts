import type { Worker } from 'node:worker_threads';
import type { DisclosureEntry, LogWriteTiming, UsageEntry } from '../../audit-log/index.js';
import { startWorkerThread } from '../../shared/index.js';
import { packUsage } from './packing.js';
// A type import of the thread's module: every build that compiles this file compiles the thread too.
import type { FromWriter, ToWriter, WriteRequest, WriterInput } from './writer-thread.js';

type Settle = { resolve: (timing: LogWriteTiming) => void; reject: (e: Error) => void };

/** An error from the writer thread, with SQLite's code (e.g. SQLITE_CONSTRAINT_NOTNULL) kept. */
export class AuditWriteError extends Error {
  override readonly name = 'AuditWriteError';
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/**
 * Writes log entries on a worker thread with group commit: concurrent requests share one
 * transaction and one fsync, and the fsync no longer stalls the API's event loop. A promise
 * resolves only after the commit holding its entries, with what that took in the thread; a
 * failed request rejects alone.
 */
export class GroupCommitWriter {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Settle>();
  private nextId = 1;
  private broken: Error | null = null;
  private drained: (() => void)[] = [];
  private readonly exited: Promise<void>;

  constructor(path: string) {
    const input: WriterInput = { path };
    this.worker = startWorkerThread(new URL('./writer-thread.js', import.meta.url), { workerData: input });
    this.worker.unref(); // idle, it keeps no process alive; ref'd while a write is in flight
    this.worker.on('message', (reply: FromWriter) => this.settle(reply));
    this.worker.on('error', (error) => this.fail(error instanceof Error ? error : new Error(String(error))));
    this.exited = new Promise((resolve) =>
      this.worker.once('exit', () => {
        this.fail(new Error('audit log writer stopped'));
        resolve();
      }),
    );
  }

  write(usage: UsageEntry[], disclosures: DisclosureEntry[]): Promise<LogWriteTiming | undefined> {
    if (usage.length === 0 && disclosures.length === 0) return Promise.resolve(undefined);
    if (this.broken) return Promise.reject(this.broken);
    const id = this.nextId++;
    return new Promise<LogWriteTiming>((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve, reject });
      // Posted at once (the message is a copy of the entries as they are now), not at the end of
      // this turn: a read's wait would otherwise include the rest of the turn (on a command
      // process, the commands in flight; measured: the path read's median log wait 5-6 → ~3 ms).
      // The thread still commits together all that queued during its previous commit.
      const request: WriteRequest = { id, usage: packUsage(usage), disclosures };
      this.send([request]);
    });
  }

  /** Waits for every write in flight, then stops the thread (its connection closes cleanly). */
  async close(): Promise<void> {
    if (this.pending.size > 0) await new Promise<void>((resolve) => this.drained.push(resolve));
    if (!this.broken) {
      this.broken = new Error('audit log is closed');
      this.worker.ref();
      this.send('close');
    }
    await this.exited;
  }

  private send(message: ToWriter): void {
    this.worker.postMessage(message);
  }

  private settle(reply: FromWriter): void {
    if ('done' in reply) {
      for (const [i, id] of reply.done.entries()) {
        this.pending
          .get(id)
          ?.resolve({ inWriterMs: reply.inThreadMs[i], commitMs: reply.commitMs, lockMs: reply.lockMs });
        this.pending.delete(id);
      }
    } else {
      this.pending.get(reply.failed)?.reject(new AuditWriteError(reply.message, reply.code));
      this.pending.delete(reply.failed);
    }
    if (this.pending.size === 0) this.idle();
  }

  private idle(): void {
    this.worker.unref();
    for (const resolve of this.drained.splice(0)) resolve();
  }

  private fail(error: Error): void {
    this.broken ??= error;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
    for (const resolve of this.drained.splice(0)) resolve();
  }
}
