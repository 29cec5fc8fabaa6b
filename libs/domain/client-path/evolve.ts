import { isPolkuEventType, type OrganisationRef, type PersonRole, type PolkuDomainEvent } from '../../events/index.js';
import { addDays, dateOf, maxDate, type IsoDate } from '../time/index.js';
import type { ClientPathState, NamedPerson, PeriodState, PlanState } from './state.js';
import { serviceTypeRules, ruleSetOn } from '../rule-sets/index.js';

/**
 * A period with some fields changed. Fields patched to undefined are dropped, not kept as
 * undefined: the stored state is JSON, and a key that survives in memory but not in JSON would
 * order a live projection's keys differently from a rebuilt one.
 */
const withPeriod = (
  s: ClientPathState,
  id: string,
  patch: (p: PeriodState) => Partial<PeriodState>,
): ClientPathState => {
  const p = s.periods[id];
  if (!p) return s;
  return { ...s, periods: { ...s.periods, [id]: patched(p, patch(p)) } };
};

/**
 * `{ ...p, ...changes }` without its undefined values. Mostly there are none: then the
 * spread (V8's fast object copy) is kept as it is; else the copy is built key by key, as
 * deleting keys would turn it into a slow dictionary-mode object.
 */
function patched(p: PeriodState, changes: Partial<PeriodState>): PeriodState {
  const merged: Record<string, unknown> = { ...p, ...changes };
  for (const key in merged) if (merged[key] === undefined) return withoutUndefined(merged);
  return merged as unknown as PeriodState;
}

function withoutUndefined(record: Record<string, unknown>): PeriodState {
  const next: Record<string, unknown> = {};
  for (const key of Object.keys(record)) if (record[key] !== undefined) next[key] = record[key];
  return next as unknown as PeriodState;
}

/**
 * Sorted attended dates with `added`: reports mostly come in date order, and then appending
 * gives what sorting would, without sorting the whole history again on every report.
 */
function withDates(dates: readonly IsoDate[], added: readonly IsoDate[]): IsoDate[] {
  const all = [...dates, ...added];
  for (let i = Math.max(1, dates.length); i < all.length; i++) if (all[i] < all[i - 1]) return all.sort();
  return all;
}

const withPlan = (s: ClientPathState, plan: Omit<PlanState, 'ruleSetId'>): ClientPathState => ({
  ...s,
  plans: { ...s.plans, [plan.planId]: { ...plan, ruleSetId: ruleSetOn(plan.agreedOn).id } },
});

/** Same naming slot: one person, one organisation, one role (own instructor: one period). */
const sameSlot = (
  a: Pick<NamedPerson, 'personId' | 'role' | 'periodId'> & { organisationId: string },
  b: NamedPerson,
) =>
  a.personId === b.personId &&
  a.role === b.role &&
  a.organisationId === b.organisation.organisationId &&
  (a.periodId ?? null) === (b.periodId ?? null);

function named(s: ClientPathState, person: NamedPerson, lead: boolean): ClientPathState {
  return {
    ...s,
    people: [...s.people, person],
    peopleHistory: [...s.peopleHistory, person],
    leadOfficerId: lead ? person.personId : s.leadOfficerId,
  };
}

/** Ends the namings that `ends` selects on `on`; the lead goes with the person's last naming. */
function released(s: ClientPathState, ends: (p: NamedPerson) => boolean, on: IsoDate): ClientPathState {
  if (!s.people.some(ends)) return s;
  const people = s.people.filter((p) => !ends(p));
  const peopleHistory = s.peopleHistory.map((p) => (!p.to && ends(p) ? { ...p, to: on } : p));
  const leadOfficerId = s.leadOfficerId && people.some((p) => p.personId === s.leadOfficerId) ? s.leadOfficerId : null;
  return { ...s, people, peopleHistory, leadOfficerId };
}

/** Legacy namings replaced the person in the same organisation and role. */
function legacyNamed(s: ClientPathState, person: NamedPerson): ClientPathState {
  const replaced = released(
    s,
    (p) =>
      p.role === person.role &&
      p.organisation.organisationId === person.organisation.organisationId &&
      (p.periodId ?? null) === (person.periodId ?? null),
    person.from,
  );
  return named(replaced, person, person.role !== 'own_instructor');
}

const legacyRole = (o: OrganisationRef): PersonRole =>
  o.organisationType === 'wellbeing_county' ? 'named_worker' : 'responsible_officer';

/** Folds one event into the state. Pure; unknown events leave the state unchanged. */
export function evolve(state: ClientPathState, event: PolkuDomainEvent): ClientPathState {
  if (!isPolkuEventType(event.type)) return state;
  const on = dateOf(event.occurredAt);
  const clientId = state.clientId ? state.clientId : event.clientId;
  const lastEventOn = state.lastEventOn ? maxDate(state.lastEventOn, on) : on;
  const next = applied(state, event, on);
  if (next === state) return { ...state, clientId, lastEventOn };
  // `next` is this call's own copy: setting the envelope fields on it saves copying the state
  // twice per event (both keys exist, so the key order is that of one spread)
  next.clientId = clientId;
  next.lastEventOn = lastEventOn;
  return next;
}

