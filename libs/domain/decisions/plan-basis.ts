import type { KutyPlanItems } from '../../events/index.js';
import type { ClientPathState, PlanState } from '../client-path/index.js';
import { ruleSetById, type RuleSet, type ServiceTypeRules } from '../rule-sets/index.js';
import { nextPlanReviewDate } from '../rules/index.js';
import { addDays, addMonths, daysBetween, type IsoDate } from '../time/index.js';
import { ensure } from './context.js';
import { missingKutyItems } from './plans.js';

/**
 * The plan a period rests on (189/2001 §6, §9: the activation plan or the multi-sectoral
 * plan). Named by the period, or else the latest plan of an allowed kind agreed by the start
 * that carries the items. Checked against that plan only.
 */
export function planBasisOf(
  state: ClientPathState,
  t: ServiceTypeRules,
  set: RuleSet,
  planId: string | undefined,
  startDate: IsoDate,
): PlanState {
  const basis = t.planBasis!;
  const kinds = basis.planKinds.join(' or ');
  let plan: PlanState | undefined;
  if (planId) {
    plan = state.plans[planId];
    ensure(plan, 'kuty.plan_missing', `No plan ${planId} on the client`, 'data.planId');
    ensure(
      basis.planKinds.includes(plan.kind),
      'kuty.plan_kind',
      `${t.name} rests on the ${kinds} plan, not the ${plan.kind} plan`,
      'data.planId',
    );
    ensure(
      plan.agreedOn <= startDate,
      'kuty.plan_missing',
      `The plan is agreed on ${plan.agreedOn}, after the start ${startDate}`,
      'data.planId',
    );
  } else {
    const candidates = Object.values(state.plans)
      .filter((p) => basis.planKinds.includes(p.kind) && p.agreedOn <= startDate && (!basis.itemsRequired || p.kuty))
      .sort((a, b) => (a.agreedOn < b.agreedOn ? 1 : a.agreedOn > b.agreedOn ? -1 : 0));
    plan = candidates[0];
    ensure(
      plan,
      'kuty.plan_missing',
      `A ${t.name} period needs an ${kinds} plan agreed by ${startDate}`,
      'data.planId',
    );
  }
  if (basis.itemsRequired) {
    const missing = missingKutyItems(plan.kuty);
    ensure(
      missing.length === 0,
      'kuty.plan_items_missing',
      `The ${plan.kind} plan lacks kuty items: ${missing.join(', ')}`,
      'data.planId',
      { missing, planId: plan.planId },
    );
  }
  checkTransition(plan, set, startDate);
  return plan;
}

/**
 * HE 109/2025: activation plans agreed before the narrowed criteria stay a valid basis until
 * their next renewal (the plan's assessment date, or its next review without kuty items).
 */
function checkTransition(plan: PlanState, set: RuleSet, startDate: IsoDate): void {
  if (plan.kind !== 'activation' || !set.activationPlanTransition) return;
  const agreedUnder = ruleSetById(plan.ruleSetId);
  if (!agreedUnder || agreedUnder.validFrom >= set.validFrom) return;
  const renewal =
    set.activationPlanTransition.earlierPlansValidUntil === 'cut_over'
      ? addDays(set.validFrom, -1)
      : (plan.kuty?.assessmentDate ?? nextPlanReviewDate(plan));
  ensure(
    startDate <= renewal,
    'kuty.activation_plan_lapsed',
    `The activation plan was agreed before ${set.validFrom} (${set.id}) and was valid until its renewal on ${renewal}: rest the period on the multi-sectoral plan or a new activation plan`,
    'data.planId',
    { renewal, ruleSet: set.id },
  );
}

/** The period's shape compared with the plan's kuty items; refusals name the item. */
export interface PlannedShape {
  providerId: string;
  place?: string;
  daysPerWeek?: number;
  hoursPerDay?: number;
  startDate: IsoDate;
  plannedEndDate: IsoDate;
}

const samePlace = (a: string, b: string) => a.trim().toLocaleLowerCase('fi') === b.trim().toLocaleLowerCase('fi');

export function checkAgainstPlanItems(
  kuty: KutyPlanItems,
  s: PlannedShape,
  set: RuleSet,
  opts: { checkStart: boolean },
): void {
  ensure(
    s.providerId === kuty.providerId,
    'service_period.plan_provider',
    `The plan names provider ${kuty.providerId}`,
    'data.provider.organisationId',
    { planned: kuty.providerId },
  );
  ensure(
    s.place === undefined || samePlace(s.place, kuty.place),
    'service_period.plan_place',
    `The plan names the place '${kuty.place}'`,
    'data.place',
    { planned: kuty.place },
  );
  ensure(
    s.daysPerWeek === undefined || s.daysPerWeek <= kuty.daysPerWeek,
    'service_period.plan_days_per_week',
    `The plan allows ${kuty.daysPerWeek} days a week`,
    'data.daysPerWeek',
    { planned: kuty.daysPerWeek },
  );
  ensure(
    s.hoursPerDay === undefined || s.hoursPerDay <= kuty.hoursPerDay,
    'service_period.plan_hours_per_day',
    `The plan allows ${kuty.hoursPerDay} hours a day`,
    'data.hoursPerDay',
    { planned: kuty.hoursPerDay },
  );
  if (opts.checkStart) {
    const tolerance = set.periodStartToleranceDays;
    ensure(
      Math.abs(daysBetween(kuty.startDate, s.startDate)) <= tolerance,
      'service_period.plan_start',
      `The plan starts the period on ${kuty.startDate} (±${tolerance} days)`,
      'data.startDate',
      { planned: kuty.startDate, toleranceDays: tolerance },
    );
  }
  const latestEnd = addDays(addMonths(s.startDate, kuty.lengthMonths), -1);
  ensure(
    s.plannedEndDate <= latestEnd,
    'service_period.plan_length',
    `The plan's length is ${kuty.lengthMonths} months (until ${latestEnd})`,
    'data.plannedEndDate',
    { plannedMonths: kuty.lengthMonths, latestEnd },
  );
}
