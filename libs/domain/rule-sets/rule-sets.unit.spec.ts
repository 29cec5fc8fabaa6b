import { decide } from '../decisions/index.js';
import { RULE_SETS, ruleSetOn, serviceTypeRules } from './index.js';
import { contextOf, History, KUTY, kutyItems, periodData, violation } from '../test-support/index.js';

// The law's history as dated rule sets: a decision uses the set in force on its business date.
const kuty = (date: string) => serviceTypeRules(ruleSetOn(date), KUTY)!;

describe('kuty days a week by date (4 from 1.7.2015, 5 before)', () => {
  it('allows 5 days a week on 2015-06-30', () => expect(kuty('2015-06-30').daysPerWeek).toEqual({ min: 1, max: 5 }));
  it('allows 4 days a week from 2015-07-01', () => expect(kuty('2015-07-01').daysPerWeek).toEqual({ min: 1, max: 4 }));
  const startOn = (startDate: string, plannedEndDate: string) =>
    decide(
      {
        type: 'StartServicePeriod',
        data: periodData({
          startDate,
          plannedEndDate,
          daysPerWeek: 5,
          hoursPerDay: 6,
          referralId: undefined,
          planId: 'activation-1',
        }),
      },
      new History()
        .registered()
        .employmentPlan('employment-1', '2015-01-01')
        .activationPlan({
          agreedOn: '2015-01-02',
          kuty: kutyItems({ startDate, daysPerWeek: 5, lengthMonths: 6, assessmentDate: plannedEndDate }),
        })
        .state(),
      contextOf('county'),
    );
  it('starts a 5-day period on 2015-06-30', () => expect(startOn('2015-06-30', '2015-12-29')).toHaveLength(1));
  it('refuses a 5-day period on 2015-07-01', () =>
    expect(violation(() => startOn('2015-07-01', '2015-12-30')).rule).toBe('service_period.days_per_week'));
});

describe('the 702/2020 plan items (mandatory from 1.1.2021)', () => {
  const startOn = (date: string) =>
    decide(
      {
        type: 'StartServicePeriod',
        data: periodData({
          startDate: date,
          plannedEndDate: '2021-06-29',
          referralId: undefined,
          planId: 'activation-1',
        }),
      },
      new History()
        .registered()
        .employmentPlan('employment-1', '2020-01-01')
        .activationPlan({ agreedOn: '2020-06-01', kuty: null })
        .state(),
      contextOf('county'),
    );
  it('starts a period on a plan without the items on 2020-12-31', () => expect(startOn('2020-12-31')).toHaveLength(1));
  it('refuses a period on a plan without the items on 2021-01-01', () =>
    expect(violation(() => startOn('2021-01-01')).rule).toBe('kuty.plan_items_missing'));
});

describe('every rule set names its change and the source of its numbers', () => {
  it('lists the sets in date order from 2015', () =>
    expect(RULE_SETS.map((s) => s.validFrom)).toEqual([
      '2015-01-01',
      '2015-07-01',
      '2021-01-01',
      '2023-01-01',
      '2025-01-01',
      '2026-01-01',
    ]));
  it.each(RULE_SETS.map((s) => [s.id, s] as const))(
    '%s has a change line and sources for its parameters',
    (_id, set) => {
      expect(set.change.length).toBeGreaterThan(10);
      for (const key of [
        'planReviewIntervalMonths',
        'typRetentionYears',
        'otherRecordsRetentionYears',
        'caseloadCapacity',
        'activationEligibility',
      ]) {
        expect(set.sources[key]).toEqual(
          expect.objectContaining({ source: expect.any(String), checkedAgainstEnactedText: expect.any(Boolean) }),
        );
      }
    },
  );
  it('says that the HE 109/2025 set could not be checked against the enacted text', () =>
    expect(ruleSetOn('2026-06-30').sources.validFrom).toMatchObject({
      checkedAgainstEnactedText: false,
      note: expect.stringContaining('enacted text'),
    }));
  it('keeps caseload capacities per role as settings (TYP officer 27, kuty instructor 80)', () =>
    expect(ruleSetOn('2026-06-30').caseloadCapacity).toEqual({
      responsible_officer: 27,
      named_worker: 27,
      own_instructor: 80,
    }));
});
