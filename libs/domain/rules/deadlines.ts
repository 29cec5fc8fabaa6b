import { periodsOf, plansOf, referralsOf, type ClientPathState, type PeriodState, type PlanState } from '../client-path/index.js';
import { ruleSetOn, serviceTypeRules, type RuleSet } from '../rule-sets/index.js';
import { addDays, addMonths, type IsoDate } from '../time/index.js';
import { kutyDaysInWindow } from './activity-days.js';

export type DeadlineKind =
  | 'multisectoral_plan_due' | 'plan_review_due' | 'goal_review_due'
  | 'period_max_length_nearing' | 'activity_day_limit_nearing' | 'referral_unanswered'
  | 'retention_period_ended';

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

/** The day the retention of TYP register data ends (N years after the last relationship ended), or null while one is active. */
export function retentionEndsOn(state: ClientPathState, rules: RuleSetFor = ruleSetOn): IsoDate | null {
  if (state.typ || state.pastTypRelationships.length === 0) return null;
  const lastEnd = state.pastTypRelationships.map((t) => t.endDate!).sort().at(-1)!;
  return addMonths(lastEnd, rules(lastEnd).typRetentionYears * 12);
}

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
export function periodMaxEndDate(period: Pick<PeriodState, 'startDate' | 'serviceType'>, rules: RuleSetFor = ruleSetOn): IsoDate | null {
  const max = serviceTypeRules(rules(period.startDate), period.serviceType)?.maxMonths;
  return max == null ? null : addDays(addMonths(period.startDate, max), -1);
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
    if (!planned) out.push({ kind: 'multisectoral_plan_due', dueDate: multisectoralPlanDueDate(typ.startDate, rules),
      refId: typ.relationshipId, organisationIds: typParties, description: 'Multi-sectoral plan must be agreed' });
  }
  for (const plan of latestPlans(state)) {
    if (plan.kind === 'multisectoral' && !typ) continue;
    if (plan.kind === 'employment') continue; // reviewed as part of the other plans
    const orgs = [...new Set([...plan.parties, ...(plan.kind === 'multisectoral' ? typParties : [])])];
    out.push({ kind: 'plan_review_due', dueDate: nextPlanReviewDate(plan, rules), refId: plan.planId,
      organisationIds: orgs, description: `Review of the ${plan.kind} plan` });
  }
  const kutyDates: IsoDate[] = [];
  for (const p of periodsOf(state)) {
    const t = serviceTypeRules(rules(p.startDate), p.serviceType);
    if (t?.maxActivityDaysIn12Months) kutyDates.push(...p.attendedDates);
    if (p.status === 'ended') continue;
    const orgs = [...new Set([p.recordedBy.organisationId, p.provider.organisationId])];
    const goal = nextGoalReviewDate(p, rules);
    if (goal) out.push({ kind: 'goal_review_due', dueDate: goal, refId: p.periodId, organisationIds: orgs, description: 'Goal review with client, officer and own instructor' });
    const maxEnd = periodMaxEndDate(p, rules);
    if (maxEnd) out.push({ kind: 'period_max_length_nearing', dueDate: maxEnd, refId: p.periodId, organisationIds: orgs, description: `Period reaches its maximum length (${t?.maxMonths} months)` });
  }
  if (kutyDates.length) {
    const last = kutyDates.reduce((a, b) => (a > b ? a : b));
    const set = rules(last);
    const used = kutyDaysInWindow(kutyDates, last);
    const active = periodsOf(state).find((p) => p.status !== 'ended' && serviceTypeRules(set, p.serviceType)?.maxActivityDaysIn12Months);
    if (active && used >= set.activityDayWarningThreshold) {
      out.push({ kind: 'activity_day_limit_nearing', dueDate: last, refId: active.periodId,
        organisationIds: [...new Set([active.recordedBy.organisationId, active.provider.organisationId])],
        description: `${used} attended days in 12 months (limit ${serviceTypeRules(set, active.serviceType)?.maxActivityDaysIn12Months})` });
    }
  }
  const retentionEnds = state.erased ? null : retentionEndsOn(state, rules);
  if (retentionEnds) {
    out.push({ kind: 'retention_period_ended', dueDate: retentionEnds, refId: state.pastTypRelationships.at(-1)!.relationshipId,
      organisationIds: [REGISTRY_KEEPER], description: 'TYP register data due for erasure (retention after the relationship ended)' });
  }
  for (const r of referralsOf(state)) {
    if (r.status !== 'open') continue;
    out.push({ kind: 'referral_unanswered', dueDate: addDays(r.madeOn, rules(r.madeOn).referralAnswerDays), refId: r.referralId,
      organisationIds: [r.to.organisationId], description: `Referral to ${r.serviceType} awaits an answer` });
  }
  return out;
}
