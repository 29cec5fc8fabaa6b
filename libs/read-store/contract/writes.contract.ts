/// <reference types="jest" />
import { CheckpointRegressionError } from '../errors.js';
import type { ReadStoreContext } from './context.js';
import { aModel, readModelFixture as fixture } from './fixture.js';

export function writesContract(ctx: ReadStoreContext): void {
  describe('commitBatch, getClients, checkpoint, reset', () => {
    it('starts empty at checkpoint 0', async () => {
      expect(await ctx.store.checkpoint()).toBe(0n);
      expect(await ctx.store.clientPath('anna')).toBeNull();
      expect((await ctx.store.getClients(['anna'])).size).toBe(0);
    });

    it('commits models and checkpoint together and reads full models back', async () => {
      const models = fixture();
      await ctx.store.commitBatch(models, 12n);
      expect(await ctx.store.checkpoint()).toBe(12n);
      const loaded = await ctx.store.getClients(['anna', 'ben', 'cai', 'nobody', 'anna']);
      expect([...loaded.keys()].sort()).toEqual(['anna', 'ben', 'cai']);
      for (const m of models) expect(loaded.get(m.clientId)).toEqual(m);
      expect(await ctx.store.clientPath('ben')).toEqual({ path: models[1]!.path, lastPosition: 12n });
      expect((await ctx.store.getClients([])).size).toBe(0);
    });

    it('stores models whose documents arrive already serialised (the fold worker) as the same models', async () => {
      const models = fixture();
      const serialised = models.map(({ path, state, ...rest }) => ({
        ...rest,
        pathJson: JSON.stringify(path),
        stateJson: JSON.stringify(state),
      }));
      await ctx.store.commitBatch([serialised[0]!, models[1]!, serialised[2]!], 12n);
      const loaded = await ctx.store.getClients(models.map((m) => m.clientId));
      for (const m of models) expect(loaded.get(m.clientId)).toEqual(m); // documents and rows
      expect(await ctx.store.clientDocuments('anna')).toEqual({
        lastPosition: models[0]!.lastPosition,
        path: models[0]!.path,
        state: models[0]!.state,
      });
    });

    it('keeps positions above 2^53 exact (bigint all the way)', async () => {
      const big = 2n ** 53n + 1n;
      await ctx.store.commitBatch([aModel('anna', big)], big);
      expect(await ctx.store.checkpoint()).toBe(big);
      expect((await ctx.store.clientPath('anna'))!.lastPosition).toBe(big);
      expect((await ctx.store.getClients(['anna'])).get('anna')!.lastPosition).toBe(big);
      expect((await ctx.store.clientDocuments('anna'))!.lastPosition).toBe(big);
    });

    it("replaces a client's derived rows on the next commit and leaves others alone", async () => {
      await ctx.store.commitBatch(fixture(), 12n);
      await ctx.store.commitBatch([aModel('anna', 20n)], 20n);
      expect(await ctx.store.caseload('officer-1')).toEqual([expect.objectContaining({ clientId: 'ben' })]);
      expect(await ctx.store.clientCompensation('anna')).toEqual([]);
      expect((await ctx.store.clientCompensation('ben')).length).toBe(2);
      expect((await ctx.store.clientPath('anna'))!.lastPosition).toBe(20n);
      expect(await ctx.store.clientDocuments('anna')).toEqual({
        lastPosition: 20n,
        path: aModel('anna', 20n).path,
        state: aModel('anna', 20n).state,
      });
    });

    it('rolls back the whole batch when one model fails to serialise', async () => {
      await ctx.store.commitBatch(fixture(), 12n);
      const bad = aModel('zed', 30n, { path: { oops: 1n } as unknown as Record<string, unknown> });
      await expect(ctx.store.commitBatch([aModel('anna', 30n), bad], 30n)).rejects.toThrow(/BigInt/);
      expect(await ctx.store.checkpoint()).toBe(12n);
      expect((await ctx.store.clientPath('anna'))!.lastPosition).toBe(10n);
    });

    it('refuses to move the checkpoint backwards (a second writer)', async () => {
      await ctx.store.commitBatch(fixture(), 12n);
      await expect(ctx.store.commitBatch([aModel('anna', 5n)], 5n)).rejects.toBeInstanceOf(CheckpointRegressionError);
      expect((await ctx.store.clientPath('anna'))!.lastPosition).toBe(10n);
    });

    it('reset empties every model and the checkpoint', async () => {
      await ctx.store.commitBatch(fixture(), 12n);
      await ctx.store.reset();
      expect(await ctx.store.checkpoint()).toBe(0n);
      expect((await ctx.store.getClients(['anna', 'ben', 'cai'])).size).toBe(0);
      expect(await ctx.store.clientDocuments('anna')).toBeNull();
      expect(await ctx.store.caseload('officer-1')).toEqual([]);
      expect(await ctx.store.worklist({ organisationId: 'org-a', dueOnOrBefore: '2099-12-31' })).toEqual([]);
      expect(await ctx.store.outcomeStats({})).toEqual([]);
      expect(await ctx.store.compensationLedger({})).toEqual([]);
      await ctx.store.commitBatch([aModel('anna', 3n)], 3n); // usable again from 0
      expect(await ctx.store.checkpoint()).toBe(3n);
    });

    it('persists across reopen', async () => {
      await ctx.store.commitBatch(fixture(), 12n);
      const reopened = await ctx.reopen();
      expect(await reopened.checkpoint()).toBe(12n);
      expect((await reopened.getClients(['anna'])).get('anna')).toEqual(fixture()[0]);
    });
  });
}
