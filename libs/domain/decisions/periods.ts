import type { ClientPathState, PeriodState } from '../client-path/index.js';
import { NotFoundInStreamError } from '../errors.js';
import { serviceTypeRules, type ServiceTypeRules } from '../rule-sets/index.js';
import type { CommandOfType, EventDraft } from './commands.js';
import { draft, ensure, notInFuture, organisationRef, rulesFor, type DecisionContext } from './context.js';
import { checkPeriodShape } from './period-limits.js';
import { checkAgainstPlanItems, planBasisOf } from './plan-basis.js';
import { peopleOn } from './people.js';

function period(state: ClientPathState, periodId: string): PeriodState {
  const p = state.periods[periodId];
  if (!p) throw new NotFoundInStreamError('service period', periodId);
  return p;
}

export function startServicePeriod(
  state: ClientPathState,
  cmd: CommandOfType<'StartServicePeriod'>,
  ctx: DecisionContext,
): EventDraft[] {
  const d = cmd.data;
  notInFuture(ctx, d.startDate, 'data.startDate');
  const set = rulesFor(ctx, d.startDate);
  const t = serviceTypeRules(set, d.serviceType);
  ensure(t, 'service_type.unknown', `Unknown service type '${d.serviceType}'`, 'data.serviceType');
  const periodId = d.periodId ?? ctx.newId();
  ensure(!state.periods[periodId], 'service_period.duplicate_id', `Period ${periodId} exists already`, 'data.periodId');
  checkPeriodShape(
    t,
    { ...d, providerKind: d.provider.providerKind },
    {
      plannedEndDate: 'data.plannedEndDate',
      daysPerWeek: 'data.daysPerWeek',
      hoursPerDay: 'data.hoursPerDay',
      providerKind: 'data.provider.providerKind',
    },
  );
  if (t.oneActivePeriodAtATime) {
    // Still running, or (recorded late) ended on or after the new start: the two would overlap.
    const active = Object.values(state.periods).find(
      (p) => p.family === t.family && (p.status !== 'ended' || (p.endDate ?? d.startDate) >= d.startDate),
    );
    ensure(
      !active,
      'service_period.one_active_at_a_time',
      `A ${t.name} period (${active?.periodId}) is still active on ${d.startDate}`,
      'data.serviceType',
      { activePeriodId: active?.periodId },
    );
  }
  let planned: Partial<typeof d> = {};
  if (t.planBasis) {
    const plan = planBasisOf(state, t, set, d.planId, d.startDate);
    if (plan.kuty) {
      checkAgainstPlanItems(plan.kuty, { ...d, providerId: d.provider.organisationId }, set, { checkStart: true });
      planned = { place: d.place ?? plan.kuty.place };
    }
    planned = { ...planned, planId: plan.planId };
  }
  if (d.referralId) {
    const r = state.referrals[d.referralId];
    if (!r) throw new NotFoundInStreamError('referral', d.referralId);
    ensure(
      r.status === 'accepted',
      'service_period.referral_not_accepted',
      `The referral is ${r.status}, not accepted`,
      'data.referralId',
    );
  }
  return [
    draft('ServicePeriodStarted', d.startDate, {
      ...d,
      ...planned,
      provider: organisationRef(d.provider, ['providerKind']),
      periodId,
    }),
  ];
}

export function pauseServicePeriod(
  state: ClientPathState,
  cmd: CommandOfType<'PauseServicePeriod'>,
  ctx: DecisionContext,
): EventDraft[] {
  const p = period(state, cmd.data.periodId);
  ensure(p.status === 'active', 'service_period.not_active', `The period is ${p.status}`, 'data.periodId');
  notInFuture(ctx, cmd.data.pausedOn, 'data.pausedOn');
  ensure(
    cmd.data.pausedOn >= p.startDate,
    'service_period.date_before_start',
    'pausedOn is before the start',
    'data.pausedOn',
  );
  const lastAttended = p.attendedDates[p.attendedDates.length - 1];
  ensure(
    !lastAttended || cmd.data.pausedOn > lastAttended,
    'service_period.pause_over_attendance',
    `Attendance is reported up to ${lastAttended}: a pause cannot cover reported days`,
    'data.pausedOn',
    { lastAttended },
  );
  return [draft('ServicePeriodPaused', cmd.data.pausedOn, cmd.data)];
}

export function resumeServicePeriod(
  state: ClientPathState,
  cmd: CommandOfType<'ResumeServicePeriod'>,
  ctx: DecisionContext,
): EventDraft[] {
  const p = period(state, cmd.data.periodId);
  ensure(p.status === 'paused', 'service_period.not_paused', `The period is ${p.status}`, 'data.periodId');
  notInFuture(ctx, cmd.data.resumedOn, 'data.resumedOn');
  ensure(
    cmd.data.resumedOn >= p.pausedOn!,
    'service_period.resume_before_pause',
    'resumedOn is before the pause',
    'data.resumedOn',
  );
  return [draft('ServicePeriodResumed', cmd.data.resumedOn, cmd.data)];
}

export function endServicePeriod(
  state: ClientPathState,
  cmd: CommandOfType<'EndServicePeriod'>,
  ctx: DecisionContext,
): EventDraft[] {
  const p = period(state, cmd.data.periodId);
  ensure(p.status !== 'ended', 'service_period.already_ended', `The period ended on ${p.endDate}`, 'data.periodId');
  notInFuture(ctx, cmd.data.endDate, 'data.endDate');
  ensure(
    cmd.data.endDate >= p.startDate,
    'service_period.date_before_start',
    'endDate is before the start',
    'data.endDate',
  );
  const lastAttended = p.attendedDates[p.attendedDates.length - 1];
  ensure(
    !lastAttended || cmd.data.endDate >= lastAttended,
    'service_period.end_before_attendance',
    `Attendance is reported up to ${lastAttended}`,
    'data.endDate',
  );
  return [draft('ServicePeriodEnded', cmd.data.endDate, cmd.data)];
}

