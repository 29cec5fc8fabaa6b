import type { ClientPathState, PeriodState } from '../client-path/index.js';
import { NotFoundInStreamError } from '../errors.js';
import { serviceTypeRules, type ServiceTypeRules } from '../rule-sets/index.js';
import type { CommandOfType, EventDraft } from './commands.js';
import { draft, ensure, notInFuture, organisationRef, rulesFor, type DecisionContext } from './context.js';
import { checkPeriodShape } from './period-limits.js';
import { missingKutyItems } from './plans.js';

function period(state: ClientPathState, periodId: string): PeriodState {
  const p = state.periods[periodId];
  if (!p) throw new NotFoundInStreamError('service period', periodId);
  return p;
}

/** The plan must already be agreed on the start date: a period cannot start without it. */
function requireActivationPlanItems(state: ClientPathState, planId: string | undefined, startDate: string): void {
  const plans = Object.values(state.plans).filter((p) => p.kind === 'activation' && (!planId || p.planId === planId) && p.agreedOn <= startDate);
  const plan = plans.sort((a, b) => (a.agreedOn < b.agreedOn ? 1 : -1))[0];
  ensure(plan, 'kuty.activation_plan_missing', `A kuty period needs an activation plan agreed by ${startDate}`, 'data.planId');
  const missing = missingKutyItems(plan.kuty);
  ensure(missing.length === 0, 'kuty.plan_items_missing', `The activation plan lacks kuty items: ${missing.join(', ')}`, 'data.planId', { missing, planId: plan.planId });
}

export function startServicePeriod(state: ClientPathState, cmd: CommandOfType<'StartServicePeriod'>, ctx: DecisionContext): EventDraft[] {
  const d = cmd.data;
  notInFuture(ctx, d.startDate, 'data.startDate');
  const set = rulesFor(ctx, d.startDate);
  const t = serviceTypeRules(set, d.serviceType);
  ensure(t, 'service_type.unknown', `Unknown service type '${d.serviceType}'`, 'data.serviceType');
  const periodId = d.periodId ?? ctx.newId();
  ensure(!state.periods[periodId], 'service_period.duplicate_id', `Period ${periodId} exists already`, 'data.periodId');
  checkPeriodShape(t, { ...d, providerKind: d.provider.providerKind }, {
    plannedEndDate: 'data.plannedEndDate', daysPerWeek: 'data.daysPerWeek', hoursPerDay: 'data.hoursPerDay', providerKind: 'data.provider.providerKind',
  });
  if (t.oneActivePeriodAtATime) {
    // Still running, or (recorded late) ended on or after the new start: the two would overlap.
    const active = Object.values(state.periods).find((p) => p.family === t.family && (p.status !== 'ended' || (p.endDate ?? d.startDate) >= d.startDate));
    ensure(!active, 'service_period.one_active_at_a_time', `A ${t.name} period (${active?.periodId}) is still active on ${d.startDate}`, 'data.serviceType', { activePeriodId: active?.periodId });
  }
  if (t.requiresActivationPlanItems) requireActivationPlanItems(state, d.planId, d.startDate);
  if (d.referralId) {
    const r = state.referrals[d.referralId];
    if (!r) throw new NotFoundInStreamError('referral', d.referralId);
    ensure(r.status === 'accepted', 'service_period.referral_not_accepted', `The referral is ${r.status}, not accepted`, 'data.referralId');
  }
  return [draft('ServicePeriodStarted', d.startDate, { ...d, provider: organisationRef(d.provider, ['providerKind']), periodId })];
}

export function pauseServicePeriod(state: ClientPathState, cmd: CommandOfType<'PauseServicePeriod'>, ctx: DecisionContext): EventDraft[] {
  const p = period(state, cmd.data.periodId);
  ensure(p.status === 'active', 'service_period.not_active', `The period is ${p.status}`, 'data.periodId');
  notInFuture(ctx, cmd.data.pausedOn, 'data.pausedOn');
  ensure(cmd.data.pausedOn >= p.startDate, 'service_period.date_before_start', 'pausedOn is before the start', 'data.pausedOn');
  return [draft('ServicePeriodPaused', cmd.data.pausedOn, cmd.data)];
}

export function resumeServicePeriod(state: ClientPathState, cmd: CommandOfType<'ResumeServicePeriod'>, ctx: DecisionContext): EventDraft[] {
  const p = period(state, cmd.data.periodId);
  ensure(p.status === 'paused', 'service_period.not_paused', `The period is ${p.status}`, 'data.periodId');
  notInFuture(ctx, cmd.data.resumedOn, 'data.resumedOn');
  ensure(cmd.data.resumedOn >= p.pausedOn!, 'service_period.resume_before_pause', 'resumedOn is before the pause', 'data.resumedOn');
  return [draft('ServicePeriodResumed', cmd.data.resumedOn, cmd.data)];
}

export function endServicePeriod(state: ClientPathState, cmd: CommandOfType<'EndServicePeriod'>, ctx: DecisionContext): EventDraft[] {
  const p = period(state, cmd.data.periodId);
  ensure(p.status !== 'ended', 'service_period.already_ended', `The period ended on ${p.endDate}`, 'data.periodId');
  notInFuture(ctx, cmd.data.endDate, 'data.endDate');
  ensure(cmd.data.endDate >= p.startDate, 'service_period.date_before_start', 'endDate is before the start', 'data.endDate');
  const lastAttended = p.attendedDates[p.attendedDates.length - 1];
  ensure(!lastAttended || cmd.data.endDate >= lastAttended, 'service_period.end_before_attendance', `Attendance is reported up to ${lastAttended}`, 'data.endDate');
  return [draft('ServicePeriodEnded', cmd.data.endDate, cmd.data)];
}

export function holdGoalReview(state: ClientPathState, cmd: CommandOfType<'HoldGoalReview'>, ctx: DecisionContext): EventDraft[] {
  const p = period(state, cmd.data.periodId);
  notInFuture(ctx, cmd.data.heldOn, 'data.heldOn');
  ensure(cmd.data.heldOn >= p.startDate, 'service_period.date_before_start', 'heldOn is before the start', 'data.heldOn');
  const t = serviceTypeRules(rulesFor(ctx, p.startDate), p.serviceType);
  if (t?.goalReviewIntervalMonths) {
    // Kuty goals are reviewed together: client, responsible officer and own instructor.
    const who = cmd.data.participants;
    ensure(who.client && who.responsibleOfficerId && who.ownInstructorId, 'goal_review.participants',
      'The client, the responsible officer and the own instructor take part', 'data.participants');
  }
  return [draft('GoalReviewHeld', cmd.data.heldOn, cmd.data)];
}

export { reportAttendance } from './attendance.js';
export type { ServiceTypeRules };
