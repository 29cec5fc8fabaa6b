/// <reference types="jest" />
import type { ClientStream, EventStore } from '../port.js';
import type { ContractContext } from './context.js';
import { anEvent, eventIds, someEvents } from './builders.js';

const listing = (store: EventStore) => {
  if (!store.readStreams) throw new Error('this adapter was declared to list streams but has no readStreams()');
  return store.readStreams.bind(store);
};

async function everyPage(store: EventStore, limit: number, upToPosition: bigint): Promise<ClientStream[][]> {
  const pages: ClientStream[][] = [];
  let afterClientId: string | null = null;
  for (;;) {
    const page = await listing(store)({ afterClientId, limit, upToPosition });
    if (page.length === 0) return pages;
    pages.push(page);
    afterClientId = page[page.length - 1].clientId;
  }
}

/** readStreams(): the rebuild's stream-by-stream reading, for adapters that offer it. */
export function readStreamsContract(ctx: ContractContext): void {
  describe('readStreams', () => {
    it('returns nothing for an empty store', async () => {
      expect(await listing(ctx.store)({ afterClientId: null, limit: 10, upToPosition: 100n })).toEqual([]);
    });

    it('pages through every stream once, in client-id order, each exactly as readStream returns it', async () => {
      const clients = ['c-delta', 'c-alpha', 'c-charlie', 'c-echo', 'c-bravo'];
      for (let round = 0; round < 3; round += 1) {
        for (const client of clients)
          await ctx.store.appendToStream(client, someEvents(client, round + 1), { expectedVersion: 'any' });
      }
      const head = await ctx.store.headPosition();
      const pages = await everyPage(ctx.store, 2, head);
      expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
      const streams = pages.flat();
      expect(streams.map((s) => s.clientId)).toEqual([...clients].sort());
      for (const stream of streams) {
        expect(stream.events).toEqual((await ctx.store.readStream(stream.clientId)).events);
        expect(stream.events).toHaveLength(6);
      }
    });

    it('leaves out events above upToPosition and lists a stream with none as empty', async () => {
      await ctx.store.appendToStream('c-a', someEvents('c-a', 2), { expectedVersion: 0n });
      const cut = await ctx.store.headPosition();
      const later = anEvent('c-a');
      await ctx.store.appendToStream('c-a', [later], { expectedVersion: 2n });
      await ctx.store.appendToStream('c-b', someEvents('c-b', 1), { expectedVersion: 0n });
      const streams = (await everyPage(ctx.store, 10, cut)).flat();
      expect(streams.map((s) => [s.clientId, s.events.length])).toEqual([
        ['c-a', 2],
        ['c-b', 0],
      ]);
      expect(eventIds(streams[0].events)).not.toContain(later.eventId);
      expect(streams[0].events.every((e) => e.globalPosition <= cut)).toBe(true);
    });

    it('refuses a limit that is not a positive integer', async () => {
      await expect(listing(ctx.store)({ afterClientId: null, limit: 0, upToPosition: 1n })).rejects.toThrow(RangeError);
    });
  });
}