/**
 * Goal review (tavoitearviointi) with the client, the responsible officer or named worker
 * following the kuty, and the period's own instructor: each must be on record on the day.
 * After the period's end only the end assessment (loppuarviointi) may be held.
 */
export function holdGoalReview(
  state: ClientPathState,
  cmd: CommandOfType<'HoldGoalReview'>,
  ctx: DecisionContext,
): EventDraft[] {
  const d = cmd.data;
  const p = period(state, d.periodId);
  notInFuture(ctx, d.heldOn, 'data.heldOn');
  ensure(d.heldOn >= p.startDate, 'service_period.date_before_start', 'heldOn is before the start', 'data.heldOn');
  ensure(
    !p.endDate || d.heldOn <= p.endDate || d.endAssessment === true,
    'goal_review.after_period_end',
    `The period ended on ${p.endDate}: only the end assessment can follow`,
    'data.heldOn',
    { endDate: p.endDate },
  );
  ensure(
    !d.endAssessment || !p.endAssessedOn,
    'goal_review.end_assessment_held',
    `The end assessment was held on ${p.endAssessedOn}`,
    'data.endAssessment',
  );
  const t = serviceTypeRules(rulesFor(ctx, p.startDate), p.serviceType);
  if (t?.goalReviewIntervalMonths) {
    const who = d.participants;
    ensure(
      who.client && who.responsibleOfficerId && who.ownInstructorId,
      'goal_review.participants',
      'The client, the responsible officer and the own instructor take part',
      'data.participants',
    );
    const onRecord = peopleOn(state, d.heldOn);
    ensure(
      onRecord.some(
        (x) =>
          x.personId === who.responsibleOfficerId && (x.role === 'responsible_officer' || x.role === 'named_worker'),
      ),
      'goal_review.officer_not_on_record',
      `${who.responsibleOfficerId} is not a responsible officer or named worker of the client on ${d.heldOn}`,
      'data.participants.responsibleOfficerId',
    );
    ensure(
      onRecord.some(
        (x) => x.personId === who.ownInstructorId && x.role === 'own_instructor' && x.periodId === p.periodId,
      ),
      'goal_review.instructor_not_on_record',
      `${who.ownInstructorId} is not the period's own instructor on ${d.heldOn}`,
      'data.participants.ownInstructorId',
    );
  }
  return [draft('GoalReviewHeld', d.heldOn, d)];
}

/**
 * Days, hours, place or length changed during a period: allowed only once the plan it rests
 * on has been reviewed or amended, after the period started, to carry the change.
 */
export function changeServicePeriod(
  state: ClientPathState,
  cmd: CommandOfType<'ChangeServicePeriod'>,
  ctx: DecisionContext,
): EventDraft[] {
  const d = cmd.data;
  const p = period(state, d.periodId);
  ensure(p.status !== 'ended', 'service_period.already_ended', `The period ended on ${p.endDate}`, 'data.periodId');
  notInFuture(ctx, d.changedOn, 'data.changedOn');
  ensure(
    d.changedOn >= p.startDate,
    'service_period.date_before_start',
    'changedOn is before the start',
    'data.changedOn',
  );
  ensure(
    [d.daysPerWeek, d.hoursPerDay, d.place, d.plannedEndDate].some((x) => x !== undefined),
    'service_period.change_empty',
    'Give the days, hours, place or planned end that change',
    'data',
  );
  const set = rulesFor(ctx, p.startDate);
  const t = serviceTypeRules(set, p.serviceType);
  ensure(t, 'service_type.unknown', `Unknown service type '${p.serviceType}'`);
  const next = {
    startDate: p.startDate,
    plannedEndDate: d.plannedEndDate ?? p.plannedEndDate,
    daysPerWeek: d.daysPerWeek ?? p.daysPerWeek,
    hoursPerDay: d.hoursPerDay ?? p.hoursPerDay,
    place: d.place ?? p.place,
    providerId: p.provider.organisationId,
  };
  checkPeriodShape(
    t,
    { ...next, providerKind: p.provider.providerKind },
    {
      plannedEndDate: 'data.plannedEndDate',
      daysPerWeek: 'data.daysPerWeek',
      hoursPerDay: 'data.hoursPerDay',
      // The provider is the existing period's, not in the command: the period is what the caller named.
      providerKind: 'data.periodId',
    },
  );
  if (t.planBasis) {
    const plan = state.plans[d.planId];
    ensure(
      plan && t.planBasis.planKinds.includes(plan.kind),
      'kuty.plan_missing',
      `No ${t.planBasis.planKinds.join(' or ')} plan ${d.planId}`,
      'data.planId',
    );
    const amendedOn = plan.lastReviewedOn ?? plan.agreedOn;
    const since = p.changes?.at(-1)?.changedOn ?? p.startDate;
    ensure(
      amendedOn > since && amendedOn <= d.changedOn,
      'service_period.change_needs_plan_review',
      `The plan must be reviewed or amended to carry the change (after ${since}, by ${d.changedOn})`,
      'data.planId',
      { planAmendedOn: amendedOn },
    );
    ensure(plan.kuty, 'kuty.plan_items_missing', 'The plan carries no kuty items', 'data.planId');
    checkAgainstPlanItems(plan.kuty, next, set, { checkStart: false });
  }
  return [draft('ServicePeriodChanged', d.changedOn, d)];
}

export { reportAbsence, reportAttendance } from './attendance.js';
export type { ServiceTypeRules };
