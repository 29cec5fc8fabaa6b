export { foldedPagesFromWorker, foldWorkerAvailable, FoldWorkerError } from './folded-pages.js';
export type { FoldedPage, FoldWorkerInput } from './protocol.js';
