export {
  resolveThreadEntry,
  startWorkerThread,
  threadEntryAvailable,
  WorkerThreadEntryMissing,
} from './start-worker-thread.js';
