import type { KutyPlanItems } from '../../events/index.js';
import type { ClientPathState } from '../client-path/index.js';
import { NotFoundInStreamError } from '../errors.js';
import { serviceTypeRules, type RuleSet } from '../rule-sets/index.js';
import { activationPlanEligibility } from '../rules/index.js';
import { addDays, addMonths } from '../time/index.js';
import type { CommandOfType, EventDraft } from './commands.js';
import { draft, ensure, notInFuture, rulesFor, type DecisionContext } from './context.js';
import { checkPeriodShape } from './period-limits.js';

export const KUTY_SERVICE_TYPE = 'rehabilitative_work_activity';

/** Items law 189/2001 (702/2020) requires in the plan before a kuty period may start. */
export const MANDATORY_KUTY_ITEMS: (keyof KutyPlanItems)[] = [
  'goal',
  'description',
  'place',
  'providerId',
  'providerKind',
  'hoursPerDay',
  'daysPerWeek',
  'startDate',
  'lengthMonths',
  'supportAndGuidance',
  'otherServices',
  'assessmentDate',
];

export const missingKutyItems = (items: Partial<KutyPlanItems> | undefined): string[] =>
  MANDATORY_KUTY_ITEMS.filter((k) => items?.[k] === undefined || items[k] === null || items[k] === '');

/** Kuty items in a plan (either kind) or a plan amendment: complete, and within the law's limits. */
function checkKutyItems(kuty: KutyPlanItems, set: RuleSet, prefix: string): void {
  const missing = missingKutyItems(kuty);
  ensure(
    missing.length === 0,
    'kuty.plan_items_missing',
    `The plan lacks kuty items: ${missing.join(', ')}`,
    `${prefix}.${missing[0]}`,
    { missing },
  );
  const t = serviceTypeRules(set, KUTY_SERVICE_TYPE)!;
  const plannedEndDate = addDays(addMonths(kuty.startDate, kuty.lengthMonths), -1);
  checkPeriodShape(
    t,
    { ...kuty, plannedEndDate },
    {
      plannedEndDate: `${prefix}.lengthMonths`,
      daysPerWeek: `${prefix}.daysPerWeek`,
      hoursPerDay: `${prefix}.hoursPerDay`,
      providerKind: `${prefix}.providerKind`,
    },
  );
  ensure(
    kuty.assessmentDate >= kuty.startDate,
    'kuty.assessment_before_start',
    'The assessment date is before the planned start',
    `${prefix}.assessmentDate`,
  );
}

export function agreeEmploymentPlan(
  _s: ClientPathState,
  cmd: CommandOfType<'AgreeEmploymentPlan'>,
  ctx: DecisionContext,
): EventDraft[] {
  ensure(
    ctx.actor.organisationType === 'employment_authority',
    'employment_plan.author',
    'Only the employment authority agrees an employment plan',
  );
  notInFuture(ctx, cmd.data.agreedOn, 'data.agreedOn');
  return [draft('EmploymentPlanAgreed', cmd.data.agreedOn, { ...cmd.data, planId: cmd.data.planId ?? ctx.newId() })];
}

export function agreeActivationPlan(
  state: ClientPathState,
  cmd: CommandOfType<'AgreeActivationPlan'>,
  ctx: DecisionContext,
): EventDraft[] {
  const d = cmd.data;
  ensure(
    ['employment_authority', 'wellbeing_county'].includes(ctx.actor.organisationType),
    'activation_plan.author',
    'The employment authority and the municipality agree activation plans',
  );
  notInFuture(ctx, d.agreedOn, 'data.agreedOn');
  const employmentPlan = state.plans[d.employmentPlanId];
  ensure(
    employmentPlan?.kind === 'employment',
    'activation_plan.requires_employment_plan',
    "An activation plan needs the client's employment plan",
    'data.employmentPlanId',
  );
  ensure(
    state.benefit,
    'activation_plan.benefit_status_missing',
    'Record the benefit status before judging eligibility',
  );
  ensure(state.birthDate, 'activation_plan.birth_date_missing', "The client's birth date is needed for the age band");
  const set = rulesFor(ctx, d.agreedOn);
  const eligibility = activationPlanEligibility(state.birthDate, d.agreedOn, state.benefit, set.activationEligibility);
  ensure(
    eligibility.eligible,
    'activation_plan.eligibility',
    `The client (${eligibility.ageBand.replace(/_/g, ' ')}) meets no activation-plan criterion`,
    undefined,
    { ageBand: eligibility.ageBand },
  );
  if (d.kuty) checkKutyItems(d.kuty, set, 'data.kuty');
  return [draft('ActivationPlanAgreed', d.agreedOn, { ...d, planId: d.planId ?? ctx.newId() })];
}

export function agreeMultisectoralPlan(
  state: ClientPathState,
  cmd: CommandOfType<'AgreeMultisectoralPlan'>,
  ctx: DecisionContext,
): EventDraft[] {
  const d = cmd.data;
  const typ = state.typ;
  ensure(typ, 'multisectoral_plan.requires_typ_relationship', 'A multi-sectoral plan needs an active TYP relationship');
  notInFuture(ctx, d.agreedOn, 'data.agreedOn');
  ensure(
    d.agreedOn >= typ.startDate,
    'multisectoral_plan.before_typ_start',
    'The plan cannot predate the TYP relationship',
    'data.agreedOn',
  );
  ensure(
    d.approvedByClient,
    'multisectoral_plan.client_approval',
    'The plan counts only once the client approves it',
    'data.approvedByClient',
  );
  const types = new Set(d.approvedByOrganisations.map((o) => o.organisationType));
  ensure(
    types.has('employment_authority') && types.has('wellbeing_county'),
    'multisectoral_plan.parties',
    'The employment authority and the wellbeing county must approve the plan',
    'data.approvedByOrganisations',
  );
  ensure(
    !d.kelaRehabilitationNeeded || types.has('kela'),
    'multisectoral_plan.kela_party',
    'Kela is a party when its rehabilitation is needed',
    'data.approvedByOrganisations',
  );
  if (d.kuty) checkKutyItems(d.kuty, rulesFor(ctx, d.agreedOn), 'data.kuty');
  return [draft('MultisectoralPlanAgreed', d.agreedOn, { ...d, planId: d.planId ?? ctx.newId() })];
}

export function reviewPlan(
  state: ClientPathState,
  cmd: CommandOfType<'ReviewPlan'>,
  ctx: DecisionContext,
): EventDraft[] {
  const plan = state.plans[cmd.data.planId];
  if (!plan) throw new NotFoundInStreamError('plan', cmd.data.planId);
  notInFuture(ctx, cmd.data.reviewedOn, 'data.reviewedOn');
  ensure(
    cmd.data.reviewedOn >= plan.agreedOn,
    'plan_review.before_agreement',
    'A review cannot predate the plan',
    'data.reviewedOn',
  );
  if (cmd.data.kuty) {
    ensure(
      plan.kind !== 'employment',
      'plan_review.kuty_on_employment_plan',
      'Kuty items live in the activation or the multi-sectoral plan',
      'data.kuty',
    );
    checkKutyItems(cmd.data.kuty, rulesFor(ctx, cmd.data.reviewedOn), 'data.kuty');
  }
  return [draft('PlanReviewed', cmd.data.reviewedOn, cmd.data)];
}
