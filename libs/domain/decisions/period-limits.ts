import type { ProviderKind } from '../../events/index.js';
import type { ServiceTypeRules } from '../rule-sets/index.js';
import { addDays, addMonths, type IsoDate } from '../time/index.js';
import { ensure } from './context.js';

/** Planned shape of a period, checked both in the activation plan and at period start. */
export interface PeriodShape {
  startDate: IsoDate;
  plannedEndDate: IsoDate;
  daysPerWeek?: number;
  hoursPerDay?: number;
  providerKind: ProviderKind;
}

/** Field names inside the command, so a 422 points at the right input. */
export interface ShapeFields {
  plannedEndDate: string;
  daysPerWeek: string;
  hoursPerDay: string;
  providerKind: string;
}

export function checkProviderKind(t: ServiceTypeRules, kind: ProviderKind, field: string): void {
  ensure(
    !t.forbiddenProviderKinds.includes(kind),
    'service_period.forbidden_provider_kind',
    `${t.name} may not be organised by a provider of kind '${kind}'`,
    field,
    { serviceType: t.code, forbidden: t.forbiddenProviderKinds },
  );
}

export function checkDaysPerWeek(t: ServiceTypeRules, days: number | undefined, field: string): void {
  if (!t.daysPerWeek) return;
  ensure(days !== undefined, 'service_period.days_per_week', `${t.name} needs daysPerWeek`, field);
  const { min, max } = t.daysPerWeek;
  ensure(
    days >= min && days <= max,
    'service_period.days_per_week',
    `${t.name}: ${min}–${max} days a week, got ${days}`,
    field,
    { min, max },
  );
}

export function checkHoursPerDay(t: ServiceTypeRules, hours: number | undefined, field: string): void {
  if (!t.hoursPerDay) return;
  ensure(hours !== undefined, 'service_period.hours_per_day', `${t.name} needs hoursPerDay`, field);
  const { min, max } = t.hoursPerDay;
  ensure(
    hours >= min && hours <= max,
    'service_period.hours_per_day',
    `${t.name}: ${min}–${max} hours a day, got ${hours}`,
    field,
    { min, max },
  );
}

export function checkPeriodShape(t: ServiceTypeRules, s: PeriodShape, f: ShapeFields): void {
  ensure(
    s.plannedEndDate >= s.startDate,
    'service_period.end_before_start',
    'plannedEndDate is before startDate',
    f.plannedEndDate,
  );
  // A length of N months ends on the day before the same date N months later.
  if (t.minMonths != null) {
    const earliest = addDays(addMonths(s.startDate, t.minMonths), -1);
    ensure(
      s.plannedEndDate >= earliest,
      'service_period.min_length',
      `${t.name} lasts at least ${t.minMonths} months (until ${earliest} or later)`,
      f.plannedEndDate,
      { minMonths: t.minMonths },
    );
  }
  if (t.maxMonths != null) {
    const latest = addDays(addMonths(s.startDate, t.maxMonths), -1);
    ensure(
      s.plannedEndDate <= latest,
      'service_period.max_length',
      `${t.name} lasts at most ${t.maxMonths} months (until ${latest})`,
      f.plannedEndDate,
      { maxMonths: t.maxMonths },
    );
  }
  checkDaysPerWeek(t, s.daysPerWeek, f.daysPerWeek);
  checkHoursPerDay(t, s.hoursPerDay, f.hoursPerDay);
  if (t.maxHoursPerWeek != null && s.daysPerWeek !== undefined && s.hoursPerDay !== undefined) {
    const weekly = s.daysPerWeek * s.hoursPerDay;
    ensure(
      weekly <= t.maxHoursPerWeek,
      'service_period.hours_per_week',
      `${t.name}: at most ${t.maxHoursPerWeek} hours a week, planned ${weekly}`,
      f.hoursPerDay,
      { max: t.maxHoursPerWeek },
    );
  }
  checkProviderKind(t, s.providerKind, f.providerKind);
}
