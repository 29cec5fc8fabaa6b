/**
 * Builds a client's history as real events and folds it with `evolve`, so tests drive
 * `decide` from the same state production would rebuild. Pure (no jest).
 */
import type {
  Actor,
  EventData,
  EventOfType,
  OrganisationRef,
  PersonRole,
  PolkuDomainEvent,
  PolkuEventType,
  TypEndReason,
} from '../../events/index.js';
import { evolve, initialState, type ClientPathState } from '../client-path/index.js';
import { decide, type ClientCommand, type DecisionContext, type EventDraft } from '../decisions/index.js';
import { RuleViolationError } from '../errors.js';
import { addDays, toDate, type IsoDate } from '../time/index.js';
import {
  actorOf,
  CLIENT_ID,
  ELIGIBLE_BENEFIT,
  KUTY,
  KUTY_START,
  kutyItems,
  ORG,
  periodData,
  TODAY,
  type BenefitData,
  type OrgKey,
  type PeriodData,
} from './fixtures.js';

let eventSeq = 0;

/** Wraps data in a full envelope. occurredAt defaults to the first business date in the data. */
export function eventOf<T extends PolkuEventType>(
  type: T,
  data: EventData<T>,
  opts: { actor?: Actor; occurredAt?: string; clientId?: string } = {},
): EventOfType<T> {
  const guessed = Object.entries(data as Record<string, unknown>).find(
    ([k, v]) => typeof v === 'string' && /(On|Date|asOf)$/.test(k),
  )?.[1] as string | undefined;
  const occurredAt = opts.occurredAt ?? guessed ?? TODAY;
  eventSeq += 1;
  return {
    eventId: `event-${eventSeq}`,
    schemaVersion: 1,
    clientId: opts.clientId ?? CLIENT_ID,
    occurredAt,
    recordedAt: `${TODAY}T12:00:00Z`,
    actor: opts.actor ?? actorOf('employment'),
    correlationId: `corr-${eventSeq}`,
    causationId: null,
    type,
    data,
  } as unknown as EventOfType<T>;
}

export const fold = (events: readonly PolkuDomainEvent[], from: ClientPathState = initialState()): ClientPathState =>
  events.reduce(evolve, from);

/** Turns decided drafts into events by `actor`, as the application layer would. */
export const eventsFromDrafts = (drafts: EventDraft[], actor: Actor): PolkuDomainEvent[] =>
  drafts.map((d) => eventOf(d.type, d.data as never, { actor, occurredAt: d.occurredAt }));

/** decide, then fold the result: the next state of a multi-step scenario. */
export function decideAndFold(command: ClientCommand, state: ClientPathState, ctx: DecisionContext): ClientPathState {
  return fold(eventsFromDrafts(decide(command, state, ctx), ctx.actor), state);
}

/** The RuleViolationError thrown by fn; fails loudly when fn does not throw one. */
export function violation(fn: () => unknown): RuleViolationError {
  try {
    fn();
  } catch (e) {
    if (e instanceof RuleViolationError) return e;
    throw new Error(`expected a RuleViolationError, got ${String(e)}`);
  }
  throw new Error('expected a RuleViolationError, but the decision succeeded');
}

/** `count` dates from `from` on, on the given ISO weekdays (1 = Monday … 7 = Sunday). */
export function activityDays(from: IsoDate, count: number, weekdays: number[] = [1, 2, 3, 4]): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = from; out.length < count; d = addDays(d, 1)) {
    const isoDay = ((toDate(d).getUTCDay() + 6) % 7) + 1;
    if (weekdays.includes(isoDay)) out.push(d);
  }
  return out;
}

type Org = OrgKey | OrganisationRef;

/** Fluent history: each method appends one event authored by a plausible organisation. */
export class History {
  readonly events: PolkuDomainEvent[] = [];

  add<T extends PolkuEventType>(type: T, data: EventData<T>, by: Org = 'employment', occurredAt?: string): this {
    this.events.push(eventOf(type, data, { actor: actorOf(by), occurredAt }));
    return this;
  }

  registered(birthDate: IsoDate = '1985-05-10'): this {
    return this.add(
      'ClientRegistered',
      { fullName: 'Testi Asiakas', birthDate, municipality: 'Pori' },
      'employment',
      '2024-11-01',
    );
  }

  benefit(over: Partial<BenefitData> = {}): this {
    return this.add('BenefitStatusRecorded', { ...ELIGIBLE_BENEFIT, ...over });
  }

  employmentPlan(planId = 'employment-1', agreedOn: IsoDate = '2024-12-01'): this {
    return this.add('EmploymentPlanAgreed', {
      planId,
      agreedOn,
      services: [],
      jobSearchObligation: 'Apply for 4 jobs a month',
    });
  }

  /** Activation plan with complete kuty items; `kuty: null` leaves them out. */
  activationPlan(
    o: { planId?: string; agreedOn?: IsoDate; kuty?: EventData<'ActivationPlanAgreed'>['kuty'] | null } = {},
  ): this {
    const { planId = 'activation-1', agreedOn = '2025-01-08', kuty = kutyItems() } = o;
    return this.add(
      'ActivationPlanAgreed',
      {
        planId,
        agreedOn,
        employmentPlanId: 'employment-1',
        services: [{ serviceType: KUTY }],
        ...(kuty ? { kuty } : {}),
      },
      'county',
    );
  }

