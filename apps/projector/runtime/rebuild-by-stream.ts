import type { ClientStream, EventStore } from '../../../libs/event-store/index.js';
import type { ReadStore } from '../../../libs/read-store/index.js';
import type { ApplyEvents } from './apply-batch.js';

export interface ByStreamProgress {
  /** Events folded and committed so far. */
  events: number;
  clients: number;
  /** The head this pass projects up to; the checkpoint moves there only at the end. */
  upTo: bigint;
}

export interface ByStreamOptions {
  readStreams: NonNullable<EventStore['readStreams']>;
  readStore: ReadStore;
  applyMany: ApplyEvents;
  head: bigint;
  streamsPerPage: number;
  signal?: AbortSignal;
  onPage?: (progress: ByStreamProgress & { pageEvents: number; pageClients: number }) => void;
}

/**
 * Projects an empty (or interrupted) read store up to `head` stream by stream: each client's
 * events are folded once and its model written once, instead of every global-order batch
 * re-reading and rewriting the models it touches. Pages commit with the checkpoint left where
 * it was (0), so a crash or stop mid-way is simply redone by the next run: a client's model
 * is replaced, never extended twice. The checkpoint moves to `head` in the last commit, after
 * which catch-up continues in global order.
 * Returns whether it reached the head (false when stopped by the signal).
 */
export async function projectByStream(o: ByStreamOptions): Promise<ByStreamProgress & { completed: boolean }> {
  let afterClientId: string | null = null;
  let events = 0;
  let clients = 0;
  while (!o.signal?.aborted) {
    const page: ClientStream[] = await o.readStreams({ afterClientId, limit: o.streamsPerPage, upToPosition: o.head });
    if (page.length === 0) break;
    afterClientId = page[page.length - 1].clientId;
    const models = page.filter((s) => s.events.length > 0).map((s) => o.applyMany(undefined, s.events));
    const pageEvents = page.reduce((n, s) => n + s.events.length, 0);
    if (models.length > 0) await o.readStore.commitBatch(models, 0n);
    events += pageEvents;
    clients += models.length;
    o.onPage?.({ events, clients, upTo: o.head, pageEvents, pageClients: models.length });
  }
  if (o.signal?.aborted) return { events, clients, upTo: o.head, completed: false };
  await o.readStore.commitBatch([], o.head);
  return { events, clients, upTo: o.head, completed: true };
}
