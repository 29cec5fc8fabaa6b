import type { PolkuDomainEvent } from '../../events/index.js';
import { evolve, initialState } from './index.js';
import { CLIENT_ID, eventOf, fold, History, kutyRunning, ORG } from '../test-support/index.js';

// Folding a realistic history rebuilds the client's cross-organisation path.
const realistic = () =>
  kutyRunning()
    .add(
      'ConsentGiven',
      { consentId: 'c1', scope: { organisationIds: [], dataKinds: ['plans', 'attendance'] } },
      'county',
      '2025-01-02',
    )
    .add(
      'ServiceNeedAssessmentRecorded',
      { assessmentId: 'a1', assessedOn: '2025-01-03', needs: ['work ability'] },
      'county',
    )
    .officerAssigned('anna', '2025-01-05')
    .add(
      'OwnInstructorAssigned',
      { periodId: 'period-1', instructorId: 'i1', instructorName: 'Ilona', assignedOn: '2025-01-15' },
      'association',
    )
    .attendance('period-1', ['2025-01-22', '2025-01-20'])
    .attendance('period-1', ['2025-01-16'])
    .add(
      'GoalReviewHeld',
      {
        periodId: 'period-1',
        heldOn: '2025-04-10',
        assessment: 'ok',
        participants: { client: true, responsibleOfficerId: 'anna', ownInstructorId: 'i1' },
      },
      'association',
    )
    .periodPaused('period-1', '2025-05-01')
    .add('ServicePeriodResumed', { periodId: 'period-1', resumedOn: '2025-05-15' }, 'association')
    .officerAssigned('bertta', '2025-06-01', 'county')
    .periodEnded('period-1', '2025-07-14')
    .typEnded('2025-09-30', 'employment');

describe('evolve over a realistic history', () => {
  const s = realistic().state();

  it('knows the registered client and birth date', () => {
    expect(s).toMatchObject({ clientId: CLIENT_ID, registered: true, birthDate: '1985-05-10' });
  });
  it('moves the ended TYP relationship to pastTypRelationships', () => {
    expect(s.typ).toBeNull();
    expect(s.pastTypRelationships).toEqual([
      expect.objectContaining({
        relationshipId: 'typ-1',
        startDate: '2025-01-02',
        endDate: '2025-09-30',
        endReason: 'employment',
      }),
    ]);
  });
  it('keeps the plans by kind', () => {
    expect(Object.values(s.plans).map((p) => [p.planId, p.kind])).toEqual([
      ['employment-1', 'employment'],
      ['activation-1', 'activation'],
    ]);
    expect(s.plans['activation-1'].kuty?.providerKind).toBe('association');
  });
  it('records the referral as accepted', () => {
    expect(s.referrals['referral-1']).toMatchObject({
      status: 'accepted',
      answeredOn: '2025-01-10',
      from: { organisationId: ORG.county.organisationId },
    });
  });
  it('rebuilds the ended kuty period with sorted attended dates, goal review and own instructor', () => {
    expect(s.periods['period-1']).toMatchObject({
      family: 'rehabilitative_work_activity',
      status: 'ended',
      endDate: '2025-07-14',
      endReason: 'planned_end',
      attendedDates: ['2025-01-16', '2025-01-20', '2025-01-22'],
      lastGoalReviewOn: '2025-04-10',
      pauses: [{ from: '2025-05-01', to: '2025-05-14' }],
    });
  });
  it('names the own instructor (a legacy event) for the period, until it ended', () => {
    expect(s.peopleHistory.find((p) => p.personId === 'i1')).toMatchObject({
      role: 'own_instructor',
      periodId: 'period-1',
      from: '2025-01-15',
      to: '2025-07-14',
    });
  });
  it("keeps each organisation's officer: the county's does not end the employment area's (legacy events)", () => {
    expect(s.people.map((h) => [h.personId, h.role, h.organisation.organisationId, h.from, h.to])).toEqual([
      ['anna', 'responsible_officer', ORG.employment.organisationId, '2025-01-05', undefined],
      ['bertta', 'named_worker', ORG.county.organisationId, '2025-06-01', undefined],
    ]);
    expect(s.leadOfficerId).toBe('bertta');
  });
  it('remembers the benefit history and the last event date', () => {
    expect(s.benefitHistory).toEqual([{ from: '2025-01-01', benefit: 'labour_market_subsidy' }]);
    expect(s.lastEventOn).toBe('2025-09-30');
  });
  it('keeps consents, assessments and the benefit status', () => {
    expect(s.consents.c1).toMatchObject({ givenOn: '2025-01-02', givenTo: ORG.county.organisationId });
    expect(s.assessmentIds).toEqual(['a1']);
    expect(s.benefit?.currentBenefit).toBe('labour_market_subsidy');
  });
});

describe('evolve edge cases', () => {
  it('pauses and resumes a period, keeping the pause as an interval', () => {
    const paused = kutyRunning().periodPaused('period-1', '2025-03-01');
    expect(paused.state().periods['period-1']).toMatchObject({
      status: 'paused',
      pausedOn: '2025-03-01',
      pauses: [{ from: '2025-03-01' }],
    });
    const resumed = paused.add(
      'ServicePeriodResumed',
      { periodId: 'period-1', resumedOn: '2025-03-10' },
      'association',
    );
    expect(resumed.state().periods['period-1']).toMatchObject({
      status: 'active',
      pauses: [{ from: '2025-03-01', to: '2025-03-09' }],
    });
    expect(resumed.state().periods['period-1'].pausedOn).toBeUndefined();
  });
  it('ignores events about an unknown period', () => {
    const before = kutyRunning().state();
    expect(
      evolve(
        before,
        eventOf('AttendanceReported', { periodId: 'ghost', attendedDates: ['2025-02-03'], hoursPerDay: 6 }),
      ).periods,
    ).toEqual(before.periods);
  });
  it('ignores the release of an officer who is not named (legacy event)', () => {
    const h = new History().registered().officerAssigned('anna', '2025-01-05');
    const s = h.add('ResponsibleOfficerReleased', { officerId: 'someone-else', releasedOn: '2025-02-01' }).state();
    expect(s.people.map((p) => p.personId)).toEqual(['anna']);
  });
  it('ignores an event type it does not know', () => {
    const before = new History().registered().state();
    const alien = {
      ...eventOf('PlanReviewed', { planId: 'x', reviewedOn: '2025-01-01', requestedByClient: false, outcome: '' }),
      type: 'Alien',
    };
    expect(evolve(before, alien as unknown as PolkuDomainEvent)).toBe(before);
  });
  it('does not mutate the state it folds from', () => {
    const before = kutyRunning().state();
    const snapshot = JSON.stringify(before);
    fold(new History().attendance('period-1', ['2025-01-20']).periodEnded('period-1', '2025-02-01').events, before);
    expect(JSON.stringify(before)).toBe(snapshot);
  });
  it('starts from an empty, unregistered state', () => {
    expect(initialState()).toMatchObject({
      clientId: null,
      registered: false,
      typ: null,
      people: [],
      peopleHistory: [],
      leadOfficerId: null,
    });
  });
});
