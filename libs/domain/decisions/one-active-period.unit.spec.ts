import { NotFoundInStreamError } from '../errors.js';
import { decide } from './index.js';
import {
  contextOf,
  History,
  kutyItems,
  kutyReady,
  kutyRunning,
  periodData,
  violation,
  withActivationPlan,
  type PeriodData,
} from '../test-support/index.js';

// One kuty period at a time; a period starts on an accepted referral only. The second period
// rests on a renewed plan whose kuty starts 2025-07-25 for 3 months.
const second = (over: Partial<PeriodData> = {}): Partial<PeriodData> => ({
  periodId: 'period-2',
  planId: 'activation-2',
  referralId: undefined,
  startDate: '2025-08-01',
  plannedEndDate: '2025-10-31',
  ...over,
});
const renewed = (h: History) =>
  h.activationPlan({
    planId: 'activation-2',
    agreedOn: '2025-07-01',
    kuty: kutyItems({ startDate: '2025-07-25', lengthMonths: 3, assessmentDate: '2025-10-31' }),
  });
const start = (h: History, over: Partial<PeriodData>) =>
  decide({ type: 'StartServicePeriod', data: periodData(over) }, h.state(), contextOf('county'));

describe('one active kuty period at a time', () => {
  it('refuses a second period while the first is active', () => {
    const e = violation(() => start(kutyRunning(), second()));
    expect(e.rule).toBe('service_period.one_active_at_a_time');
    expect(e.details).toEqual({ activePeriodId: 'period-1' });
  });
  it('refuses a second period while the first is paused', () => {
    expect(violation(() => start(kutyRunning().periodPaused('period-1', '2025-03-01'), second())).rule).toBe(
      'service_period.one_active_at_a_time',
    );
  });
  it('allows a second period after the first ended', () => {
    expect(start(renewed(kutyRunning().periodEnded('period-1', '2025-07-14')), second())).toEqual([
      expect.objectContaining({
        type: 'ServicePeriodStarted',
        data: expect.objectContaining({ periodId: 'period-2' }),
      }),
    ]);
  });
  it('refuses a second period starting on or before the day the first ended (overlap)', () => {
    const h = kutyRunning().periodEnded('period-1', '2025-07-14');
    expect(violation(() => start(h, second({ startDate: '2025-07-14', plannedEndDate: '2025-10-13' }))).rule).toBe(
      'service_period.one_active_at_a_time',
    );
  });
  it('allows the second period the day after the first ended', () => {
    const h = renewed(kutyRunning().periodEnded('period-1', '2025-07-14'));
    expect(start(h, second({ startDate: '2025-07-15', plannedEndDate: '2025-10-14' }))).toHaveLength(1);
  });
  it('allows another service family alongside an active kuty period', () => {
    expect(
      start(
        kutyRunning(),
        second({ serviceType: 'job_coaching', planId: undefined, daysPerWeek: undefined, hoursPerDay: undefined }),
      ),
    ).toHaveLength(1);
  });
});

describe('a period starts on an accepted referral', () => {
  const referred = () => withActivationPlan().typStarted().referral();
  it('allows a period on an accepted referral', () => {
    expect(start(referred().referralAccepted(), { referralId: 'referral-1' })).toHaveLength(1);
  });
  it('refuses a period on an open referral', () => {
    const e = violation(() => start(referred(), { referralId: 'referral-1' }));
    expect(e.rule).toBe('service_period.referral_not_accepted');
    expect(e.field).toBe('data.referralId');
  });
  it('refuses a period on a declined referral', () => {
    expect(violation(() => start(referred().referralDeclined(), { referralId: 'referral-1' })).rule).toBe(
      'service_period.referral_not_accepted',
    );
  });
  it('throws NotFoundInStreamError for an unknown referral', () => {
    expect(() => start(kutyReady(), { referralId: 'ghost' })).toThrow(NotFoundInStreamError);
  });
  it('refuses a duplicate period id', () => {
    expect(
      violation(() => start(kutyRunning().periodEnded('period-1', '2025-07-14'), second({ periodId: 'period-1' })))
        .rule,
    ).toBe('service_period.duplicate_id');
  });
});
