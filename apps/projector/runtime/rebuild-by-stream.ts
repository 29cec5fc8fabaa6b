import type { ClientStream, EventStore } from '../../../libs/event-store/index.js';
import type { ClientReadModel, CommittableModel, ReadStore } from '../../../libs/read-store/index.js';
import type { ApplyEvents } from './apply-batch.js';

export interface ByStreamProgress {
  /** Events folded and committed so far. */
  events: number;
  clients: number;
  /** The head this pass projects up to; the checkpoint moves there only at the end. */
  upTo: bigint;
}

/** One page of whole streams, folded into its clients' models. */
export interface StreamPage<M extends CommittableModel = CommittableModel> {
  models: M[];
  events: number;
}

export interface ByStreamOptions {
  /** Where the folded pages come from: this thread (foldedPagesHere) or a fold worker. */
  pages: AsyncIterable<StreamPage>;
  readStore: ReadStore;
  head: bigint;
  signal?: AbortSignal;
  onPage?: (progress: ByStreamProgress & { pageEvents: number; pageClients: number }) => void;
}

/** Streams read at once while a page is filled. */
const STREAMS_PER_READ = 20;

/**
 * Reads and folds the pages on the calling thread. `finish` turns each folded model into what
 * the page carries: its decision state sealed, and in the fold worker serialised there and then
 * (the model's object graph dies young instead of surviving, with the whole page's, until the
 * page is done).
 */
export async function* foldedPagesHere<M extends CommittableModel = ClientReadModel>(
  readStreams: NonNullable<EventStore['readStreams']>,
  applyMany: ApplyEvents,
  head: bigint,
  streamsPerPage: number,
  finish: (model: ClientReadModel) => M | Promise<M> = (model) => model as unknown as M,
): AsyncGenerator<StreamPage<M>> {
  let afterClientId: string | null = null;
  for (let exhausted = false; !exhausted; ) {
    const models: M[] = [];
    let events = 0;
    let streams = 0;
    // a page is read a few streams at a time, so its events are not all decoded (and alive) at once
    while (streams < streamsPerPage) {
      const limit = Math.min(STREAMS_PER_READ, streamsPerPage - streams);
      const read: ClientStream[] = await readStreams({ afterClientId, limit, upToPosition: head });
      if (read.length === 0) {
        exhausted = true;
        break;
      }
      afterClientId = read[read.length - 1].clientId;
      streams += read.length;
      // each stream leaves the read as it is folded: its events may be collected while the rest fold
      for (let stream = read.shift(); stream; stream = read.shift()) {
        events += stream.events.length;
        if (stream.events.length > 0) models.push(await finish(applyMany(undefined, stream.events)));
      }
    }
    if (streams > 0) yield { models, events };
  }
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
  let events = 0;
  let clients = 0;
  for await (const page of o.pages) {
    if (o.signal?.aborted) break;
    if (page.models.length > 0) await o.readStore.commitBatch(page.models, 0n);
    events += page.events;
    clients += page.models.length;
    o.onPage?.({ events, clients, upTo: o.head, pageEvents: page.events, pageClients: page.models.length });
  }
  if (o.signal?.aborted) return { events, clients, upTo: o.head, completed: false };
  await o.readStore.commitBatch([], o.head);
  return { events, clients, upTo: o.head, completed: true };
}
