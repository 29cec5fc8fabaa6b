/// <reference types="jest" />
import { StreamVersionConflictError } from '../errors.js';
import { DuplicateEventIdError, InvalidAppendError } from '../adapter-errors.js';
import type { ContractContext } from './context.js';
import { aClientId, anEvent, eventIds, rejectionOf, someEvents } from './builders.js';

export function appendContract(ctx: ContractContext): void {
  describe('appendToStream', () => {
    it('creates a stream with expectedVersion 0n', async () => {
      const client = aClientId();
      const batch = someEvents(client, 2);
      const result = await ctx.store.appendToStream(client, batch, { expectedVersion: 0n });
      expect(result).toEqual({
        nextExpectedVersion: 2n,
        lastGlobalPosition: await ctx.store.headPosition(),
        eventIds: eventIds(batch),
        replayed: false,
      });
      expect(typeof result.lastGlobalPosition).toBe('bigint');
    });

    it('appends when the expected version is the current one', async () => {
      const client = aClientId();
      const first = await ctx.store.appendToStream(client, someEvents(client, 2), { expectedVersion: 0n });
      const second = await ctx.store.appendToStream(client, someEvents(client, 1), { expectedVersion: 2n });
      expect(second.nextExpectedVersion).toBe(3n);
      expect(second.lastGlobalPosition).toBeGreaterThan(first.lastGlobalPosition);
      expect((await ctx.store.readStream(client)).currentVersion).toBe(3n);
    });

    it.each([0n, 1n, 3n])('rejects expected version %p on a stream at 2n and appends nothing', async (expected) => {
      const client = aClientId();
      await ctx.store.appendToStream(client, someEvents(client, 2), { expectedVersion: 0n });
      const head = await ctx.store.headPosition();
      const error = await rejectionOf(
        ctx.store.appendToStream(client, someEvents(client, 1), { expectedVersion: expected }),
      );
      expect(error).toBeInstanceOf(StreamVersionConflictError);
      expect(error).toMatchObject({ clientId: client, expected, actual: 2n });
      expect((await ctx.store.readStream(client)).events).toHaveLength(2);
      expect(await ctx.store.headPosition()).toBe(head);
    });

    it('rejects a non-zero expected version for a missing stream', async () => {
      const client = aClientId();
      const error = await rejectionOf(ctx.store.appendToStream(client, someEvents(client, 1), { expectedVersion: 1n }));
      expect(error).toBeInstanceOf(StreamVersionConflictError);
      expect(error).toMatchObject({ expected: 1n, actual: 0n });
      expect(await ctx.store.readStream(client)).toEqual({ currentVersion: 0n, events: [] });
    });

    it("appends with 'any' to new and existing streams", async () => {
      const client = aClientId();
      await ctx.store.appendToStream(client, someEvents(client, 1), { expectedVersion: 'any' });
      const result = await ctx.store.appendToStream(client, someEvents(client, 2), { expectedVersion: 'any' });
      expect(result.nextExpectedVersion).toBe(3n);
    });

    it('appends a conflicting batch all or nothing', async () => {
      const client = aClientId();
      await ctx.store.appendToStream(client, someEvents(client, 1), { expectedVersion: 0n });
      await rejectionOf(ctx.store.appendToStream(client, someEvents(client, 3), { expectedVersion: 0n }));
      expect((await ctx.store.readStream(client)).currentVersion).toBe(1n);
    });

    it('rolls back a batch whose last event id is already stored', async () => {
      const client = aClientId();
      const [stored] = someEvents(client, 1);
      await ctx.store.appendToStream(client, [stored], { expectedVersion: 0n });
      const head = await ctx.store.headPosition();
      const batch = [anEvent(client), anEvent(client), anEvent(client, { eventId: stored.eventId })];
      const error = await rejectionOf(ctx.store.appendToStream(client, batch, { expectedVersion: 1n }));
      expect(error).toBeInstanceOf(DuplicateEventIdError);
      expect(error).toMatchObject({ eventId: stored.eventId });
      expect(await ctx.store.readStream(client)).toMatchObject({
        currentVersion: 1n,
        events: [{ eventId: stored.eventId }],
      });
      expect(await ctx.store.headPosition()).toBe(head);
    });

    it('rejects a batch that repeats an event id', async () => {
      const client = aClientId();
      const event = anEvent(client);
      const error = await rejectionOf(ctx.store.appendToStream(client, [event, event], { expectedVersion: 0n }));
      expect(error).toBeInstanceOf(DuplicateEventIdError);
      expect(error).toMatchObject({ eventId: event.eventId });
      expect((await ctx.store.readStream(client)).currentVersion).toBe(0n);
    });

    it('rejects an empty batch and an event of another client', async () => {
      const client = aClientId();
      expect(await rejectionOf(ctx.store.appendToStream(client, [], { expectedVersion: 0n }))).toBeInstanceOf(
        InvalidAppendError,
      );
      const foreign = anEvent(aClientId());
      expect(await rejectionOf(ctx.store.appendToStream(client, [foreign], { expectedVersion: 'any' }))).toBeInstanceOf(
        InvalidAppendError,
      );
      expect(await ctx.store.headPosition()).toBe(0n);
    });

    it('keeps client streams independent', async () => {
      const [a, b] = [aClientId(), aClientId()];
      await ctx.store.appendToStream(a, someEvents(a, 2), { expectedVersion: 0n });
      const result = await ctx.store.appendToStream(b, someEvents(b, 1), { expectedVersion: 0n });
      expect(result.nextExpectedVersion).toBe(1n);
      expect((await ctx.store.readStream(a)).currentVersion).toBe(2n);
    });
  });
}
