import type { ClientPath, OrganisationRef, PeriodStatus, TimelineEntry } from '../api/gaps';

/** What a timeline entry is, for its colour, marker and legend. */
export type Category = 'plan' | 'referral' | 'period' | 'review' | 'attendance' | 'officer' | 'other';

export function categoryOf(type: string): Category {
  if (type === 'GoalReviewHeld' || type === 'PlanReviewed') return 'review';
  if (/Plan/.test(type)) return 'plan';
  if (type.startsWith('Referral')) return 'referral';
  if (type === 'AttendanceReported') return 'attendance';
  if (type.startsWith('ServicePeriod')) return 'period';
  if (/Officer|Instructor/.test(type)) return 'officer';
  return 'other';
}

/** Organisation names as the path itself tells them (TYP parties, referrals, providers). */
export function organisationNames(path: ClientPath): Map<string, string> {
  const names = new Map<string, string>();
  const add = (o?: OrganisationRef) => {
    if (o?.name) names.set(o.organisationId, o.name);
  };
  const s = path.status;
  s.typRelationship?.parties.forEach(add);
  s.referrals.forEach((r) => {
    add(r.to);
    add(r.from);
  });
  [...s.activePeriods, ...s.endedPeriods].forEach((p) => {
    add(p.provider);
    add(p.recordedBy);
  });
  return names;
}

export const allPeriods = (path: ClientPath): PeriodStatus[] => [
  ...path.status.activePeriods,
  ...path.status.endedPeriods,
];

/** The lanes: every organisation with entries, and those whose entries are all hidden. */
export function lanesOf(path: ClientPath): string[] {
  const lanes = [...path.organisations];
  for (const h of path.hiddenEntries ?? []) if (!lanes.includes(h.organisationId)) lanes.push(h.organisationId);
  return lanes;
}

const DAY = 86_400_000;
export const dayOf = (iso: string): number => Math.floor(Date.parse(iso.slice(0, 10)) / DAY);
export const isoOfDay = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);

/** The time span the timeline shows: first entry to the latest end or today, padded a little. */
export function spanOf(path: ClientPath, today: string): { from: number; to: number } {
  const days = [dayOf(today), ...path.timeline.map((e) => dayOf(e.occurredAt))];
  for (const p of allPeriods(path)) days.push(dayOf(p.endDate ?? p.plannedEndDate ?? today));
  const from = Math.min(...days);
  const to = Math.max(...days);
  const pad = Math.max(7, Math.round((to - from) * 0.02));
  return { from: from - pad, to: to + pad };
}

/** Attended days per month of one organisation's attendance reports: the density strip. */
export function attendanceByMonth(entries: TimelineEntry[]): Map<string, number> {
  const months = new Map<string, number>();
  for (const e of entries) {
    if (e.type !== 'AttendanceReported') continue;
    const dates = (e.data?.attendedDates as string[] | undefined) ?? [];
    for (const d of dates) months.set(d.slice(0, 7), (months.get(d.slice(0, 7)) ?? 0) + 1);
  }
  return months;
}

export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}
