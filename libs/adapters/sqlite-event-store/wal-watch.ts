import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { EventStoreFailureError } from '../../event-store/index.js';

/**
 * Waits for another connection's commit to the database file at `path`: in WAL mode every
 * commit writes the `-wal` file, which the OS reports to a watcher of the directory (inotify
 * on Linux) — across processes, so the projector wakes when the API appends. A change that
 * is not an append (a checkpoint, another table) only wakes the caller to look again.
 * The write the OS reports can come before the writer publishes its commit (the WAL index is
 * shared memory, which nobody is told about: it is updated after the frames are written), so a
 * change that shows nothing yet is looked at again a few times shortly after.
 */
const RECHECK_AFTER_MS = [1, 5, 25, 100];

export function waitForWalChange(
  path: string,
  signal: AbortSignal,
  alreadyThere: () => Promise<boolean>,
): Promise<void> {
  const file = resolve(path);
  const names = new Set([basename(file), `${basename(file)}-wal`]);
  return new Promise<void>((resolvePromise, reject) => {
    let watcher: FSWatcher | undefined;
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      watcher?.close();
      for (const t of rechecks) clearTimeout(t);
      signal.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolvePromise();
    };
    const onAbort = () => finish();
    const check = () =>
      alreadyThere().then(
        (there) => {
          if (there) finish();
        },
        (error: Error) => finish(error),
      );
    let rechecks: NodeJS.Timeout[] = [];
    const checkSoon = () => {
      void check();
      for (const t of rechecks) clearTimeout(t);
      rechecks = RECHECK_AFTER_MS.map((ms) =>
        setTimeout(() => {
          if (!settled) void check();
        }, ms),
      );
    };
    try {
      watcher = watch(dirname(file), { persistent: false }, (_event, name) => {
        if (name === null || names.has(name.toString())) checkSoon();
      });
      watcher.on('error', (error) =>
        finish(
          new EventStoreFailureError(`Watching ${dirname(file)} failed: ${error.message}`, true, { cause: error }),
        ),
      );
    } catch (error) {
      finish(
        new EventStoreFailureError(`Cannot watch ${dirname(file)}: ${(error as Error).message}`, true, {
          cause: error,
        }),
      );
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    if (signal.aborted) return finish();
    void check(); // watching first, then looking: a commit in between is never missed
  });
}
