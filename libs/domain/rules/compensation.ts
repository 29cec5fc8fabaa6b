import type { BenefitType } from '../../events/index.js';
import type { ClientPathState, PeriodState } from '../client-path/index.js';
import {
  ruleSetOn,
  serviceTypeRules,
  type CompensationComponent,
  type CompensationPayer,
  type RuleSet,
} from '../rule-sets/index.js';
import { monthOf, type IsoDate } from '../time/index.js';

type RuleSetFor = (date: IsoDate) => RuleSet;

/** The benefit the client lived on on a date: the latest status recorded as of that date. */
export function benefitOn(history: ClientPathState['benefitHistory'], date: IsoDate): BenefitType {
  let found: BenefitType = 'none';
  for (const b of history)
    if (b.from <= date) found = b.benefit;
    else break;
  return found;
}

/** One ledger line: a period's days and euros in a month, for one payer and component. */
export interface CompensationLine {
  periodId: string;
  month: string; // YYYY-MM
  payer: CompensationPayer;
  component: CompensationComponent;
  attendedDays: number;
  euros: number; // rounded to cents; a meal fee charged back is negative
}

const cents = (euros: number) => Math.round(euros * 100);

/** The county (or municipality) whose extras apply to a period: the organiser that recorded it. */
const countyOf = (p: PeriodState) => p.recordedBy.organisationId;

/**
 * Compensation as it is paid: each attended day is charged to the payer of the benefit the
 * client lived on *that day* (a day reported late, or a benefit recorded late, still lands on
 * the right payer), under the rule set in force that day. Components: the daily compensation
 * (or work allowance), travel at the cheapest fare, meals and meal fees where the county sets them.
 */
export function compensationLines(state: ClientPathState, rules: RuleSetFor = ruleSetOn): CompensationLine[] {
  const lines = new Map<string, { line: Omit<CompensationLine, 'euros'>; cents: number }>();
  const add = (
    periodId: string,
    date: IsoDate,
    payer: CompensationPayer,
    component: CompensationComponent,
    euros: number,
  ) => {
    const month = monthOf(date);
    const key = `${periodId}|${month}|${payer}|${component}`;
    const entry = lines.get(key) ?? { line: { periodId, month, payer, component, attendedDays: 0 }, cents: 0 };
    entry.line.attendedDays += 1;
    entry.cents += cents(euros);
    lines.set(key, entry);
  };
  for (const p of Object.values(state.periods)) {
    const paid = (date: IsoDate, attended: boolean) => {
      const c = serviceTypeRules(rules(date), p.serviceType)?.compensation;
      if (!c) return;
      const payer = c.payerByBenefit[benefitOn(state.benefitHistory, date)];
      if (!payer) return;
      const county = c.perCounty?.[countyOf(p)] ?? c.perCounty?.['*'];
      add(p.periodId, date, payer, c.component, county?.euroPerAttendedDay ?? c.euroPerAttendedDay);
      if (!attended) return; // a paid leave day pays the allowance only
      if (c.travelPaidWithCompensation && p.travelEuroPerDay)
        add(p.periodId, date, payer, 'travel', p.travelEuroPerDay);
      if (county?.meal) add(p.periodId, date, county.meal.payer, 'meal', county.meal.euroPerDay);
      if (county?.mealFeeEuroPerDay) add(p.periodId, date, payer, 'meal_fee', -county.mealFeeEuroPerDay);
    };
    for (const date of p.attendedDates) paid(date, true);
    for (const date of paidLeaveDays(p, rules)) paid(date, false);
  }
  return [...lines.values()]
    .map(({ line, cents: c }) => ({ ...line, euros: c / 100 }))
    .sort((a, b) =>
      a.periodId + a.month + a.payer + a.component < b.periodId + b.month + b.payer + b.component ? -1 : 1,
    );
}

/**
 * Agreed-leave absences paid like attended days where the county pays summer leave (supported
 * open work: four weeks), up to that many weeks of the period's days per calendar year.
 */
function paidLeaveDays(p: PeriodState, rules: RuleSetFor): IsoDate[] {
  const out: IsoDate[] = [];
  const used = new Map<string, number>();
  for (const a of [...(p.absences ?? [])].sort((x, y) => (x.date < y.date ? -1 : 1))) {
    if (a.reason !== 'agreed_leave') continue;
    const c = serviceTypeRules(rules(a.date), p.serviceType)?.compensation;
    const weeks = (c?.perCounty?.[countyOf(p)] ?? c?.perCounty?.['*'])?.paidSummerLeaveWeeks;
    if (!weeks) continue;
    const year = a.date.slice(0, 4);
    const n = used.get(year) ?? 0;
    if (n >= weeks * (p.daysPerWeek ?? 5)) continue;
    used.set(year, n + 1);
    out.push(a.date);
  }
  return out;
}

/** Euros for a number of days, rounded to cents. */
export const euros = (days: number, perDay: number): number => Math.round(days * perDay * 100) / 100;
