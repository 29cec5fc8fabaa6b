import { once } from 'node:events';
import { startWorkerThread, threadEntryAvailable, WorkerThreadEntryMissing } from './index.js';

describe('startWorkerThread', () => {
  it('runs a TypeScript thread module and its imports from the sources', async () => {
    const worker = startWorkerThread(new URL('./fixtures/echo-thread.js', import.meta.url), { workerData: 'Polku' });
    const [reply] = await once(worker, 'message');
    await worker.terminate();
    expect(reply).toBe('hello, Polku');
  });

  it('says an entry with neither a compiled module nor a source is missing', () => {
    const missing = new URL('./fixtures/no-such-thread.js', import.meta.url);
    expect(threadEntryAvailable(missing)).toBe(false);
    expect(() => startWorkerThread(missing)).toThrow(WorkerThreadEntryMissing);
  });
});
