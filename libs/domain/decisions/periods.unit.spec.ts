import { ruleSetOn, type RuleSet } from '../rule-sets/index.js';
import { decide } from './index.js';
import {
  contextOf,
  History,
  KUTY,
  kutyItems,
  periodData,
  providerRef,
  violation,
  type PeriodData,
} from '../test-support/index.js';

// Kuty period shape (law 189/2001): 3–24 months, 1–4 days a week, 4–8 hours a day, ≤ 32 h a week, no company.
// The plan here allows more than the law, so each refusal below is the law's, not the plan's.
const widePlan = () =>
  new History()
    .registered()
    .benefit()
    .employmentPlan()
    .activationPlan({ kuty: kutyItems({ daysPerWeek: 7, hoursPerDay: 24, lengthMonths: 36 }) })
    .typStarted()
    .referral()
    .referralAccepted();
const start = (over: Partial<PeriodData>, ctx = contextOf('county')) =>
  decide(
    { type: 'StartServicePeriod', data: periodData({ referralId: 'referral-1', ...over }) },
    widePlan().state(),
    ctx,
  );
const ok = (over: Partial<PeriodData>, ctx?: ReturnType<typeof contextOf>) =>
  expect(start(over, ctx)).toEqual([expect.objectContaining({ type: 'ServicePeriodStarted' })]);
const ruleOf = (over: Partial<PeriodData>, ctx?: ReturnType<typeof contextOf>) =>
  violation(() => start(over, ctx)).rule;

describe('kuty length 3 to 24 months (start 2025-01-15)', () => {
  it('allows a planned end of 2025-04-14 (exactly 3 months)', () => ok({ plannedEndDate: '2025-04-14' }));
  it('refuses a planned end of 2025-04-13 (under 3 months)', () =>
    expect(ruleOf({ plannedEndDate: '2025-04-13' })).toBe('service_period.min_length'));
  it('allows a planned end of 2027-01-14 (exactly 24 months)', () => ok({ plannedEndDate: '2027-01-14' }));
  it('refuses a planned end of 2027-01-15 (over 24 months)', () =>
    expect(ruleOf({ plannedEndDate: '2027-01-15' })).toBe('service_period.max_length'));
  it('refuses a planned end before the start', () =>
    expect(ruleOf({ plannedEndDate: '2025-01-14' })).toBe('service_period.end_before_start'));
});

describe('kuty 1 to 4 days a week', () => {
  it('refuses 0 days a week', () => expect(ruleOf({ daysPerWeek: 0 })).toBe('service_period.days_per_week'));
  it('allows 1 day a week', () => ok({ daysPerWeek: 1 }));
  it('allows 4 days a week', () => ok({ daysPerWeek: 4 }));
  it('refuses 5 days a week', () => expect(ruleOf({ daysPerWeek: 5 })).toBe('service_period.days_per_week'));
  it('refuses a kuty period without days a week', () =>
    expect(ruleOf({ daysPerWeek: undefined })).toBe('service_period.days_per_week'));
});

describe('kuty 4 to 8 hours a day', () => {
  it('refuses 3 hours a day', () => expect(ruleOf({ hoursPerDay: 3 })).toBe('service_period.hours_per_day'));
  it('allows 4 hours a day', () => ok({ hoursPerDay: 4 }));
  it('allows 8 hours a day', () => ok({ hoursPerDay: 8 }));
  it('refuses 9 hours a day', () => expect(ruleOf({ hoursPerDay: 9 })).toBe('service_period.hours_per_day'));
});

describe('kuty at most 32 hours a week', () => {
  // Under the law 4 × 8 = 32 is the ceiling anyway; a rule set allowing 10-hour days makes 32 exceedable.
  const base = ruleSetOn('2025-01-15');
  const longDays: RuleSet = {
    ...base,
    id: 'test-long-days',
    serviceTypes: base.serviceTypes.map((t) => (t.code === KUTY ? { ...t, hoursPerDay: { min: 4, max: 10 } } : t)),
  };
  const ctx = () => contextOf('county', { ruleSetFor: () => longDays });
  it('allows 4 days × 8 hours = 32 hours a week', () => ok({ daysPerWeek: 4, hoursPerDay: 8 }, ctx()));
  it('refuses 4 days × 9 hours = 36 hours a week', () => {
    const e = violation(() => start({ daysPerWeek: 4, hoursPerDay: 9 }, ctx()));
    expect(e.rule).toBe('service_period.hours_per_week');
    expect(e.details).toEqual({ max: 32 });
  });
  it('allows 3 days × 10 hours = 30 hours a week', () => ok({ daysPerWeek: 3, hoursPerDay: 10 }, ctx()));
});

describe('kuty never in a company', () => {
  it('allows an association as the provider', () => ok({ provider: providerRef('association') }));
  it('allows a foundation as the provider', () =>
    ok({ provider: { ...providerRef('association'), providerKind: 'foundation' } }));
  it('refuses a company as the provider', () => {
    const e = violation(() => start({ provider: providerRef('company') }));
    expect(e.rule).toBe('service_period.forbidden_provider_kind');
    expect(e.field).toBe('data.provider.providerKind');
  });
  it('allows a company for a work trial', () =>
    ok({
      periodId: 'trial-1',
      serviceType: 'work_trial',
      provider: providerRef('company'),
      referralId: undefined,
      planId: undefined,
      plannedEndDate: '2025-07-14',
      daysPerWeek: undefined,
      hoursPerDay: undefined,
    }));
  it('refuses a work trial over its 6-month maximum', () =>
    expect(
      ruleOf({
        serviceType: 'work_trial',
        provider: providerRef('company'),
        referralId: undefined,
        plannedEndDate: '2025-07-15',
      }),
    ).toBe('service_period.max_length'));
  it('refuses an unknown service type', () =>
    expect(ruleOf({ serviceType: 'basket_weaving' })).toBe('service_type.unknown'));
});
