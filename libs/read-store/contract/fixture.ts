import type { ClientReadModel, OutcomeRow } from '../model.js';

/** Test data for the read-store contract: a model with small path/state documents. */
export const aModel = (
  clientId: string,
  lastPosition: bigint,
  extra: Partial<ClientReadModel> = {},
): ClientReadModel => ({
  clientId,
  lastPosition,
  path: { clientId, steps: [clientId, Number(lastPosition)] },
  state: { seen: Number(lastPosition) },
  caseload: [],
  deadlines: [],
  outcomes: [],
  compensation: [],
  search: null,
  ...extra,
});

const outcome = (clientId: string, periodId: string, o: Partial<OutcomeRow>): OutcomeRow => ({
  clientId,
  periodId,
  serviceType: 'kuty',
  providerId: 'prov-1',
  organisationId: 'org-a',
  startDate: '2025-01-01',
  endDate: '2025-03-15',
  endReason: 'employment',
  continuation: 'open_labour_market',
  ...o,
});

/** Three clients with rows in every table. */
export function readModelFixture(): ClientReadModel[] {
  const anna = aModel('anna', 10n, {
    path: { clientId: 'anna', name: 'Anna Äärelä', nested: { list: [1, 2.5, true, null, 'ö'] } },
    // A carried state with a sealed decision state, as the projector stores one (decision-snapshot.ts).
    state: {
      seen: 10,
      streamVersion: '7',
      domainJson: '{"clientId":"anna","note":"Äärelä \\"quoted\\"\\n","periods":[1,2.5,null]}',
      domainSeal: 'c2VhbC1vZi1hbm5h',
    },
    caseload: [
      {
        clientId: 'anna',
        personId: 'officer-1',
        personName: 'Olli',
        organisationId: 'org-a',
        role: 'responsible_officer',
        since: '2025-01-02',
        lead: true,
      },
      {
        clientId: 'anna',
        personId: 'instr-9',
        personName: 'Iida',
        organisationId: 'prov-1',
        role: 'own_instructor',
        since: '2025-02-01',
        lead: false,
      },
    ],
    deadlines: [
      {
        clientId: 'anna',
        organisationId: 'org-a',
        kind: 'plan_review_due',
        dueDate: '2025-04-01',
        refId: 'plan-1',
        description: 'review',
      },
      {
        clientId: 'anna',
        organisationId: 'org-a',
        kind: 'goal_review_due',
        dueDate: '2025-06-01',
        refId: 'per-1',
        description: 'goal',
      },
    ],
    outcomes: [
      outcome('anna', 'per-1', {}),
      outcome('anna', 'per-2', { endDate: '2025-04-02', endReason: 'studies', continuation: 'studies' }),
    ],
    compensation: [
      {
        clientId: 'anna',
        periodId: 'per-1',
        month: '2025-02',
        payer: 'kela',
        component: 'daily_compensation',
        attendedDays: 10,
        euros: 105.1,
      },
      {
        clientId: 'anna',
        periodId: 'per-1',
        month: '2025-02',
        payer: 'kela',
        component: 'travel',
        attendedDays: 10,
        euros: 35,
      },
      {
        clientId: 'anna',
        periodId: 'per-1',
        month: '2025-03',
        payer: 'kela',
        component: 'daily_compensation',
        attendedDays: 5,
        euros: 52.55,
      },
    ],
    search: {
      clientId: 'anna',
      identityCode: '010190-123A',
      fullName: 'Anna Äärelä',
      birthDate: '1990-01-01',
      municipality: 'Pori',
      nameWords: ['anna', 'aarela'],
      holders: [
        { organisationId: 'org-a', personId: null },
        { organisationId: null, personId: 'officer-1' },
      ],
      identityViewers: [
        { organisationId: 'org-a', until: '9999-12-31' },
        { organisationId: 'org-b', until: '2025-06-30' },
      ],
    },
  });
  const ben = aModel('ben', 12n, {
    caseload: [
      {
        clientId: 'ben',
        personId: 'officer-1',
        personName: 'Olli',
        organisationId: 'org-a',
        role: 'responsible_officer',
        since: '2025-01-01',
        lead: false,
      },
    ],
    deadlines: [
      {
        clientId: 'ben',
        organisationId: 'org-a',
        kind: 'referral_unanswered',
        dueDate: '2025-03-20',
        refId: 'ref-1',
        description: 'answer',
      },
      {
        clientId: 'ben',
        organisationId: 'org-b',
        kind: 'plan_review_due',
        dueDate: '2025-01-01',
        refId: 'plan-9',
        description: 'other org',
      },
    ],
    outcomes: [outcome('ben', 'per-7', { endDate: '2025-03-30' })],
    compensation: [
      {
        clientId: 'ben',
        periodId: 'per-7',
        month: '2025-02',
        payer: 'kela',
        component: 'daily_compensation',
        attendedDays: 3,
        euros: 0.1,
      },
      {
        clientId: 'ben',
        periodId: 'per-7',
        month: '2025-02',
        payer: 'wellbeing_county',
        component: 'daily_compensation',
        attendedDays: 4,
        euros: 0.2,
      },
    ],
  });
  const cai = aModel('cai', 11n, {
    outcomes: [outcome('cai', 'per-3', { providerId: 'prov-2', organisationId: 'org-b', serviceType: 'work_trial' })],
  });
  return [anna, ben, cai];
}
