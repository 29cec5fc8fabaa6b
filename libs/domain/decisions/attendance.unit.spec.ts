import type { ClientPathState } from '../client-path/index.js';
import { decide } from './index.js';
import {
  activityDays,
  contextOf,
  decideAndFold,
  History,
  kutyItems,
  kutyRunning,
  periodData,
  violation,
} from '../test-support/index.js';

// Attendance: ≤ 178 days in any 12 months and ≤ 4 days per ISO week, across all kuty periods.
// What already happened is recorded; a day that breaks a limit is flagged as an exception, not refused.
const report = (state: ClientPathState, attendedDates: string[], periodId = 'period-1', hoursPerDay = 6) =>
  decide({ type: 'ReportAttendance', data: { periodId, attendedDates, hoursPerDay } }, state, contextOf('association'));
const exceptionsOf = (drafts: ReturnType<typeof report>) =>
  (drafts[0].data as { exceptions?: unknown[] }).exceptions ?? [];
const ruleOfException = (drafts: ReturnType<typeof report>) =>
  exceptionsOf(drafts).map((x) => (x as { rule: string }).rule);

const days179 = activityDays('2025-01-15', 179); // Mon–Thu from 2025-01-15; day 178 is 2025-11-20

describe('at most 178 attended kuty days in any 12 months', () => {
  it('records 178 attended days in 12 months without an exception', () => {
    const drafts = report(kutyRunning().state(), days179.slice(0, 178));
    expect(drafts).toEqual([expect.objectContaining({ type: 'AttendanceReported', occurredAt: '2025-11-20' })]);
    expect(exceptionsOf(drafts)).toEqual([]);
  });
  it('records 179 attended days in 12 months and flags the window as an exception', () => {
    expect(exceptionsOf(report(kutyRunning().state(), days179))).toEqual([
      {
        rule: 'kuty.activity_days_in_12_months',
        dates: days179,
        message: '179 activity days in the 12 months ending 2025-11-24 (max 178)',
      },
    ]);
  });
  it('flags the 179th day when 178 are already on record, and keeps it on the period', () => {
    const h = kutyRunning().attendance('period-1', days179.slice(0, 178));
    const after = decideAndFold(
      { type: 'ReportAttendance', data: { periodId: 'period-1', attendedDates: ['2025-11-24'], hoursPerDay: 6 } },
      h.state(),
      contextOf('association'),
    );
    expect(after.periods['period-1'].attendedDates).toHaveLength(179);
    expect(after.periods['period-1'].exceptions).toEqual([
      expect.objectContaining({ rule: 'kuty.activity_days_in_12_months', dates: ['2025-11-24'] }),
    ]);
  });
});

describe('the 12-month window across two kuty periods', () => {
  // Period 1: 178 days 2025-01-15 … 2025-11-20, ended 2025-11-30. Period 2 starts 2025-12-01.
  const twoPeriods = (): ClientPathState => {
    const first = kutyRunning()
      .attendance('period-1', days179.slice(0, 178))
      .periodEnded('period-1', '2025-11-30')
      .activationPlan({
        planId: 'activation-2',
        agreedOn: '2025-11-25',
        kuty: kutyItems({ startDate: '2025-12-01', lengthMonths: 3, assessmentDate: '2026-02-27' }),
      })
      .state();
    const cmd = {
      type: 'StartServicePeriod' as const,
      data: periodData({
        periodId: 'period-2',
        planId: 'activation-2',
        startDate: '2025-12-01',
        plannedEndDate: '2026-02-28',
        referralId: undefined,
      }),
    };
    return decideAndFold(cmd, first, contextOf('county'));
  };
  it('flags a day on 2026-01-14 in period 2: all 178 days of period 1 are still in the window', () => {
    expect(exceptionsOf(report(twoPeriods(), ['2026-01-14'], 'period-2'))).toEqual([
      {
        rule: 'kuty.activity_days_in_12_months',
        dates: ['2026-01-14'],
        message: '179 activity days in the 12 months ending 2026-01-14 (max 178)',
      },
    ]);
  });
  it('records a day on 2026-01-15 in period 2 without exception: 2025-01-15 has dropped out of the window', () => {
    expect(exceptionsOf(report(twoPeriods(), ['2026-01-15'], 'period-2'))).toEqual([]);
  });
});

describe('at most 4 attendance days per ISO week, across periods', () => {
  // Period 1 attends Mon–Wed 3–5 March 2025 and ends; period 2 starts Thursday 6 March.
  const splitWeek = () =>
    kutyRunning()
      .attendance('period-1', ['2025-03-03', '2025-03-04', '2025-03-05'])
      .periodEnded('period-1', '2025-03-05')
      .periodStarted({
        periodId: 'period-2',
        startDate: '2025-03-06',
        plannedEndDate: '2025-06-05',
        referralId: undefined,
      })
      .state();
  it('records a 4th day in the week in the second period without exception', () => {
    expect(exceptionsOf(report(splitWeek(), ['2025-03-06'], 'period-2'))).toEqual([]);
  });
  it('flags a 5th day in the week in the second period', () => {
    expect(exceptionsOf(report(splitWeek(), ['2025-03-06', '2025-03-07'], 'period-2'))).toEqual([
      {
        rule: 'service_period.days_per_week',
        dates: ['2025-03-06', '2025-03-07'],
        message: 'More than 4 activity days in week 2025-W10',
      },
    ]);
  });
  it('flags 5 days of one week in one report', () => {
    const week = ['2025-03-03', '2025-03-04', '2025-03-05', '2025-03-06', '2025-03-07'];
    expect(ruleOfException(report(kutyRunning().state(), week))).toEqual(['service_period.days_per_week']);
  });
});

