import type { EventStoreConfig } from '../../../../libs/adapters/open-stores/store-config.js';
import type { SerializedClientReadModel } from '../../../../libs/read-store/index.js';

/** What the fold worker is started with (workerData: structured clone, so bigint is fine). */
export interface FoldWorkerInput {
  eventStore: EventStoreConfig;
  /** Project events up to this position: the head seen when the pass began. */
  head: bigint;
  streamsPerPage: number;
  /** Pages the worker may send ahead of the main thread's commits (bounds memory). */
  pagesAhead: number;
  /** The worker's old-generation heap limit (MB). */
  heapMb: number;
}

/** One page of whole streams, folded, its documents serialised. */
export interface FoldedPage {
  models: SerializedClientReadModel[];
  /** Events folded into this page's models. */
  events: number;
}

export type FoldWorkerMessage =
  | ({ kind: 'page' } & FoldedPage)
  | { kind: 'done' }
  | { kind: 'failed'; name: string; message: string; stack?: string };

/** Main thread → worker: one page committed, send another. */
export const PAGE_COMMITTED = 'page-committed';
