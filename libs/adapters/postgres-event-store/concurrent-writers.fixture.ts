import type { RecordedEvent } from '../../events/index.js';
import type { EventStore } from '../../event-store/index.js';
import { aClientId, someEvents } from '../../event-store/contract/builders.js';

export interface WritersAndReader {
  /** Every event id the writers appended, per client stream in append order. */
  written: Map<string, string[]>;
  /** What the reader saw, page after page, in the order it saw it. */
  seen: RecordedEvent[];
  /** Pages the reader fetched while writers were still running (proof they overlapped). */
  pagesDuringWrites: number;
}

/**
 * `writers.length` stores (separate pools, like separate processes) each append `appends`
 * batches of 1-3 events round-robin over a few streams of their own, all at once, while
 * `reader` pages through readAll from its last position until the writers are done and it
 * has reached the head.
 */
export async function writersAndReader(
  writers: EventStore[],
  reader: EventStore,
  appends: number,
  pageSize = 37,
): Promise<WritersAndReader> {
  const written = new Map<string, string[]>();
  let writing = true;
  const writing$ = Promise.all(
    writers.map(async (store, w) => {
      const clients = Array.from({ length: 3 }, aClientId);
      for (const client of clients) written.set(client, []);
      for (let i = 0; i < appends; i += 1) {
        const client = clients[i % clients.length];
        const batch = someEvents(client, 1 + ((i + w) % 3));
        await store.appendToStream(client, batch, { expectedVersion: 'any' });
        written.get(client)!.push(...batch.map((e) => e.eventId));
      }
    }),
  ).finally(() => {
    writing = false;
  });

  const seen: RecordedEvent[] = [];
  let after = 0n;
  let pagesDuringWrites = 0;
  for (;;) {
    const stillWriting = writing;
    const page = await reader.readAll({ after, limit: pageSize });
    if (page.length > 0) {
      seen.push(...page);
      after = page[page.length - 1].globalPosition;
      if (stillWriting) pagesDuringWrites += 1;
    } else if (!stillWriting) {
      // Writers had finished before this empty read began: nothing more will come.
      break;
    } else {
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  await writing$;
  return { written, seen, pagesDuringWrites };
}