describe('attendance within the period', () => {
  it('flags an attended day of 3 hours (shorter than the minimum)', () => {
    expect(ruleOfException(report(kutyRunning().state(), ['2025-01-20'], 'period-1', 3))).toEqual([
      'service_period.hours_per_day',
    ]);
  });
  it('records an attended day of 4 hours without exception', () => {
    expect(exceptionsOf(report(kutyRunning().state(), ['2025-01-20'], 'period-1', 4))).toEqual([]);
  });
  it('flags an attended day of 9 hours and records one of 8 without exception', () => {
    expect(ruleOfException(report(kutyRunning().state(), ['2025-01-20'], 'period-1', 9))).toEqual([
      'service_period.hours_per_day',
    ]);
    expect(exceptionsOf(report(kutyRunning().state(), ['2025-01-20'], 'period-1', 8))).toEqual([]);
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
  it('refuses a day inside a past pause, and allows the day the period resumed', () => {
    const h = kutyRunning()
      .periodPaused('period-1', '2025-02-01')
      .add('ServicePeriodResumed', { periodId: 'period-1', resumedOn: '2025-02-10' }, 'association');
    expect(violation(() => report(h.state(), ['2025-02-06'])).rule).toBe('attendance.while_paused');
    expect(report(h.state(), ['2025-02-10'])).toHaveLength(1);
  });
  it('refuses a pause over days already reported, and allows one starting the day after', () => {
    const h = kutyRunning().attendance('period-1', ['2025-01-20']);
    const pause = (pausedOn: string) =>
      decide(
        { type: 'PauseServicePeriod', data: { periodId: 'period-1', pausedOn, reason: 'Illness' } },
        h.state(),
        contextOf('association'),
      );
    expect(violation(() => pause('2025-01-20')).rule).toBe('service_period.pause_over_attendance');
    expect(pause('2025-01-21')).toHaveLength(1);
  });
  it('allows a day before the pause began', () => {
    expect(report(kutyRunning().periodPaused('period-1', '2025-02-01').state(), ['2025-01-30'])).toHaveLength(1);
  });
  describe('24-month maximum of a period started 2024-06-03', () => {
    const longPeriod = () =>
      new History()
        .registered()
        .benefit()
        .employmentPlan()
        .activationPlan({ agreedOn: '2024-06-01' })
        .periodStarted({ startDate: '2024-06-03', plannedEndDate: '2026-06-02', referralId: undefined })
        .state();
    it('allows attendance on the last day, 2026-06-02', () =>
      expect(report(longPeriod(), ['2026-06-02'])).toHaveLength(1));
    it('flags attendance on 2026-06-03, past 24 months', () =>
      expect(ruleOfException(report(longPeriod(), ['2026-06-03']))).toEqual(['service_period.max_length']));
  });
});

describe('absences with a reason', () => {
  const absent = (h: History, absentDates: string[], reason: 'illness' | 'agreed_leave' | 'unexplained' = 'illness') =>
    decide(
      { type: 'ReportAbsence', data: { periodId: 'period-1', absentDates, reason } },
      h.state(),
      contextOf('association'),
    );
  it('records absences with their reason on the period', () => {
    const s = decideAndFold(
      {
        type: 'ReportAbsence',
        data: { periodId: 'period-1', absentDates: ['2025-01-21', '2025-01-20'], reason: 'agreed_leave' },
      },
      kutyRunning().state(),
      contextOf('association'),
    );
    expect(s.periods['period-1'].absences).toEqual([
      { date: '2025-01-20', reason: 'agreed_leave' },
      { date: '2025-01-21', reason: 'agreed_leave' },
    ]);
  });
  it('refuses an absence on a day reported as attended', () =>
    expect(violation(() => absent(kutyRunning().attendance('period-1', ['2025-01-20']), ['2025-01-20'])).rule).toBe(
      'attendance.duplicate_date',
    ));
  it('refuses attendance on a day reported as absent', () => {
    const h = kutyRunning().add(
      'AbsenceReported',
      { periodId: 'period-1', absentDates: ['2025-01-20'], reason: 'unexplained' },
      'association',
    );
    expect(violation(() => report(h.state(), ['2025-01-20'])).rule).toBe('attendance.duplicate_date');
  });
  it('refuses an absence before the period started', () =>
    expect(violation(() => absent(kutyRunning(), ['2025-01-14'])).rule).toBe('attendance.outside_period'));
});
