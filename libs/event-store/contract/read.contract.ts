/// <reference types="jest" />
import type { PolkuEvent, RecordedEvent } from '../../events/index.js';
import type { ContractContext } from './context.js';
import { aClientId, anEvent, aRichEvent, eventIds, someEvents } from './builders.js';

const positions = (events: RecordedEvent[]): bigint[] => events.map((e) => e.globalPosition);

function expectStrictlyIncreasing(values: bigint[]): void {
  for (let i = 1; i < values.length; i += 1) expect(values[i]).toBeGreaterThan(values[i - 1]);
}

export function readContract(ctx: ContractContext): void {
  describe('readStream', () => {
    it('returns the events in order with versions 1..n and content exactly as appended', async () => {
      const client = aClientId();
      const sent: PolkuEvent[] = [aRichEvent(client), anEvent(client), aRichEvent(client)];
      await ctx.store.appendToStream(client, sent.slice(0, 1), { expectedVersion: 0n });
      const last = await ctx.store.appendToStream(client, sent.slice(1), { expectedVersion: 1n });
      const { currentVersion, events } = await ctx.store.readStream(client);
      expect(currentVersion).toBe(3n);
      expect(events.map(({ globalPosition, ...rest }) => rest)).toEqual(
        sent.map((event, i) => ({ ...event, streamVersion: BigInt(i + 1) })),
      );
      expectStrictlyIncreasing(positions(events));
      expect(events[2].globalPosition).toBe(last.lastGlobalPosition);
    });

    it('gives every read events of its own: changing what one read returned changes no other read', async () => {
      // ProtectedEventStore decrypts in place on this promise
      const client = aClientId();
      const sent: PolkuEvent[] = [aRichEvent(client), aRichEvent(client)];
      await ctx.store.appendToStream(client, sent, { expectedVersion: 0n });
      const scribble = (events: RecordedEvent[]) => {
        for (const e of events) {
          (e.data as Record<string, unknown>).changed = true;
          e.actor.displayName = 'changed';
          e.actor.organisationId = 'changed';
        }
      };
      scribble((await ctx.store.readStream(client)).events);
      scribble(await ctx.store.readAll({ after: 0n, limit: 10 }));
      if (ctx.store.readStreams)
        scribble(
          (await ctx.store.readStreams({ afterClientId: null, limit: 10, upToPosition: 1000n })).flatMap(
            (s) => s.events,
          ),
        );
      const again = (await ctx.store.readStream(client)).events;
      expect(again.map(({ globalPosition, streamVersion, ...rest }) => rest)).toEqual(sent);
    });

    it('given afterVersion, returns only the later events, and that version when none is later', async () => {
      const client = aClientId();
      await ctx.store.appendToStream(client, someEvents(client, 3), { expectedVersion: 0n });
      const whole = (await ctx.store.readStream(client)).events;
      expect(await ctx.store.readStream(client, { afterVersion: 1n })).toEqual({
        currentVersion: 3n,
        events: whole.slice(1),
      });
      expect(await ctx.store.readStream(client, { afterVersion: 3n })).toEqual({ currentVersion: 3n, events: [] });
      expect(await ctx.store.readStream(client, { afterVersion: 0n })).toEqual({ currentVersion: 3n, events: whole });
    });

    it('returns version 0n and no events for a missing stream', async () => {
      await ctx.store.appendToStream('someone-else', [anEvent('someone-else')], { expectedVersion: 0n });
      expect(await ctx.store.readStream(aClientId())).toEqual({ currentVersion: 0n, events: [] });
    });
  });

  describe('readAll and headPosition', () => {
    it('reports head 0n for an empty store', async () => {
      expect(await ctx.store.headPosition()).toBe(0n);
      expect(await ctx.store.readAll({ after: 0n, limit: 10 })).toEqual([]);
    });

    it('returns all streams in global (append) order', async () => {
      const [a, b] = [aClientId(), aClientId()];
      const order = [anEvent(a), anEvent(b), anEvent(a), anEvent(b), anEvent(a)];
      for (const event of order) await ctx.store.appendToStream(event.clientId, [event], { expectedVersion: 'any' });
      const all = await ctx.store.readAll({ after: 0n, limit: 100 });
      expect(eventIds(all)).toEqual(eventIds(order));
      expect(all.map((e) => [e.clientId, e.streamVersion])).toEqual([
        [a, 1n],
        [b, 1n],
        [a, 2n],
        [b, 2n],
        [a, 3n],
      ]);
      expectStrictlyIncreasing(positions(all));
      expect(await ctx.store.headPosition()).toBe(all[4].globalPosition);
    });

    it('treats after as exclusive and honours limit', async () => {
      const client = aClientId();
      const sent = someEvents(client, 5);
      await ctx.store.appendToStream(client, sent, { expectedVersion: 0n });
      const all = await ctx.store.readAll({ after: 0n, limit: 100 });
      const page = await ctx.store.readAll({ after: all[1].globalPosition, limit: 2 });
      expect(eventIds(page)).toEqual(eventIds(sent.slice(2, 4)));
      expect(await ctx.store.readAll({ after: all[4].globalPosition, limit: 10 })).toEqual([]);
    });

    it('pages through every event exactly once', async () => {
      const clients = Array.from({ length: 5 }, aClientId);
      const sent: PolkuEvent[] = [];
      for (let round = 0; round < 4; round += 1) {
        for (const [i, client] of clients.entries()) {
          const batch = someEvents(client, 1 + ((round + i) % 3));
          sent.push(...batch);
          await ctx.store.appendToStream(client, batch, { expectedVersion: 'any' });
        }
      }
      const seen: RecordedEvent[] = [];
      let after = 0n;
      // Bounded, so a store that repeats events fails instead of looping forever.
      for (let pages = 0; pages <= Math.ceil(sent.length / 4); pages += 1) {
        const page = await ctx.store.readAll({ after, limit: 4 });
        if (page.length === 0) break;
        expect(page.length).toBeLessThanOrEqual(4);
        seen.push(...page);
        after = page[page.length - 1].globalPosition;
      }
      expect(eventIds(seen)).toEqual(eventIds(sent));
      expect(new Set(positions(seen)).size).toBe(sent.length);
      expect(after).toBe(await ctx.store.headPosition());
    });
  });
}
