import type { PolkuDomainEvent } from '../../events/index.js';
import { dateOf } from '../time/index.js';
import type { ClientPathState, PeriodState, PlanState } from './state.js';
import { serviceTypeRules, ruleSetOn } from '../rule-sets/index.js';

const withPeriod = (s: ClientPathState, id: string, patch: (p: PeriodState) => Partial<PeriodState>): ClientPathState => {
  const p = s.periods[id];
  return p ? { ...s, periods: { ...s.periods, [id]: { ...p, ...patch(p) } } } : s;
};

const withPlan = (s: ClientPathState, plan: PlanState): ClientPathState => ({
  ...s, plans: { ...s.plans, [plan.planId]: plan },
});

/** Folds one event into the state. Pure; unknown events leave the state unchanged. */
export function evolve(state: ClientPathState, event: PolkuDomainEvent): ClientPathState {
  const s = state.clientId ? state : { ...state, clientId: event.clientId };
  const org = event.actor.organisationId;
  switch (event.type) {
    case 'ClientRegistered':
      return { ...s, registered: true, birthDate: event.data.birthDate,
        registeredBy: { organisationId: org, organisationType: event.actor.organisationType } };
    case 'ConsentGiven':
      return { ...s, consents: { ...s.consents, [event.data.consentId]: {
        consentId: event.data.consentId, scope: event.data.scope, givenOn: dateOf(event.occurredAt),
        givenTo: org, validUntil: event.data.validUntil,
      } } };
    case 'ConsentLimited': {
      const c = s.consents[event.data.consentId];
      return c ? { ...s, consents: { ...s.consents, [c.consentId]: { ...c, scope: event.data.scope } } } : s;
    }
    case 'ConsentWithdrawn': {
      const c = s.consents[event.data.consentId];
      return c ? { ...s, consents: { ...s.consents, [c.consentId]: { ...c, withdrawnOn: dateOf(event.occurredAt) } } } : s;
    }
    case 'TypRelationshipStarted':
      return { ...s, typ: { relationshipId: event.data.relationshipId, startDate: event.data.startDate, parties: event.data.parties } };
    case 'TypRelationshipEnded':
      if (!s.typ) return s;
      return { ...s, typ: null, pastTypRelationships: [...s.pastTypRelationships,
        { ...s.typ, endDate: event.data.endDate, endReason: event.data.reason }] };
    case 'ServiceNeedAssessmentRecorded':
      return { ...s, assessmentIds: [...s.assessmentIds, event.data.assessmentId] };
    case 'BenefitStatusRecorded':
      return { ...s, benefit: event.data };
    case 'EmploymentPlanAgreed':
      return withPlan(s, { planId: event.data.planId, kind: 'employment', agreedOn: event.data.agreedOn, organisationId: org, parties: [org] });
    case 'ActivationPlanAgreed':
      return withPlan(s, { planId: event.data.planId, kind: 'activation', agreedOn: event.data.agreedOn, organisationId: org, parties: [org], kuty: event.data.kuty });
    case 'MultisectoralPlanAgreed':
      return withPlan(s, { planId: event.data.planId, kind: 'multisectoral', agreedOn: event.data.agreedOn, organisationId: org,
        parties: event.data.approvedByOrganisations.map((o) => o.organisationId) });
    case 'PlanReviewed': {
      const plan = s.plans[event.data.planId];
      return plan ? withPlan(s, { ...plan, lastReviewedOn: event.data.reviewedOn }) : s;
    }
    case 'ReferralMade':
      return { ...s, referrals: { ...s.referrals, [event.data.referralId]: {
        referralId: event.data.referralId, serviceType: event.data.serviceType, madeOn: event.data.madeOn, status: 'open',
        to: event.data.to, from: { organisationId: org, organisationType: event.actor.organisationType },
      } } };
    case 'ReferralAccepted':
    case 'ReferralDeclined':
    case 'ReferralWithdrawn': {
      const r = s.referrals[event.data.referralId];
      if (!r) return s;
      const status = event.type === 'ReferralAccepted' ? 'accepted' : event.type === 'ReferralDeclined' ? 'declined' : 'withdrawn';
      return { ...s, referrals: { ...s.referrals, [r.referralId]: { ...r, status, answeredOn: dateOf(event.occurredAt) } } };
    }
    case 'ServicePeriodStarted': {
      const d = event.data;
      const family = serviceTypeRules(ruleSetOn(d.startDate), d.serviceType)?.family ?? d.serviceType;
      return { ...s, periods: { ...s.periods, [d.periodId]: {
        periodId: d.periodId, serviceType: d.serviceType, family, provider: d.provider,
        recordedBy: { organisationId: org, organisationType: event.actor.organisationType },
        startDate: d.startDate, plannedEndDate: d.plannedEndDate, daysPerWeek: d.daysPerWeek, hoursPerDay: d.hoursPerDay,
        referralId: d.referralId, planId: d.planId, status: 'active', attendedDates: [],
      } } };
    }
    case 'ServicePeriodPaused':
      return withPeriod(s, event.data.periodId, () => ({ status: 'paused', pausedOn: event.data.pausedOn }));
    case 'ServicePeriodResumed':
      return withPeriod(s, event.data.periodId, () => ({ status: 'active', pausedOn: undefined }));
    case 'ServicePeriodEnded':
      return withPeriod(s, event.data.periodId, () => ({
        status: 'ended', endDate: event.data.endDate, endReason: event.data.endReason, continuation: event.data.continuation,
      }));
    case 'AttendanceReported':
      return withPeriod(s, event.data.periodId, (p) => ({ attendedDates: [...p.attendedDates, ...event.data.attendedDates].sort() }));
    case 'GoalReviewHeld':
      return withPeriod(s, event.data.periodId, () => ({ lastGoalReviewOn: event.data.heldOn }));
    case 'OwnInstructorAssigned':
      return withPeriod(s, event.data.periodId, () => ({ ownInstructor: {
        instructorId: event.data.instructorId, instructorName: event.data.instructorName, since: event.data.assignedOn } }));
    case 'WorkAbilityAssessmentRecorded':
      return { ...s, workAbilityAssessmentIds: [...s.workAbilityAssessmentIds, event.data.assessmentId] };
    case 'ResponsibleOfficerAssigned': {
      const d = event.data;
      const history = s.officerHistory.map((h) => (h.to ? h : { ...h, to: d.assignedOn }));
      const current = { officerId: d.officerId, officerName: d.officerName, organisation: d.organisation, from: d.assignedOn };
      return { ...s, responsibleOfficer: current, officerHistory: [...history, current] };
    }
    case 'ResponsibleOfficerReleased': {
      if (s.responsibleOfficer?.officerId !== event.data.officerId) return s;
      const history = s.officerHistory.map((h) => (h.to ? h : { ...h, to: event.data.releasedOn }));
      return { ...s, responsibleOfficer: null, officerHistory: history };
    }
    case 'ClientDataErased':
      return { ...s, erased: true };
    default:
      return s;
  }
}
