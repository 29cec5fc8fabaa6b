import { startWorkerThread, threadEntryAvailable } from '../../../../libs/shared/index.js';
// A type import of the thread's module: every build that compiles this file compiles the thread too.
import type { FoldWorkerInput, FoldWorkerMessage } from './fold-worker.js';
import { type FoldedPage, PAGE_COMMITTED } from './protocol.js';

/** The thread's module (compiled, or its TypeScript source under Jest). */
const WORKER_URL = new URL('./fold-worker.js', import.meta.url);

export const foldWorkerAvailable = (): boolean => threadEntryAvailable(WORKER_URL);

/** A failure inside the fold worker, carrying the original error's name and message. */
export class FoldWorkerError extends Error {
  override readonly name = 'FoldWorkerError';
  constructor(
    readonly causeName: string,
    message: string,
  ) {
    super(`fold worker: ${causeName}: ${message}`);
  }
}

/**
 * The pages a fold worker produces, in order. The consumer commits a page before asking for
 * the next one, which lets the worker read and fold one more; leaving the loop early (break,
 * throw) terminates the worker.
 */
export async function* foldedPagesFromWorker(input: FoldWorkerInput): AsyncGenerator<FoldedPage> {
  // Bounded heaps keep the process under ~280 MB RSS; the young generation is generous because
  // a page's events and documents die young (at 16 MB GC was 29 % of the worker's time).
  const worker = startWorkerThread(WORKER_URL, {
    workerData: input,
    resourceLimits: { maxOldGenerationSizeMb: input.heapMb, maxYoungGenerationSizeMb: 48 },
  });
  const inbox: FoldWorkerMessage[] = [];
  let failure: Error | null = null;
  let notify: (() => void) | null = null;
  const wakeUp = () => {
    notify?.();
    notify = null;
  };
  worker.on('message', (message: FoldWorkerMessage) => {
    inbox.push(message);
    wakeUp();
  });
  worker.on('error', (error) => {
    failure ??= error instanceof Error ? error : new Error(String(error));
    wakeUp();
  });
  worker.on('exit', (code) => {
    failure ??= new Error(`fold worker exited (${code}) before it was done`);
    wakeUp();
  });
  try {
    for (;;) {
      const message = inbox.shift();
      if (!message) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => {
          notify = resolve;
        });
        continue;
      }
      if (message.kind === 'done') return;
      if (message.kind === 'failed') throw new FoldWorkerError(message.name, message.message);
      yield { models: message.models, events: message.events };
      worker.postMessage(PAGE_COMMITTED);
    }
  } finally {
    worker.removeAllListeners();
    await worker.terminate();
  }
}