/** The event's own change: `s` itself when nothing changes, else a fresh copy (see evolve). */
function applied(s: ClientPathState, event: PolkuDomainEvent, on: IsoDate): ClientPathState {
  const org = event.actor.organisationId;
  switch (event.type) {
    case 'ClientRegistered':
      return {
        ...s,
        registered: true,
        birthDate: event.data.birthDate,
        registeredBy: { organisationId: org, organisationType: event.actor.organisationType },
      };
    case 'ConsentGiven':
      return {
        ...s,
        consents: {
          ...s.consents,
          [event.data.consentId]: {
            consentId: event.data.consentId,
            scope: event.data.scope,
            givenOn: on,
            givenTo: org,
            validUntil: event.data.validUntil,
          },
        },
      };
    case 'ConsentLimited': {
      const c = s.consents[event.data.consentId];
      return c ? { ...s, consents: { ...s.consents, [c.consentId]: { ...c, scope: event.data.scope } } } : s;
    }
    case 'ConsentWithdrawn': {
      const c = s.consents[event.data.consentId];
      return c ? { ...s, consents: { ...s.consents, [c.consentId]: { ...c, withdrawnOn: on } } } : s;
    }
    case 'TypRelationshipStarted':
      return {
        ...s,
        typ: {
          relationshipId: event.data.relationshipId,
          startDate: event.data.startDate,
          parties: event.data.parties,
        },
      };
    case 'TypRelationshipEnded':
      if (!s.typ) return s;
      return {
        ...s,
        typ: null,
        pastTypRelationships: [
          ...s.pastTypRelationships,
          { ...s.typ, endDate: event.data.endDate, endReason: event.data.reason },
        ],
      };
    case 'ServiceNeedAssessmentRecorded':
      return { ...s, assessmentIds: [...s.assessmentIds, event.data.assessmentId] };
    case 'BenefitStatusRecorded': {
      const entry = { from: event.data.asOf, benefit: event.data.currentBenefit };
      const history = [...s.benefitHistory.filter((b) => b.from !== entry.from), entry].sort((a, b) =>
        a.from < b.from ? -1 : a.from > b.from ? 1 : 0,
      );
      return { ...s, benefit: event.data, benefitHistory: history };
    }
    case 'EmploymentPlanAgreed':
      return withPlan(s, {
        planId: event.data.planId,
        kind: 'employment',
        agreedOn: event.data.agreedOn,
        organisationId: org,
        parties: [org],
      });
    case 'ActivationPlanAgreed':
      return withPlan(s, {
        planId: event.data.planId,
        kind: 'activation',
        agreedOn: event.data.agreedOn,
        organisationId: org,
        parties: [org],
        kuty: event.data.kuty,
      });
    case 'MultisectoralPlanAgreed':
      return withPlan(s, {
        planId: event.data.planId,
        kind: 'multisectoral',
        agreedOn: event.data.agreedOn,
        organisationId: org,
        parties: event.data.approvedByOrganisations.map((o) => o.organisationId),
        kuty: event.data.kuty,
      });
    case 'PlanReviewed': {
      const plan = s.plans[event.data.planId];
      if (!plan) return s;
      return {
        ...s,
        plans: {
          ...s.plans,
          [plan.planId]: { ...plan, lastReviewedOn: event.data.reviewedOn, kuty: event.data.kuty ?? plan.kuty },
        },
      };
    }
    case 'ReferralMade':
      return {
        ...s,
        referrals: {
          ...s.referrals,
          [event.data.referralId]: {
            referralId: event.data.referralId,
            serviceType: event.data.serviceType,
            madeOn: event.data.madeOn,
            status: 'open',
            to: event.data.to,
            from: { organisationId: org, organisationType: event.actor.organisationType },
          },
        },
      };
    case 'ReferralAccepted':
    case 'ReferralDeclined':
    case 'ReferralWithdrawn': {
      const r = s.referrals[event.data.referralId];
      if (!r) return s;
      const status =
        event.type === 'ReferralAccepted' ? 'accepted' : event.type === 'ReferralDeclined' ? 'declined' : 'withdrawn';
      return { ...s, referrals: { ...s.referrals, [r.referralId]: { ...r, status, answeredOn: on } } };
    }
    case 'ServicePeriodStarted': {
      const d = event.data;
      const family = serviceTypeRules(ruleSetOn(d.startDate), d.serviceType)?.family ?? d.serviceType;
      return {
        ...s,
        periods: {
          ...s.periods,
          [d.periodId]: {
            periodId: d.periodId,
            serviceType: d.serviceType,
            family,
            provider: d.provider,
            recordedBy: { organisationId: org, organisationType: event.actor.organisationType },
            startDate: d.startDate,
            plannedEndDate: d.plannedEndDate,
            daysPerWeek: d.daysPerWeek,
            hoursPerDay: d.hoursPerDay,
            place: d.place,
            travelEuroPerDay: d.travelEuroPerDay,
            referralId: d.referralId,
            planId: d.planId,
            status: 'active',
            pauses: [],
            attendedDates: [],
            absences: [],
            exceptions: [],
            changes: [],
          },
        },
      };
    }
    case 'ServicePeriodPaused':
      return withPeriod(s, event.data.periodId, (p) => ({
        status: 'paused',
        pausedOn: event.data.pausedOn,
        pauses: [...(p.pauses ?? []), { from: event.data.pausedOn }],
      }));
    case 'ServicePeriodResumed':
      // The pause covers the days up to the day before the resumption.
      return withPeriod(s, event.data.periodId, (p) => ({
        status: 'active',
        pausedOn: undefined,
        pauses: (p.pauses ?? []).map((x) => (x.to === undefined ? { ...x, to: addDays(event.data.resumedOn, -1) } : x)),
      }));
    case 'ServicePeriodChanged': {
      const d = event.data;
      return withPeriod(s, d.periodId, (p) => ({
        daysPerWeek: d.daysPerWeek ?? p.daysPerWeek,
        hoursPerDay: d.hoursPerDay ?? p.hoursPerDay,
        place: d.place ?? p.place,
        plannedEndDate: d.plannedEndDate ?? p.plannedEndDate,
        changes: [...(p.changes ?? []), { changedOn: d.changedOn, planId: d.planId }],
      }));
    }
    case 'ServicePeriodEnded': {
      const ended = withPeriod(s, event.data.periodId, () => ({
        status: 'ended',
        endDate: event.data.endDate,
        endReason: event.data.endReason,
        continuation: event.data.continuation,
      }));
      // The own instructor of a period is named for that period only.
      return released(ended, (p) => p.periodId === event.data.periodId, event.data.endDate);
    }
    case 'AttendanceReported':
      return withPeriod(s, event.data.periodId, (p) => ({
        attendedDates: withDates(p.attendedDates, event.data.attendedDates),
        exceptions: event.data.exceptions?.length
          ? [...(p.exceptions ?? []), ...event.data.exceptions]
          : (p.exceptions ?? []),
      }));
    case 'AbsenceReported':
      return withPeriod(s, event.data.periodId, (p) => ({
        absences: [
          ...(p.absences ?? []),
          ...event.data.absentDates.map((date) => ({ date, reason: event.data.reason })),
        ],
      }));
    case 'GoalReviewHeld':
      return withPeriod(s, event.data.periodId, () => ({
        lastGoalReviewOn: event.data.heldOn,
        ...(event.data.endAssessment ? { endAssessedOn: event.data.heldOn } : {}),
      }));
    case 'PersonNamed': {
      const d = event.data;
      return named(
        s,
        {
          personId: d.personId,
          personName: d.personName,
          organisation: d.organisation,
          role: d.role,
          ...(d.periodId ? { periodId: d.periodId } : {}),
          from: d.namedOn,
        },
        d.lead === true,
      );
    }
    case 'PersonReleased': {
      const d = event.data;
      return released(s, (p) => sameSlot({ ...d }, p), d.releasedOn);
    }
    case 'LeadOfficerDesignated':
      return { ...s, leadOfficerId: event.data.personId };
    case 'ResponsibleOfficerAssigned': {
      const d = event.data;
      return legacyNamed(s, {
        personId: d.officerId,
        personName: d.officerName,
        organisation: d.organisation,
        role: legacyRole(d.organisation),
        from: d.assignedOn,
      });
    }
    case 'ResponsibleOfficerReleased':
      return released(
        s,
        (p) => p.personId === event.data.officerId && p.role !== 'own_instructor',
        event.data.releasedOn,
      );
    case 'OwnInstructorAssigned': {
      const p = s.periods[event.data.periodId];
      if (!p) return s;
      return legacyNamed(s, {
        personId: event.data.instructorId,
        personName: event.data.instructorName,
        organisation: { organisationId: p.provider.organisationId, organisationType: 'provider' },
        role: 'own_instructor',
        periodId: p.periodId,
        from: event.data.assignedOn,
      });
    }
    case 'WorkAbilityAssessmentRecorded':
      return { ...s, workAbilityAssessmentIds: [...s.workAbilityAssessmentIds, event.data.assessmentId] };
    case 'ClientDataErased':
      return { ...s, erased: true };
    default:
      return s;
  }
}
