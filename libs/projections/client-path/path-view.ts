import {
  addDays,
  deadlinesOf,
  kutyDaysInWindow,
  multisectoralPlanDueDate,
  nextGoalReviewDate,
  nextPlanReviewDate,
  periodMaxEndDate,
  retentionOf,
  ruleSetOn,
  serviceTypeRules,
  type NamedPerson,
  type PeriodState,
  consentsOf,
  periodsOf,
  plansOf,
  referralsOf,
} from '../../domain/index.js';
import type { ClientProjectionState } from './state.js';
import { timelineOrder } from './state.js';

function periodView(p: PeriodState, allFamilyDates: string[], people: NamedPerson[]) {
  const t = serviceTypeRules(ruleSetOn(p.startDate), p.serviceType);
  const last = p.attendedDates[p.attendedDates.length - 1];
  return {
    periodId: p.periodId,
    serviceType: p.serviceType,
    serviceName: t?.name ?? p.serviceType,
    status: p.status,
    provider: p.provider,
    recordedBy: p.recordedBy,
    startDate: p.startDate,
    plannedEndDate: p.plannedEndDate,
    daysPerWeek: p.daysPerWeek,
    hoursPerDay: p.hoursPerDay,
    place: p.place ?? null,
    travelEuroPerDay: p.travelEuroPerDay ?? null,
    referralId: p.referralId,
    planId: p.planId,
    pausedOn: p.pausedOn,
    pauses: p.pauses ?? [],
    endDate: p.endDate,
    endReason: p.endReason,
    continuation: p.continuation,
    attendedDays: p.attendedDates.length,
    absences: p.absences ?? [],
    exceptions: p.exceptions ?? [],
    changes: p.changes ?? [],
    activityDaysInLast12Months:
      t?.maxActivityDaysIn12Months && last ? kutyDaysInWindow(allFamilyDates, last) : undefined,
    maxActivityDaysIn12Months: t?.maxActivityDaysIn12Months,
    maxEndDate: periodMaxEndDate(p),
    lastGoalReviewOn: p.lastGoalReviewOn,
    endAssessedOn: p.endAssessedOn ?? null,
    nextGoalReviewDue: p.status === 'ended' ? null : nextGoalReviewDate(p),
    ownInstructor: people.find((x) => x.role === 'own_instructor' && x.periodId === p.periodId) ?? null,
  };
}

/**
 * The service path document: timeline across organisations plus the current status. Lists
 * come in date order (never a record's key order), so a model is the same however it was built.
 */
export function buildPathView(clientId: string, s: ClientProjectionState): Record<string, unknown> {
  const d = s.domain;
  const periods = periodsOf(d);
  const familyDates = (family: string) =>
    periods
      .filter((p) => p.family === family)
      .flatMap((p) => p.attendedDates)
      .sort();
  const typ = d.typ && {
    ...d.typ,
    multisectoralPlanDueDate: multisectoralPlanDueDate(d.typ.startDate),
    multisectoralPlanAgreedOn:
      plansOf(d)
        .filter((p) => p.kind === 'multisectoral' && p.agreedOn >= d.typ!.startDate)
        .map((p) => p.agreedOn)
        .sort()[0] ?? null,
  };
  const organisations = [...new Set(s.timeline.map((t) => t.organisationId))];
  return {
    clientId,
    profile: s.profile,
    status: {
      typRelationship: typ,
      pastTypRelationships: d.pastTypRelationships,
      currentBenefit: d.benefit?.currentBenefit ?? null,
      plans: plansOf(d).map((p) => ({ ...p, nextReviewDue: p.kind === 'employment' ? null : nextPlanReviewDate(p) })),
      openReferrals: referralsOf(d)
        .filter((r) => r.status === 'open')
        .map((r) => ({ ...r, answerDue: addDays(r.madeOn, ruleSetOn(r.madeOn).referralAnswerDays) })),
      referrals: referralsOf(d),
      activePeriods: periods
        .filter((p) => p.status !== 'ended')
        .map((p) => periodView(p, familyDates(p.family), d.people)),
      endedPeriods: periods
        .filter((p) => p.status === 'ended')
        .map((p) => periodView(p, familyDates(p.family), d.people)),
      // Everyone named now, per organisation and role, and who leads (asiakasvastaava).
      people: d.people.map((p) => ({ ...p, lead: p.personId === d.leadOfficerId && p.role !== 'own_instructor' })),
      leadOfficer: d.people.find((p) => p.personId === d.leadOfficerId && p.role !== 'own_instructor') ?? null,
      peopleHistory: d.peopleHistory,
      retention: retentionOf(d),
      consents: consentsOf(d),
      deadlines: deadlinesOf(d),
    },
    organisations,
    timeline: [...s.timeline].sort(timelineOrder),
  };
}
