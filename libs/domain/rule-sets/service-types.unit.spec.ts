import { decide } from '../decisions/index.js';
import { ruleSetOn, RULE_SETS, serviceTypeRules, type RuleSet } from './index.js';
import {
  contextOf,
  History,
  KUTY,
  kutyItems,
  kutyReady,
  periodData,
  violation,
  type PeriodData,
} from '../test-support/index.js';

// Service types are data: a family (disability work activity) or a new type needs no core code.
const DWA = 'disability_work_activity';
const dwa = (over: Partial<PeriodData> = {}): Partial<PeriodData> => ({
  periodId: 'dwa-1',
  serviceType: DWA,
  planId: undefined,
  referralId: undefined,
  startDate: '2025-01-15',
  daysPerWeek: 5,
  hoursPerDay: 5,
  ...over,
});
const start = (h: History, over: Partial<PeriodData>, ctx = contextOf('county')) =>
  decide({ type: 'StartServicePeriod', data: periodData(over) }, h.state(), ctx);

describe('disability work activity: its own family, no 24-month cap', () => {
  const client = () => new History().registered();
  it('allows a 30-month disability work activity period', () =>
    expect(start(client(), dwa({ plannedEndDate: '2027-07-14' }))).toEqual([
      expect.objectContaining({ type: 'ServicePeriodStarted' }),
    ]));
  it('refuses a 30-month kuty period (24-month cap)', () =>
    expect(violation(() => start(kutyReady(), { plannedEndDate: '2027-07-14' })).rule).toBe(
      'service_period.max_length',
    ));
  it('allows 5 days a week in disability work activity', () =>
    expect(start(client(), dwa({ plannedEndDate: '2027-07-14', daysPerWeek: 5 }))).toHaveLength(1));
  it('refuses 7 hours a day in disability work activity (max 6)', () =>
    expect(violation(() => start(client(), dwa({ plannedEndDate: '2027-07-14', hoursPerDay: 7 }))).rule).toBe(
      'service_period.hours_per_day',
    ));
  it('needs no activation plan', () =>
    expect(serviceTypeRules(ruleSetOn('2025-01-15'), DWA)).toMatchObject({ family: DWA, maxMonths: null }));
  it('rests on no plan', () => expect(serviceTypeRules(ruleSetOn('2025-01-15'), DWA)?.planBasis).toBeUndefined());
  it('records the period under its own family, so a kuty period may run alongside it', () => {
    const h = kutyReady().periodStarted(dwa({ plannedEndDate: '2027-07-14' }) as PeriodData);
    expect(h.state().periods['dwa-1'].family).toBe(DWA);
    expect(start(h, { referralId: 'referral-1' })).toHaveLength(1);
  });
});

describe('a new service type added as data through the rule set', () => {
  const base = ruleSetOn('2025-01-15');
  const withDayActivity: RuleSet = {
    ...base,
    id: 'test-day-activity',
    serviceTypes: [
      ...base.serviceTypes,
      {
        code: 'day_activity',
        name: 'Day activity',
        nameFi: 'päivätoiminta',
        family: 'day_activity',
        minMonths: 1,
        maxMonths: 12,
        forbiddenProviderKinds: ['company'],
        oneActivePeriodAtATime: true,
      },
    ],
  };
  const ctx = () => contextOf('county', { ruleSetFor: () => withDayActivity });
  const day = (over: Partial<PeriodData> = {}) =>
    dwa({ periodId: 'day-1', serviceType: 'day_activity', plannedEndDate: '2025-12-31', ...over });
  it('is unknown under the shipped rule sets', () =>
    expect(violation(() => start(new History().registered(), day())).rule).toBe('service_type.unknown'));
  it('starts under a rule set that lists it', () =>
    expect(start(new History().registered(), day(), ctx())).toHaveLength(1));
  it('applies its own limits (13 months over its 12-month cap)', () =>
    expect(violation(() => start(new History().registered(), day({ plannedEndDate: '2026-02-14' }), ctx())).rule).toBe(
      'service_period.max_length',
    ));
});

describe('a decision uses the rule set in force on its business date', () => {
  // A hypothetical amendment from 2025-06-01 caps kuty at 12 months.
  const inForce = ruleSetOn('2025-05-31');
  const amended: RuleSet = {
    ...inForce,
    id: 'test-amendment',
    validFrom: '2025-06-01',
    serviceTypes: inForce.serviceTypes.map((t) => (t.code === KUTY ? { ...t, maxMonths: 12 } : t)),
  };
  const ctx = () => contextOf('county', { ruleSetFor: (d) => ruleSetOn(d, [...RULE_SETS, amended]) });
  // the plan carries a 19-month kuty from 2025-05-31
  const planned = () =>
    new History()
      .registered()
      .benefit()
      .employmentPlan()
      .activationPlan({ kuty: kutyItems({ startDate: '2025-05-31', lengthMonths: 19, assessmentDate: '2026-11-30' }) })
      .referral()
      .referralAccepted();
  const eighteenMonths = (startDate: string, plannedEndDate: string) =>
    start(planned(), { referralId: 'referral-1', startDate, plannedEndDate }, ctx());
  it('allows 18 months for a period starting 2025-05-31 (before the amendment)', () =>
    expect(eighteenMonths('2025-05-31', '2026-11-30')).toHaveLength(1));
  it('refuses 18 months for a period starting 2025-06-01 (amendment in force)', () => {
    const e = violation(() => eighteenMonths('2025-06-01', '2026-11-30'));
    expect(e.rule).toBe('service_period.max_length');
    expect(e.details).toEqual({ maxMonths: 12 });
  });
});
