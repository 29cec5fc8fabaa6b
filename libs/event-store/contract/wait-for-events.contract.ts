/// <reference types="jest" />
import type { EventStore } from '../port.js';
import type { ContractContext } from './context.js';
import { aClientId, someEvents } from './builders.js';

const waiting = (store: EventStore) => {
  if (!store.waitForEvents) throw new Error('this adapter was declared to notify but has no waitForEvents()');
  return store.waitForEvents.bind(store);
};

/**
 * waitForEvents(): followers wait instead of polling. A wait that never resolves fails the
 * test by Jest's timeout; no test here measures time.
 */
export function waitForEventsContract(ctx: ContractContext): void {
  describe('waitForEvents', () => {
    it('resolves at once when events after the position are already readable', async () => {
      const client = aClientId();
      await ctx.store.appendToStream(client, someEvents(client, 2), { expectedVersion: 0n });
      await waiting(ctx.store)(0n, new AbortController().signal);
    });

    it('resolves when an append after the wait began commits', async () => {
      const client = aClientId();
      await ctx.store.appendToStream(client, someEvents(client, 1), { expectedVersion: 0n });
      const head = await ctx.store.headPosition();
      let woken = false;
      const wait = waiting(ctx.store)(head, new AbortController().signal).then(() => {
        woken = true;
      });
      await new Promise((resolve) => setImmediate(resolve));
      expect(woken).toBe(false); // nothing new yet
      await ctx.store.appendToStream(client, someEvents(client, 1), { expectedVersion: 1n });
      await wait;
      expect(await ctx.store.headPosition()).toBeGreaterThan(head);
    });

    it('resolves, without news, when the signal aborts', async () => {
      const controller = new AbortController();
      const wait = waiting(ctx.store)(await ctx.store.headPosition(), controller.signal);
      controller.abort();
      await wait;
      expect(await ctx.store.readAll({ after: 0n, limit: 10 })).toEqual([]);
    });
  });
}
