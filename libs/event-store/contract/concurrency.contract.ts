/// <reference types="jest" />
import { StreamVersionConflictError } from '../errors.js';
import type { ContractContext } from './context.js';
import { aClientId, someEvents } from './builders.js';

const CONTENDERS = 20;

export function concurrencyContract(ctx: ContractContext): void {
  describe('concurrent appends', () => {
    it('lets exactly one of many appends with the same expected version win', async () => {
      const client = aClientId();
      await ctx.store.appendToStream(client, someEvents(client, 1), { expectedVersion: 0n });
      const outcomes = await Promise.allSettled(
        Array.from({ length: CONTENDERS }, () =>
          ctx.store.appendToStream(client, someEvents(client, 2), { expectedVersion: 1n }),
        ),
      );
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(CONTENDERS - 1);
      for (const reason of lost) expect(reason).toBeInstanceOf(StreamVersionConflictError);
      expect((await ctx.store.readStream(client)).currentVersion).toBe(3n);
      expect(await ctx.store.verifyStream(client)).toEqual({ intact: true, checked: 3 });
    });

    it('appends exactly once for concurrent retries with one idempotency key', async () => {
      const client = aClientId();
      const results = await Promise.all(
        Array.from({ length: CONTENDERS }, () =>
          ctx.store.appendToStream(client, someEvents(client, 1), { expectedVersion: 0n, idempotencyKey: 'same' }),
        ),
      );
      expect(results.filter((r) => !r.replayed)).toHaveLength(1);
      expect(new Set(results.map((r) => r.eventIds[0])).size).toBe(1);
      expect((await ctx.store.readStream(client)).currentVersion).toBe(1n);
    });

    it('serves concurrent appends to different streams with unique positions', async () => {
      const clients = Array.from({ length: CONTENDERS }, aClientId);
      const results = await Promise.all(
        clients.map((c) => ctx.store.appendToStream(c, someEvents(c, 2), { expectedVersion: 0n })),
      );
      expect(new Set(results.map((r) => r.lastGlobalPosition)).size).toBe(CONTENDERS);
      expect(await ctx.store.readAll({ after: 0n, limit: 1000 })).toHaveLength(2 * CONTENDERS);
      expect(await ctx.store.verifyAll()).toEqual({ intact: true, checked: 2 * CONTENDERS });
    });
  });
}