  typStarted(startDate: IsoDate = '2025-01-02', relationshipId = 'typ-1'): this {
    return this.add('TypRelationshipStarted', {
      relationshipId,
      startDate,
      parties: [ORG.employment, ORG.county, ORG.kela],
    });
  }

  typEnded(endDate: IsoDate, reason: TypEndReason = 'employment', relationshipId = 'typ-1'): this {
    return this.add('TypRelationshipEnded', { relationshipId, endDate, reason });
  }

  /** Multi-sectoral plan; with `kuty` it carries the kuty items instead of an activation plan. */
  multisectoralPlan(planId: string, agreedOn: IsoDate, kuty?: EventData<'MultisectoralPlanAgreed'>['kuty']): this {
    return this.add('MultisectoralPlanAgreed', {
      planId,
      agreedOn,
      services: [],
      followUp: 'Monthly meeting',
      jobSearchObligation: 'None during kuty',
      kelaRehabilitationNeeded: false,
      approvedByOrganisations: [ORG.employment, ORG.county],
      approvedByClient: true,
      ...(kuty ? { kuty } : {}),
    });
  }

  referral(
    o: { referralId?: string; serviceType?: string; madeOn?: IsoDate; from?: Org; to?: OrganisationRef } = {},
  ): this {
    const {
      referralId = 'referral-1',
      serviceType = KUTY,
      madeOn = '2025-01-09',
      from = 'county',
      to = ORG.association,
    } = o;
    return this.add('ReferralMade', { referralId, serviceType, to, reason: 'Kuty per activation plan', madeOn }, from);
  }

  referralAccepted(referralId = 'referral-1', acceptedOn: IsoDate = '2025-01-10', by: Org = 'association'): this {
    return this.add('ReferralAccepted', { referralId, acceptedOn }, by);
  }

  referralDeclined(referralId = 'referral-1', declinedOn: IsoDate = '2025-01-10', by: Org = 'association'): this {
    return this.add('ReferralDeclined', { referralId, declinedOn, reason: 'no_capacity' }, by);
  }

  periodStarted(over: Partial<PeriodData> = {}, by: Org = 'county'): this {
    return this.add('ServicePeriodStarted', periodData({ referralId: 'referral-1', ...over }), by);
  }

  periodPaused(periodId: string, pausedOn: IsoDate): this {
    return this.add('ServicePeriodPaused', { periodId, pausedOn, reason: 'Illness' }, 'association');
  }

  periodEnded(periodId: string, endDate: IsoDate): this {
    return this.add(
      'ServicePeriodEnded',
      { periodId, endDate, endReason: 'planned_end', continuation: 'new_kuty_period' },
      'association',
    );
  }

  attendance(periodId: string, attendedDates: IsoDate[], hoursPerDay = 6): this {
    return this.add(
      'AttendanceReported',
      { periodId, attendedDates, hoursPerDay },
      'association',
      attendedDates[attendedDates.length - 1],
    );
  }

  /** A person of `org` named on the client in a role (own instructor: of `periodId`, by the provider). */
  personNamed(
    personId: string,
    role: PersonRole,
    namedOn: IsoDate,
    org: OrgKey = 'employment',
    extra: { periodId?: string; lead?: boolean } = {},
  ): this {
    return this.add(
      'PersonNamed',
      { personId, personName: `Name ${personId}`, organisation: ORG[org], role, namedOn, ...extra },
      org,
    );
  }

  personReleased(personId: string, role: PersonRole, releasedOn: IsoDate, org: OrgKey = 'employment'): this {
    return this.add('PersonReleased', { personId, organisationId: ORG[org].organisationId, role, releasedOn }, org);
  }

  /** The people a kuty goal review needs: the TYP officer (lead) and the period's own instructor. */
  kutyPeople(periodId = 'period-1', on: IsoDate = KUTY_START): this {
    return this.personNamed('officer-1', 'responsible_officer', '2025-01-02', 'employment', { lead: true }).personNamed(
      'instructor-1',
      'own_instructor',
      on,
      'association',
      { periodId },
    );
  }

  /** A legacy (pre-2026-12) responsible-officer event, as older histories hold it. */
  officerAssigned(officerId: string, assignedOn: IsoDate, org: OrgKey = 'employment'): this {
    return this.add(
      'ResponsibleOfficerAssigned',
      { officerId, officerName: `Name ${officerId}`, organisation: ORG[org], assignedOn },
      org,
    );
  }

  state(): ClientPathState {
    return fold(this.events);
  }
}

/** Registered client, eligible benefit status, employment plan, activation plan with complete kuty items. */
export const withActivationPlan = (birthDate?: IsoDate): History =>
  new History().registered(birthDate).benefit().employmentPlan().activationPlan();

/** …plus an active TYP relationship and an accepted kuty referral: a kuty period may start. */
export const kutyReady = (): History => withActivationPlan().typStarted().referral().referralAccepted();

/** A TYP client whose kuty rests on the multi-sectoral plan alone (no activation plan). */
export const typKutyReady = (): History =>
  new History()
    .registered()
    .benefit()
    .typStarted()
    .multisectoralPlan('msp-1', '2025-01-08', kutyItems())
    .referral()
    .referralAccepted();

/** …plus a started kuty period 'period-1' from KUTY_START. */
export const kutyRunning = (over: Partial<PeriodData> = {}): History => kutyReady().periodStarted(over);

export { KUTY_START };
