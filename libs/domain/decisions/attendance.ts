import type { ClientPathState } from '../client-path/index.js';
import { NotFoundInStreamError } from '../errors.js';
import { serviceTypeRules } from '../rule-sets/index.js';
import { maxDaysInAny12Months } from '../rules/index.js';
import { addDays, isoWeek } from '../time/index.js';
import type { CommandOfType, EventDraft } from './commands.js';
import { ensure, notInFuture, rulesFor, type DecisionContext } from './context.js';
import { checkHoursPerDay } from './period-limits.js';
import { periodMaxEndDate } from '../rules/index.js';

/** Attendance: within the period, not twice, weekly days and the 178-days-in-12-months cap. */
export function reportAttendance(state: ClientPathState, cmd: CommandOfType<'ReportAttendance'>, ctx: DecisionContext): EventDraft[] {
  const d = cmd.data;
  const p = state.periods[d.periodId];
  if (!p) throw new NotFoundInStreamError('service period', d.periodId);
  ensure(d.attendedDates.length > 0, 'attendance.no_dates', 'Report at least one attended date', 'data.attendedDates');
  const dates = [...d.attendedDates].sort();
  const t = serviceTypeRules(rulesFor(ctx, p.startDate), p.serviceType);
  ensure(t, 'service_type.unknown', `Unknown service type '${p.serviceType}'`);
  const maxEnd = periodMaxEndDate(p, (date) => rulesFor(ctx, date));
  const known = new Set(p.attendedDates);
  dates.forEach((date, i) => {
    const field = `data.attendedDates[${d.attendedDates.indexOf(date)}]`;
    notInFuture(ctx, date, field);
    ensure(date >= p.startDate, 'attendance.outside_period', `${date} is before the period started`, field);
    ensure(!p.endDate || date <= p.endDate, 'attendance.outside_period', `${date} is after the period ended`, field);
    ensure(!maxEnd || date <= maxEnd, 'service_period.max_length', `${date} is past the ${t.maxMonths}-month maximum (${maxEnd})`, field);
    ensure(!(p.status === 'paused' && p.pausedOn && date >= p.pausedOn), 'attendance.while_paused', `${date} falls in a pause`, field);
    ensure(!known.has(date) && dates[i - 1] !== date, 'attendance.duplicate_date', `${date} is already reported`, field);
  });
  checkHoursPerDay(t, d.hoursPerDay, 'data.hoursPerDay');
  // Limits that count across every period of the same family (e.g. all kuty periods).
  // Only weeks and windows that contain a new date can change (the rest passed these checks
  // when reported), so a long history costs string comparisons, not date arithmetic.
  const family = Object.values(state.periods).filter((q) => q.family === p.family).flatMap((q) => q.attendedDates);
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
    const over = [...perWeek.entries()].find(([, n]) => n > t.daysPerWeek!.max);
    ensure(!over, 'service_period.days_per_week', `Week ${over?.[0]} would have ${over?.[1]} activity days (max ${t.daysPerWeek.max})`, 'data.attendedDates', { max: t.daysPerWeek.max });
  }
  if (t.maxActivityDaysIn12Months) {
    const worst = maxDaysInAny12Months(all, dates[0]);
    ensure(worst.days <= t.maxActivityDaysIn12Months, 'kuty.activity_days_in_12_months',
      `${worst.days} activity days in the 12 months ending ${worst.windowEnd} (max ${t.maxActivityDaysIn12Months})`, 'data.attendedDates',
      { days: worst.days, max: t.maxActivityDaysIn12Months, windowEnd: worst.windowEnd });
  }
  return [{ type: 'AttendanceReported', occurredAt: dates[dates.length - 1], data: { ...d, attendedDates: dates } }];
}
