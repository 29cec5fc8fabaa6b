/// <reference types="jest" />
import type { ReadStoreContext } from './context.js';
import { readModelFixture as fixture } from './fixture.js';

export function queriesContract(ctx: ReadStoreContext): void {
  describe('queries', () => {
    beforeEach(async () => {
      await ctx.store.commitBatch(fixture(), 12n);
    });

    it('caseloadCounts: clients per person and role of one organisation', async () => {
      expect(await ctx.store.caseloadCounts('org-a')).toEqual([
        { personId: 'officer-1', personName: 'Olli', role: 'responsible_officer', clients: 2 },
      ]);
      expect(await ctx.store.caseloadCounts('prov-1')).toEqual([
        { personId: 'instr-9', personName: 'Iida', role: 'own_instructor', clients: 1 },
      ]);
      expect(await ctx.store.caseloadCounts('nobody')).toEqual([]);
    });

    it('caseload: rows of one person, oldest assignment first', async () => {
      const rows = await ctx.store.caseload('officer-1');
      expect(rows.map((r) => [r.clientId, r.since])).toEqual([
        ['ben', '2025-01-01'],
        ['anna', '2025-01-02'],
      ]);
      expect(rows[0]).toEqual(fixture()[1]!.caseload[0]);
      expect(await ctx.store.caseload('nobody')).toEqual([]);
    });

    it('worklist: one organisation, due on or before the date, optional kinds', async () => {
      const due = await ctx.store.worklist({ organisationId: 'org-a', dueOnOrBefore: '2025-04-01' });
      expect(due.map((r) => r.refId)).toEqual(['ref-1', 'plan-1']);
      const all = await ctx.store.worklist({ organisationId: 'org-a', dueOnOrBefore: '2099-12-31', kinds: [] });
      expect(all.map((r) => r.refId)).toEqual(['ref-1', 'plan-1', 'per-1']);
      const kinds = await ctx.store.worklist({
        organisationId: 'org-a',
        dueOnOrBefore: '2099-12-31',
        kinds: ['goal_review_due', 'plan_review_due'],
      });
      expect(kinds.map((r) => r.refId)).toEqual(['plan-1', 'per-1']);
      expect(kinds[0]).toEqual(fixture()[0]!.deadlines[0]);
    });

    it('worklist pages: limit, then the rows after the last one seen, in worklist order', async () => {
      const all = await ctx.store.worklist({ organisationId: 'org-a', dueOnOrBefore: '2099-12-31' });
      const first = await ctx.store.worklist({ organisationId: 'org-a', dueOnOrBefore: '2099-12-31', limit: 2 });
      expect(first).toEqual(all.slice(0, 2));
      const last = first[1]!;
      const rest = await ctx.store.worklist({
        organisationId: 'org-a',
        dueOnOrBefore: '2099-12-31',
        limit: 2,
        after: { dueDate: last.dueDate, clientId: last.clientId, kind: last.kind, refId: last.refId },
      });
      expect(rest).toEqual(all.slice(2));
      const end = rest.at(-1)!;
      expect(
        await ctx.store.worklist({
          organisationId: 'org-a',
          dueOnOrBefore: '2099-12-31',
          limit: 2,
          after: { dueDate: end.dueDate, clientId: end.clientId, kind: end.kind, refId: end.refId },
        }),
      ).toEqual([]);
    });

    it('outcomeStats: grouped by reason, continuation, service, provider, organisation and month', async () => {
      expect(await ctx.store.outcomeStats({})).toEqual([
        {
          endReason: 'employment',
          continuation: 'open_labour_market',
          serviceType: 'kuty',
          providerId: 'prov-1',
          organisationId: 'org-a',
          month: '2025-03',
          periods: 2,
        },
        {
          endReason: 'employment',
          continuation: 'open_labour_market',
          serviceType: 'work_trial',
          providerId: 'prov-2',
          organisationId: 'org-b',
          month: '2025-03',
          periods: 1,
        },
        {
          endReason: 'studies',
          continuation: 'studies',
          serviceType: 'kuty',
          providerId: 'prov-1',
          organisationId: 'org-a',
          month: '2025-04',
          periods: 1,
        },
      ]);
      expect((await ctx.store.outcomeStats({ organisationId: 'org-b' })).map((r) => r.periods)).toEqual([1]);
      expect(
        (await ctx.store.outcomeStats({ providerId: 'prov-1', serviceType: 'kuty' })).map((r) => r.periods),
      ).toEqual([2, 1]);
      expect(
        (await ctx.store.outcomeStats({ from: '2025-03-15', to: '2025-03-31' })).map((r) => [r.providerId, r.periods]),
      ).toEqual([
        ['prov-1', 2],
        ['prov-2', 1],
      ]);
      expect(
        (await ctx.store.outcomeStats({ from: '2025-03-16' })).map((r) => [r.providerId, r.month, r.periods]),
      ).toEqual([
        ['prov-1', '2025-03', 1],
        ['prov-1', '2025-04', 1],
      ]);
      expect(await ctx.store.outcomeStats({ serviceType: 'none' })).toEqual([]);
    });

    it('compensationLedger: per month, payer and component, exact cent sums and distinct clients', async () => {
      expect(await ctx.store.compensationLedger({})).toEqual([
        {
          month: '2025-02',
          payer: 'kela',
          component: 'daily_compensation',
          attendedDays: 13,
          euros: 105.2,
          clients: 2,
        },
        { month: '2025-02', payer: 'kela', component: 'travel', attendedDays: 10, euros: 35, clients: 1 },
        {
          month: '2025-02',
          payer: 'wellbeing_county',
          component: 'daily_compensation',
          attendedDays: 4,
          euros: 0.2,
          clients: 1,
        },
        { month: '2025-03', payer: 'kela', component: 'daily_compensation', attendedDays: 5, euros: 52.55, clients: 1 },
      ]);
      expect(await ctx.store.compensationLedger({ fromMonth: '2025-03' })).toEqual([
        { month: '2025-03', payer: 'kela', component: 'daily_compensation', attendedDays: 5, euros: 52.55, clients: 1 },
      ]);
      expect((await ctx.store.compensationLedger({ toMonth: '2025-02', payer: 'kela' })).map((r) => r.euros)).toEqual([
        105.2, 35,
      ]);
      expect((await ctx.store.compensationLedger({ component: 'travel' })).map((r) => r.euros)).toEqual([35]);
      expect((await ctx.store.compensationLedger({ clientId: 'ben' })).map((r) => r.payer)).toEqual([
        'kela',
        'wellbeing_county',
      ]);
    });

    it('clientDocuments: path, state and position of one client; null for an unknown one', async () => {
      const [anna, ben] = fixture();
      expect(await ctx.store.clientDocuments('anna')).toEqual({
        lastPosition: 10n,
        path: anna!.path,
        state: anna!.state,
      });
      expect(await ctx.store.clientDocuments('ben')).toEqual({ lastPosition: 12n, path: ben!.path, state: ben!.state });
      expect(await ctx.store.clientDocuments('nobody')).toBeNull();
    });

    it('decisionState: the decision state in a carried state, its text exactly as stored; nulls where there is none', async () => {
      const [anna] = fixture();
      const { streamVersion, domainJson, domainSeal } = anna!.state;
      expect(await ctx.store.decisionState('anna')).toEqual({
        lastPosition: 10n,
        streamVersion,
        domainJson,
        domainSeal,
      });
      expect(await ctx.store.decisionState('ben')).toEqual({
        lastPosition: 12n,
        streamVersion: null,
        domainJson: null,
        domainSeal: null,
      });
      expect(await ctx.store.decisionState('nobody')).toBeNull();
    });

    it("clientCompensation: one client's rows by month", async () => {
      expect(await ctx.store.clientCompensation('anna')).toEqual(fixture()[0]!.compensation);
      expect(await ctx.store.clientCompensation('cai')).toEqual([]);
    });
  });
}
