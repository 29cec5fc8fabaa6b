/// <reference types="jest" />
import { IdempotencyKeyReusedError, StreamVersionConflictError } from '../errors.js';
import type { ContractContext } from './context.js';
import { aClientId, rejectionOf, someEvents } from './builders.js';

export function idempotencyContract(ctx: ContractContext): void {
  describe('idempotency keys', () => {
    it('replays the first result for the same key and appends nothing', async () => {
      const client = aClientId();
      const first = await ctx.store.appendToStream(client, someEvents(client, 2), {
        expectedVersion: 0n,
        idempotencyKey: 'k-1',
      });
      const head = await ctx.store.headPosition();
      // A retry carries fresh event ids (a rebuilt command) and a now stale expected version.
      const retry = await ctx.store.appendToStream(client, someEvents(client, 2), {
        expectedVersion: 0n,
        idempotencyKey: 'k-1',
      });
      expect(retry).toEqual({ ...first, replayed: true });
      expect((await ctx.store.readStream(client)).currentVersion).toBe(2n);
      expect(await ctx.store.headPosition()).toBe(head);
    });

    it('replays the original result after the stream has moved on', async () => {
      const client = aClientId();
      const first = await ctx.store.appendToStream(client, someEvents(client, 1), {
        expectedVersion: 0n,
        idempotencyKey: 'k-2',
      });
      await ctx.store.appendToStream(client, someEvents(client, 1), { expectedVersion: 1n });
      const retry = await ctx.store.appendToStream(client, someEvents(client, 1), {
        expectedVersion: 0n,
        idempotencyKey: 'k-2',
      });
      expect(retry).toEqual({ ...first, replayed: true });
      expect((await ctx.store.readStream(client)).currentVersion).toBe(2n);
    });

    it('rejects the same key for another client and appends nothing', async () => {
      const [a, b] = [aClientId(), aClientId()];
      await ctx.store.appendToStream(a, someEvents(a, 1), { expectedVersion: 0n, idempotencyKey: 'k-3' });
      const error = await rejectionOf(
        ctx.store.appendToStream(b, someEvents(b, 1), { expectedVersion: 0n, idempotencyKey: 'k-3' }),
      );
      expect(error).toBeInstanceOf(IdempotencyKeyReusedError);
      expect(error).toMatchObject({ key: 'k-3' });
      expect((await ctx.store.readStream(b)).currentVersion).toBe(0n);
    });

    it('refuses the same key with another request fingerprint, and appends nothing', async () => {
      const client = aClientId();
      const first = await ctx.store.appendToStream(client, someEvents(client, 1), {
        expectedVersion: 0n,
        idempotencyKey: 'k-6',
        requestHash: 'h-a',
      });
      const error = await rejectionOf(
        ctx.store.appendToStream(client, someEvents(client, 1), {
          expectedVersion: 1n,
          idempotencyKey: 'k-6',
          requestHash: 'h-b',
        }),
      );
      expect(error).toBeInstanceOf(IdempotencyKeyReusedError);
      expect(error).toMatchObject({ key: 'k-6', reuse: 'different_request' });
      expect(await rejectionOf(ctx.store.findIdempotentResult('k-6', client, 'h-b'))).toBeInstanceOf(
        IdempotencyKeyReusedError,
      );
      expect((await ctx.store.readStream(client)).currentVersion).toBe(1n);
      // The same fingerprint, or a caller that gives none, still gets the replay.
      const retry = await ctx.store.appendToStream(client, someEvents(client, 1), {
        expectedVersion: 0n,
        idempotencyKey: 'k-6',
        requestHash: 'h-a',
      });
      expect(retry).toEqual({ ...first, replayed: true });
      expect(await ctx.store.findIdempotentResult('k-6', client)).toEqual({ ...first, replayed: true });
    });

    it('looks up a key without appending', async () => {
      const [a, b] = [aClientId(), aClientId()];
      expect(await ctx.store.findIdempotentResult('k-5', a)).toBeNull();
      const first = await ctx.store.appendToStream(a, someEvents(a, 1), { expectedVersion: 0n, idempotencyKey: 'k-5' });
      expect(await ctx.store.findIdempotentResult('k-5', a)).toEqual({ ...first, replayed: true });
      const error = await rejectionOf(ctx.store.findIdempotentResult('k-5', b));
      expect(error).toBeInstanceOf(IdempotencyKeyReusedError);
    });

    it('does not spend a key on a failed append', async () => {
      const client = aClientId();
      await ctx.store.appendToStream(client, someEvents(client, 1), { expectedVersion: 0n });
      const error = await rejectionOf(
        ctx.store.appendToStream(client, someEvents(client, 1), { expectedVersion: 0n, idempotencyKey: 'k-4' }),
      );
      expect(error).toBeInstanceOf(StreamVersionConflictError);
      const result = await ctx.store.appendToStream(client, someEvents(client, 1), {
        expectedVersion: 1n,
        idempotencyKey: 'k-4',
      });
      expect(result).toMatchObject({ nextExpectedVersion: 2n, replayed: false });
    });
  });
}
