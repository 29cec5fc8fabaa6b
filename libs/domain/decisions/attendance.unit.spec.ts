import type { ClientPathState } from '../client-path/index.js';
import { decide } from './index.js';
import {
  activityDays, contextOf, decideAndFold, History, kutyRunning, periodData, violation,
} from '../test-support/index.js';

// Attendance: ≤ 178 days in any 12 months and ≤ 4 days per ISO week, across all kuty periods.
const report = (state: ClientPathState, attendedDates: string[], periodId = 'period-1', hoursPerDay = 6) =>
  decide({ type: 'ReportAttendance', data: { periodId, attendedDates, hoursPerDay } }, state, contextOf('association'));

const days179 = activityDays('2025-01-15', 179); // Mon–Thu from 2025-01-15; day 178 is 2025-11-20

describe('at most 178 attended kuty days in any 12 months', () => {
  it('allows 178 attended days in 12 months', () => {
    expect(report(kutyRunning().state(), days179.slice(0, 178))).toEqual([
      expect.objectContaining({ type: 'AttendanceReported', occurredAt: '2025-11-20' }),
    ]);
  });
  it('refuses 179 attended days in 12 months', () => {
    const e = violation(() => report(kutyRunning().state(), days179));
    expect(e.rule).toBe('kuty.activity_days_in_12_months');
    expect(e.details).toEqual({ days: 179, max: 178, windowEnd: '2025-11-24' });
  });
  it('refuses the 179th day when 178 are already on record', () => {
    const h = kutyRunning().attendance('period-1', days179.slice(0, 178));
    expect(violation(() => report(h.state(), ['2025-11-24'])).rule).toBe('kuty.activity_days_in_12_months');
  });
});

describe('the 12-month window across two kuty periods', () => {
  // Period 1: 178 days 2025-01-15 … 2025-11-20, ended 2025-11-30. Period 2 starts 2025-12-01.
  const twoPeriods = (): ClientPathState => {
    const first = kutyRunning().attendance('period-1', days179.slice(0, 178)).periodEnded('period-1', '2025-11-30').state();
    const cmd = { type: 'StartServicePeriod' as const, data: periodData({
      periodId: 'period-2', startDate: '2025-12-01', plannedEndDate: '2026-02-28', referralId: undefined }) };
    return decideAndFold(cmd, first, contextOf('county'));
  };
  it('refuses a day on 2026-01-14 in period 2: all 178 days of period 1 are still in the window', () => {
    const e = violation(() => report(twoPeriods(), ['2026-01-14'], 'period-2'));
    expect(e.rule).toBe('kuty.activity_days_in_12_months');
    expect(e.details).toEqual({ days: 179, max: 178, windowEnd: '2026-01-14' });
  });
  it('allows a day on 2026-01-15 in period 2: 2025-01-15 has dropped out of the window', () => {
    expect(report(twoPeriods(), ['2026-01-15'], 'period-2')).toHaveLength(1);
  });
});

describe('at most 4 attendance days per ISO week, across periods', () => {
  // Period 1 attends Mon–Wed 3–5 March 2025 and ends; period 2 starts Thursday 6 March.
  const splitWeek = () => kutyRunning()
    .attendance('period-1', ['2025-03-03', '2025-03-04', '2025-03-05']).periodEnded('period-1', '2025-03-05')
    .periodStarted({ periodId: 'period-2', startDate: '2025-03-06', plannedEndDate: '2025-06-05', referralId: undefined })
    .state();
  it('allows a 4th day in the week in the second period', () => {
    expect(report(splitWeek(), ['2025-03-06'], 'period-2')).toHaveLength(1);
  });
  it('refuses a 5th day in the week in the second period', () => {
    const e = violation(() => report(splitWeek(), ['2025-03-06', '2025-03-07'], 'period-2'));
    expect(e.rule).toBe('service_period.days_per_week');
    expect(e.details).toEqual({ max: 4 });
  });
  it('refuses 5 days of one week in one report', () => {
    const week = ['2025-03-03', '2025-03-04', '2025-03-05', '2025-03-06', '2025-03-07'];
    expect(violation(() => report(kutyRunning().state(), week)).rule).toBe('service_period.days_per_week');
  });
});

describe('attendance within the period', () => {
  it('refuses an attended day of 3 hours', () => {
    expect(violation(() => report(kutyRunning().state(), ['2025-01-20'], 'period-1', 3)).rule).toBe('service_period.hours_per_day');
  });
  it('allows an attended day of 4 hours', () => {
    expect(report(kutyRunning().state(), ['2025-01-20'], 'period-1', 4)).toHaveLength(1);
  });
  it('refuses a day before the period started', () => {
    expect(violation(() => report(kutyRunning().state(), ['2025-01-14'])).rule).toBe('attendance.outside_period');
  });
  it('refuses a day after the period ended', () => {
    const h = kutyRunning().periodEnded('period-1', '2025-03-05');
    expect(violation(() => report(h.state(), ['2025-03-06'])).rule).toBe('attendance.outside_period');
  });
  it('refuses a date already reported', () => {
    const h = kutyRunning().attendance('period-1', ['2025-01-20']);
    expect(violation(() => report(h.state(), ['2025-01-20'])).rule).toBe('attendance.duplicate_date');
  });
  it('refuses a day after a pause began', () => {
    const h = kutyRunning().periodPaused('period-1', '2025-02-01');
    expect(violation(() => report(h.state(), ['2025-02-03'])).rule).toBe('attendance.while_paused');
  });
  it('allows a day before the pause began', () => {
    expect(report(kutyRunning().periodPaused('period-1', '2025-02-01').state(), ['2025-01-30'])).toHaveLength(1);
  });
  describe('24-month maximum of a period started 2024-06-03', () => {
    const longPeriod = () => new History().registered().benefit().employmentPlan().activationPlan({ agreedOn: '2024-06-01' })
      .periodStarted({ startDate: '2024-06-03', plannedEndDate: '2026-06-02', referralId: undefined }).state();
    it('allows attendance on the last day, 2026-06-02', () => expect(report(longPeriod(), ['2026-06-02'])).toHaveLength(1));
    it('refuses attendance on 2026-06-03, past 24 months', () =>
      expect(violation(() => report(longPeriod(), ['2026-06-03'])).rule).toBe('service_period.max_length'));
  });
});
