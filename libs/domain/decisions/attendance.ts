import type { AttendanceException } from '../../events/index.js';
import type { ClientPathState, PeriodState } from '../client-path/index.js';
import { NotFoundInStreamError } from '../errors.js';
import { serviceTypeRules, type ServiceTypeRules } from '../rule-sets/index.js';
import { maxDaysInAny12Months, periodMaxEndDate } from '../rules/index.js';
import { addDays, addMonths, isoWeek, type IsoDate } from '../time/index.js';
import type { CommandOfType, EventDraft } from './commands.js';
import { draft, ensure, notInFuture, rulesFor, type DecisionContext } from './context.js';

const inPause = (p: PeriodState, date: IsoDate) =>
  (p.pauses ?? []).some((x) => date >= x.from && (x.to === undefined || date <= x.to));

function period(state: ClientPathState, periodId: string): PeriodState {
  const p = state.periods[periodId];
  if (!p) throw new NotFoundInStreamError('service period', periodId);
  return p;
}

/**
 * Days that cannot have happened in this period are refused: before its start, after its
 * end, inside a pause (past or current), reported twice, in the future.
 */
function checkDatesBelongToPeriod(
  p: PeriodState,
  dates: IsoDate[],
  original: IsoDate[],
  ctx: DecisionContext,
  field: string,
  taken: Set<IsoDate>,
): void {
  dates.forEach((date, i) => {
    const at = `${field}[${original.indexOf(date)}]`;
    notInFuture(ctx, date, at);
    ensure(date >= p.startDate, 'attendance.outside_period', `${date} is before the period started`, at);
    ensure(!p.endDate || date <= p.endDate, 'attendance.outside_period', `${date} is after the period ended`, at);
    ensure(!inPause(p, date), 'attendance.while_paused', `${date} falls in a pause`, at);
    ensure(!taken.has(date) && dates[i - 1] !== date, 'attendance.duplicate_date', `${date} is already reported`, at);
  });
}

/**
 * Limits a report of what already happened can break. The days took place and were paid:
 * they are recorded and flagged (exceptions on the path, the worklist and in reports), never
 * refused, so the records and the payments stay in step.
 */
function limitExceptions(
  t: ServiceTypeRules,
  state: ClientPathState,
  p: PeriodState,
  dates: IsoDate[],
  hoursPerDay: number,
  ctx: DecisionContext,
): AttendanceException[] {
  const out: AttendanceException[] = [];
  if (t.hoursPerDay && (hoursPerDay < t.hoursPerDay.min || hoursPerDay > t.hoursPerDay.max)) {
    out.push({
      rule: 'service_period.hours_per_day',
      dates,
      message: `${hoursPerDay} hours a day (${t.name}: ${t.hoursPerDay.min}–${t.hoursPerDay.max})`,
    });
  }
  const maxEnd = periodMaxEndDate(p, (date) => rulesFor(ctx, date));
  const late = maxEnd ? dates.filter((d) => d > maxEnd) : [];
  if (late.length)
    out.push({
      rule: 'service_period.max_length',
      dates: late,
      message: `Past the ${t.maxMonths}-month maximum (${maxEnd})`,
    });
  // Limits across every period of the same family (e.g. all kuty periods). Only weeks and
  // windows that contain a new date can change, so a long history costs comparisons only.
  const family = Object.values(state.periods)
    .filter((q) => q.family === p.family)
    .flatMap((q) => q.attendedDates);
  const all = [...family, ...dates];
  if (t.daysPerWeek) {
    const weeks = new Set(dates.map(isoWeek));
    const [near, far] = [addDays(dates[0], -6), addDays(dates[dates.length - 1], 6)];
    const perWeek = new Map<string, number>();
    for (const date of all) {
      if (date < near || date > far) continue;
      const week = isoWeek(date);
      if (weeks.has(week)) perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
    }
    const over = [...perWeek.entries()].filter(([, n]) => n > t.daysPerWeek!.max).map(([w]) => w);
    if (over.length) {
      out.push({
        rule: 'service_period.days_per_week',
        dates: dates.filter((d) => over.includes(isoWeek(d))),
        message: `More than ${t.daysPerWeek.max} activity days in week ${over.join(', ')}`,
      });
    }
  }
  if (t.maxActivityDaysIn12Months) {
    const worst = maxDaysInAny12Months(all, dates[0]);
    if (worst.days > t.maxActivityDaysIn12Months && worst.windowEnd) {
      const from = addMonths(worst.windowEnd, -12);
      out.push({
        rule: 'kuty.activity_days_in_12_months',
        dates: dates.filter((d) => d > from && d <= worst.windowEnd!),
        message: `${worst.days} activity days in the 12 months ending ${worst.windowEnd} (max ${t.maxActivityDaysIn12Months})`,
      });
    }
  }
  return out;
}

/** Attendance: days of the period, not twice, not in a pause; limit breaches flagged. */
export function reportAttendance(
  state: ClientPathState,
  cmd: CommandOfType<'ReportAttendance'>,
  ctx: DecisionContext,
): EventDraft[] {
  const d = cmd.data;
  const p = period(state, d.periodId);
  ensure(d.attendedDates.length > 0, 'attendance.no_dates', 'Report at least one attended date', 'data.attendedDates');
  const dates = [...d.attendedDates].sort();
  const t = serviceTypeRules(rulesFor(ctx, p.startDate), p.serviceType);
  ensure(t, 'service_type.unknown', `Unknown service type '${p.serviceType}'`);
  checkDatesBelongToPeriod(
    p,
    dates,
    d.attendedDates,
    ctx,
    'data.attendedDates',
    new Set([...p.attendedDates, ...(p.absences ?? []).map((a) => a.date)]),
  );
  const exceptions = limitExceptions(t, state, p, dates, d.hoursPerDay, ctx);
  const { periodId, hoursPerDay } = d;
  return [
    draft('AttendanceReported', dates[dates.length - 1], {
      periodId,
      attendedDates: dates,
      hoursPerDay,
      ...(exceptions.length ? { exceptions } : {}),
    }),
  ];
}

/** Expected days the client missed, with the reason (illness, agreed leave, unexplained). */
export function reportAbsence(
  state: ClientPathState,
  cmd: CommandOfType<'ReportAbsence'>,
  ctx: DecisionContext,
): EventDraft[] {
  const d = cmd.data;
  const p = period(state, d.periodId);
  ensure(d.absentDates.length > 0, 'absence.no_dates', 'Report at least one absent date', 'data.absentDates');
  const dates = [...d.absentDates].sort();
  checkDatesBelongToPeriod(
    p,
    dates,
    d.absentDates,
    ctx,
    'data.absentDates',
    new Set([...p.attendedDates, ...(p.absences ?? []).map((a) => a.date)]),
  );
  return [draft('AbsenceReported', dates[dates.length - 1], { ...d, absentDates: dates })];
}
