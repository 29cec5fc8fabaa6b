import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * The file a thread entry resolves to: the compiled `.js` next to the caller (dist/, the
 * bench build), or else its TypeScript source (tests run the sources through ts-jest, which
 * compiles only in the test's own thread).
 */
export function resolveThreadEntry(entry: URL): { url: URL; fromSource: boolean } | null {
  if (entry.protocol !== 'file:') return null;
  if (existsSync(fileURLToPath(entry))) return { url: entry, fromSource: false };
  if (!entry.pathname.endsWith('.js')) return null;
  const source = new URL(entry.href.replace(/\.js$/, '.ts'));
  return existsSync(fileURLToPath(source)) ? { url: source, fromSource: true } : null;
}

/** Whether `entry` (a `.js` URL beside the caller) can be started as a thread here. */
export const threadEntryAvailable = (entry: URL): boolean => resolveThreadEntry(entry) !== null;

/** The loader that lets a thread run TypeScript sources: compiled, or its own source. */
const SOURCE_LOADER = resolveThreadEntry(new URL('./typescript-loader.js', import.meta.url));

/**
 * Starts the module `entry` on a worker thread. Pass the compiled name beside the caller,
 * `new URL('./x-thread.js', import.meta.url)`: from sources the thread loads `x-thread.ts`
 * and its imports through the TypeScript loader, so one entry serves tests, dist/ and bench.
 * The caller imports the thread module's message types with `import type`: that puts the
 * module into every compilation of the caller (dist/, the bench, the e2e process builds),
 * so its `.js` is there wherever the caller's is.
 */
export function startWorkerThread(entry: URL, options: WorkerOptions = {}): Worker {
  const resolved = resolveThreadEntry(entry);
  if (!resolved) throw new WorkerThreadEntryMissing(entry);
  if (!resolved.fromSource) return new Worker(resolved.url, options);
  if (!SOURCE_LOADER) throw new WorkerThreadEntryMissing(new URL('./typescript-loader.js', import.meta.url));
  const execArgv = [...(options.execArgv ?? process.execArgv), '--import', SOURCE_LOADER.url.href];
  return new Worker(resolved.url, { ...options, execArgv });
}

/** No compiled module and no TypeScript source where a thread's entry should be. */
export class WorkerThreadEntryMissing extends Error {
  override readonly name = 'WorkerThreadEntryMissing';
  constructor(readonly entry: URL) {
    super(`worker thread entry not found: ${entry.href}`);
  }
}
