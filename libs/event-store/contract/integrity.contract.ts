/// <reference types="jest" />
import { EVENT_CATALOGUE } from '../../events/index.js';
import type { ContractContext } from './context.js';
import { aClientId, anOldAttendanceReport, aRichEvent, currentAttendanceData, someEvents } from './builders.js';

export function integrityContract(ctx: ContractContext): void {
  describe('upcasting on read', () => {
    it('returns an old AttendanceReported in the current schema from readStream and readAll', async () => {
      const client = aClientId();
      const old = anOldAttendanceReport(client);
      await ctx.store.appendToStream(client, [old], { expectedVersion: 0n });
      const current = EVENT_CATALOGUE.AttendanceReported.schemaVersion;
      expect(current).toBe(1);
      const [fromStream] = (await ctx.store.readStream(client)).events;
      const [fromAll] = await ctx.store.readAll({ after: 0n, limit: 10 });
      for (const event of [fromStream, fromAll]) {
        expect(event).toMatchObject({ eventId: old.eventId, schemaVersion: current, data: currentAttendanceData() });
      }
    });
  });

  describe('hash chain', () => {
    it('verifies intact streams and the whole store after appends', async () => {
      const [a, b] = [aClientId(), aClientId()];
      await ctx.store.appendToStream(a, someEvents(a, 2), { expectedVersion: 0n });
      await ctx.store.appendToStream(b, [aRichEvent(b), anOldAttendanceReport(b)], { expectedVersion: 0n });
      await ctx.store.appendToStream(a, [aRichEvent(a)], { expectedVersion: 2n });
      expect(await ctx.store.verifyStream(a)).toEqual({ intact: true, checked: 3 });
      expect(await ctx.store.verifyStream(b)).toEqual({ intact: true, checked: 2 });
      expect(await ctx.store.verifyAll()).toEqual({ intact: true, checked: 5 });
    });

    it('treats a missing stream and an empty store as intact', async () => {
      expect(await ctx.store.verifyStream(aClientId())).toEqual({ intact: true, checked: 0 });
      expect(await ctx.store.verifyAll()).toEqual({ intact: true, checked: 0 });
    });
  });
}
