/**
 * Worker thread of a stream-by-stream pass: reads whole streams from its own connection to
 * the event store (decrypting personal fields with the key store), folds each into its read
 * model and serialises the documents, while the main thread writes the previous page. Sends
 * at most `pagesAhead` pages the main thread has not committed yet.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openEventStore } from '../../../../libs/adapters/open-stores/open-stores.js';
import { decisionStateSealOf } from '../../../../libs/event-store/protection/index.js';
import { sealCarriedState } from '../../../../libs/projections/client-path/index.js';
import { applyEvents } from '../../projections/index.js';
import { PAGE_COMMITTED, type FoldWorkerInput, type FoldWorkerMessage } from './protocol.js';

/** The thread's messages, for its starter's type import (which makes every build compile this file). */
export type { FoldWorkerInput, FoldWorkerMessage };
import { serializeModel } from './serialize-model.js';
import { foldedPagesHere } from '../rebuild-by-stream.js';

const input = workerData as FoldWorkerInput;
const port = parentPort!;
const send = (message: FoldWorkerMessage) => port.postMessage(message);

let credits = input.pagesAhead;
let wake: (() => void) | null = null;
port.on('message', (message: unknown) => {
  if (message !== PAGE_COMMITTED) return;
  credits += 1;
  wake?.();
  wake = null;
});

async function run(): Promise<void> {
  const store = await openEventStore(input.eventStore);
  const seal = decisionStateSealOf(store);
  try {
    if (!store.readStreams) throw new Error(`the ${input.eventStore.kind} event store cannot read streams in pages`);
    for await (const page of foldedPagesHere(
      store.readStreams.bind(store),
      applyEvents,
      input.head,
      input.streamsPerPage,
      async (model) => serializeModel(seal ? await sealCarriedState(model, seal) : model),
    )) {
      while (credits === 0)
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      credits -= 1;
      send({ kind: 'page', models: page.models, events: page.events });
    }
    send({ kind: 'done' });
  } finally {
    await store.close();
  }
}

run().catch((error: unknown) => {
  const e = error instanceof Error ? error : new Error(String(error));
  // ours all have a name (test/error-class-names); a library's may keep 'Error': the class says more
  send({ kind: 'failed', name: e.name === 'Error' ? e.constructor.name : e.name, message: e.message, stack: e.stack });
});
