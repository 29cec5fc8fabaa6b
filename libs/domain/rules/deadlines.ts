import {
  periodsOf,
  plansOf,
  referralsOf,
  type ClientPathState,
  type PeriodState,
  type PlanState,
} from '../client-path/index.js';
import { ruleSetOn, serviceTypeRules, type RuleSet } from '../rule-sets/index.js';
import { addDays, addMonths, type IsoDate } from '../time/index.js';
import { kutyDaysInWindow } from './activity-days.js';

export const DEADLINE_KINDS = [
  'multisectoral_plan_due', // plan within 3 months of TYP start
  'plan_review_due',
  'plan_assessment_due', // the plan's kuty assessment (and renewal) date
  'goal_review_due',
  'period_max_length_nearing', // kuty nearing 24 months
  'activity_day_limit_nearing', // 178 days in 12 months nearing
  'attendance_exception', // reported days that broke a limit
  'referral_unanswered',
  'retention_period_ended', // on the register keeper's worklist
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** The register keeper's worklist: retention deadlines are nobody's casework. */
export const REGISTRY_KEEPER = 'polku:registry-keeper';

export interface Deadline {
  kind: DeadlineKind;
  dueDate: IsoDate;
  refId: string;
  /** Organisations whose worklists show the item. */
  organisationIds: string[];
  description: string;
}

type RuleSetFor = (date: IsoDate) => RuleSet;

export interface Retention {
  /** The day retention ends; null while a TYP relationship is active. */
  endsOn: IsoDate | null;
  /** typ_retention: TYP register (4 years after the relationship ended); records_retention: other records after the last event. */
  basis: 'typ_retention' | 'records_retention';
  years: number;
}

/**
 * Every client has a retention end: TYP register data 4 years after the last relationship
 * ended; a client who never had one, a settable period (default 10 years) after the last event.
 */
export function retentionOf(state: ClientPathState, rules: RuleSetFor = ruleSetOn): Retention {
  if (state.typ) return { endsOn: null, basis: 'typ_retention', years: rules(state.typ.startDate).typRetentionYears };
  if (state.pastTypRelationships.length > 0) {
    const lastEnd = state.pastTypRelationships
      .map((t) => t.endDate!)
      .sort()
      .at(-1)!;
    const years = rules(lastEnd).typRetentionYears;
    return { endsOn: addMonths(lastEnd, years * 12), basis: 'typ_retention', years };
  }
  const last = state.lastEventOn;
  if (!last) return { endsOn: null, basis: 'records_retention', years: rules('9999-12-31').otherRecordsRetentionYears };
  const years = rules(last).otherRecordsRetentionYears;
  return { endsOn: addMonths(last, years * 12), basis: 'records_retention', years };
}

/** The day the client's retention ends, or null while a TYP relationship is active. */
export const retentionEndsOn = (state: ClientPathState, rules: RuleSetFor = ruleSetOn): IsoDate | null =>
  retentionOf(state, rules).endsOn;

/** Multi-sectoral plan due date: 3 months (a setting) after TYP start. */
export const multisectoralPlanDueDate = (typStart: IsoDate, rules: RuleSetFor = ruleSetOn): IsoDate =>
  addMonths(typStart, rules(typStart).multisectoralPlanDueMonths);

/** Next plan review: interval of the rule set in force on the last review (or agreement). */
export function nextPlanReviewDate(plan: PlanState, rules: RuleSetFor = ruleSetOn): IsoDate {
  const last = plan.lastReviewedOn ?? plan.agreedOn;
  return addMonths(last, rules(last).planReviewIntervalMonths);
}

export function nextGoalReviewDate(period: PeriodState, rules: RuleSetFor = ruleSetOn): IsoDate | null {
  const months = serviceTypeRules(rules(period.startDate), period.serviceType)?.goalReviewIntervalMonths;
  if (!months) return null;
  return addMonths(period.lastGoalReviewOn ?? period.startDate, months);
}

/** Last day a period may run: start + max months - 1 day; null = no cap. */
export function periodMaxEndDate(
  period: Pick<PeriodState, 'startDate' | 'serviceType'>,
  rules: RuleSetFor = ruleSetOn,
): IsoDate | null {
  const max = serviceTypeRules(rules(period.startDate), period.serviceType)?.maxMonths;
  return max == null ? null : addDays(addMonths(period.startDate, max), -1);
}

/**
 * The 24-month gauge: whole months a period has run of its service type's maximum length
 * (kuty: 24), counted to its end or to `asOf`, whichever is earlier. Null without a maximum.
 */
export function periodMonthsUsed(
  period: Pick<PeriodState, 'startDate' | 'serviceType' | 'endDate'>,
  asOf: IsoDate,
  rules: RuleSetFor = ruleSetOn,
): { monthsUsed: number; maxMonths: number } | null {
  const maxMonths = serviceTypeRules(rules(period.startDate), period.serviceType)?.maxMonths;
  if (maxMonths == null) return null;
  const until = period.endDate && period.endDate < asOf ? period.endDate : asOf;
  let monthsUsed = 0;
  while (monthsUsed < maxMonths && addDays(addMonths(period.startDate, monthsUsed + 1), -1) <= until) monthsUsed += 1;
  return { monthsUsed, maxMonths };
}

const latestPlans = (state: ClientPathState): PlanState[] => {
  const byKind = new Map<string, PlanState>();
  for (const p of plansOf(state)) {
    const cur = byKind.get(p.kind);
    if (!cur || p.agreedOn >= cur.agreedOn) byKind.set(p.kind, p);
  }
  return [...byKind.values()];
};

/** Everything due for a client, for the organisations' worklists. */
export function deadlinesOf(state: ClientPathState, rules: RuleSetFor = ruleSetOn): Deadline[] {
  const out: Deadline[] = [];
  const typ = state.typ;
  const typParties = typ?.parties.map((p) => p.organisationId) ?? [];
  if (typ) {
    const planned = plansOf(state).some((p) => p.kind === 'multisectoral' && p.agreedOn >= typ.startDate);
    if (!planned)
      out.push({
        kind: 'multisectoral_plan_due',
        dueDate: multisectoralPlanDueDate(typ.startDate, rules),
        refId: typ.relationshipId,
        organisationIds: typParties,
        description: 'Multi-sectoral plan must be agreed',
      });
  }
  for (const plan of latestPlans(state)) {
    if (plan.kind === 'multisectoral' && !typ) continue;
    if (plan.kind === 'employment') continue; // reviewed as part of the other plans
    const orgs = [...new Set([...plan.parties, ...(plan.kind === 'multisectoral' ? typParties : [])])];
    out.push({
      kind: 'plan_review_due',
      dueDate: nextPlanReviewDate(plan, rules),
      refId: plan.planId,
      organisationIds: orgs,
      description: `Review of the ${plan.kind} plan`,
    });
    // The date by which the kuty's effect is assessed and the plan renewed (189/2001).
    if (plan.kuty?.assessmentDate) {
      out.push({
        kind: 'plan_assessment_due',
        dueDate: plan.kuty.assessmentDate,
        refId: plan.planId,
        organisationIds: orgs,
        description: `Assess the kuty's effect and renew the ${plan.kind} plan`,
      });
    }
  }
  const kutyDates: IsoDate[] = [];
  for (const p of periodsOf(state)) {
    const t = serviceTypeRules(rules(p.startDate), p.serviceType);
    if (t?.maxActivityDaysIn12Months) kutyDates.push(...p.attendedDates);
    if (p.status === 'ended') continue;
    const orgs = [...new Set([p.recordedBy.organisationId, p.provider.organisationId])];
    const goal = nextGoalReviewDate(p, rules);
    if (goal)
      out.push({
        kind: 'goal_review_due',
        dueDate: goal,
        refId: p.periodId,
        organisationIds: orgs,
        description: 'Goal review with client, officer and own instructor',
      });
    const maxEnd = periodMaxEndDate(p, rules);
    if (maxEnd)
      out.push({
        kind: 'period_max_length_nearing',
        dueDate: maxEnd,
        refId: p.periodId,
        organisationIds: orgs,
        description: `Period reaches its maximum length (${t?.maxMonths} months)`,
      });
  }
  // Reported days that broke a limit: recorded and paid, shown until someone follows them up.
  for (const p of Object.values(state.periods)) {
    const orgs = [...new Set([p.recordedBy.organisationId, p.provider.organisationId])];
    for (const x of p.exceptions ?? []) {
      out.push({
        kind: 'attendance_exception',
        dueDate: x.dates[x.dates.length - 1],
        refId: `${p.periodId}:${x.rule}:${x.dates[0]}`,
        organisationIds: orgs,
        description: `Exception (${x.rule}): ${x.message}`,
      });
    }
  }
  if (kutyDates.length) {
    const last = kutyDates.reduce((a, b) => (a > b ? a : b));
    const set = rules(last);
    const used = kutyDaysInWindow(kutyDates, last);
    const active = periodsOf(state).find(
      (p) => p.status !== 'ended' && serviceTypeRules(set, p.serviceType)?.maxActivityDaysIn12Months,
    );
    if (active && used >= set.activityDayWarningThreshold) {
      out.push({
        kind: 'activity_day_limit_nearing',
        dueDate: last,
        refId: active.periodId,
        organisationIds: [...new Set([active.recordedBy.organisationId, active.provider.organisationId])],
        description: `${used} attended days in 12 months (limit ${serviceTypeRules(set, active.serviceType)?.maxActivityDaysIn12Months})`,
      });
    }
  }
  const retention = state.erased ? null : retentionOf(state, rules);
  if (retention?.endsOn) {
    const typ = retention.basis === 'typ_retention';
    out.push({
      kind: 'retention_period_ended',
      dueDate: retention.endsOn,
      refId: typ ? state.pastTypRelationships.at(-1)!.relationshipId : (state.clientId ?? 'client'),
      organisationIds: [REGISTRY_KEEPER],
      description: typ
        ? 'TYP register data due for erasure (retention after the relationship ended)'
        : `Records due for erasure (${retention.years} years after the last entry; check the organisation's retention schedule)`,
    });
  }
  for (const r of referralsOf(state)) {
    if (r.status !== 'open') continue;
    out.push({
      kind: 'referral_unanswered',
      dueDate: addDays(r.madeOn, rules(r.madeOn).referralAnswerDays),
      refId: r.referralId,
      organisationIds: [r.to.organisationId],
      description: `Referral to ${r.serviceType} awaits an answer`,
    });
  }
  return out;
}
