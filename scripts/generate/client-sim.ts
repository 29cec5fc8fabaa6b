import {
  DATA_KINDS,
  EVENT_CATALOGUE,
  type Actor,
  type Continuation,
  type OrganisationRef,
  type PeriodEndReason,
  type PolkuEvent,
  type TypEndReason,
} from '../../libs/events/index.js';
import {
  addDays,
  addMonths,
  ageOn,
  decide,
  foldClientState,
  initialState,
  RuleViolationError,
  toDate,
  type ClientCommand,
  type ClientPathState,
  type IsoDate,
} from '../../libs/domain/index.js';
import { Rng } from './prng.js';
import type { Provider, Region } from './world.js';
import { personName } from './world.js';

/**
 * One generated client: a small event-driven simulation. Tasks are dated; each turns into a
 * command that goes through the real `decide` on the client's in-memory state (so every
 * event is valid) and is folded back with `foldClientState`. The caller drains the tasks month by
 * month and appends the client's pending events in one `appendToStream`.
 */
export interface GenStats {
  commands: number;
  events: number;
  rejected: Record<string, number>;
  byType: Record<string, number>;
}

interface Task {
  on: IsoDate;
  seq: number;
  run: (on: IsoDate) => void;
}

/** Pori's end reasons (seed 004) with the continuation each one usually leads to. */
const KUTY_END_REASONS: Record<Exclude<PeriodEndReason, 'planned_end' | 'other'>, number> = {
  transfer_to_other_service: 30,
  maximum_time_reached: 7,
  agreed_break: 8,
  employment: 9,
  lack_of_commitment: 14,
  employment_with_pay_subsidy: 9,
  referral_to_health_or_rehabilitation: 13,
  studies: 10,
};

const CONTINUATION_OF: Record<string, Continuation[]> = {
  transfer_to_other_service: ['work_trial', 'work_trial', 'new_kuty_period', 'vocational_rehabilitation', 'studies'],
  maximum_time_reached: ['work_trial', 'pay_subsidised_work', 'none', 'pension'],
  agreed_break: ['new_kuty_period'],
  employment: ['open_labour_market'],
  lack_of_commitment: ['none', 'new_kuty_period', 'health_or_rehabilitation_services'],
  employment_with_pay_subsidy: ['pay_subsidised_work'],
  referral_to_health_or_rehabilitation: ['health_or_rehabilitation_services', 'vocational_rehabilitation'],
  studies: ['studies'],
  planned_end: ['new_kuty_period', 'work_trial', 'open_labour_market', 'none'],
};

type OtherService =
  | 'work_trial'
  | 'pay_subsidy'
  | 'job_coaching'
  | 'vocational_rehabilitation'
  | 'social_rehabilitation'
  | 'mental_health_services'
  | 'substance_abuse_services'
  | 'studies'
  | 'health_check';

export interface ClientSummary {
  clientId: string;
  region: number;
  responsibleOfficerId: string | null;
  multisectoralPlanId: string | null;
  kuty: null | {
    periodId: string;
    startDate: IsoDate;
    plannedEndDate: IsoDate;
    weekdays: number[];
    hoursPerDay: number;
    lastAttended: IsoDate | null;
    instructor: Actor;
  };
}

const weekday = (d: IsoDate): number => ((toDate(d).getUTCDay() + 6) % 7) + 1; // 1 = Monday
const nextMonday = (d: IsoDate): IsoDate => addDays(d, (8 - weekday(d)) % 7 || 7);
const monthEnd = (d: IsoDate): IsoDate => addDays(addMonths(`${d.slice(0, 7)}-01`, 1), -1);
/** The 15th or the month's last day, whichever comes first on or after `d`. */
const nextReportDay = (d: IsoDate): IsoDate => (d.slice(8) <= '15' ? `${d.slice(0, 8)}15` : monthEnd(d));

export class ClientSim {
  state: ClientPathState;
  version = 0n;
  pending: PolkuEvent[] = [];
  private tasks: Task[] = [];
  private seq = 0;
  private cmdNo = 0;
  private counters: Record<string, number> = {};
  private readonly rng: Rng;
  private readonly birthDate: IsoDate;
  private onSocialAssistance: boolean;
  private officer: Actor | null = null;
  private typNo = 0;
  private mspId: string | null = null;
  private kutyDates: IsoDate[] = []; // every attended kuty day, ascending
  private period: null | {
    id: string;
    type: string;
    kuty: boolean;
    provider: Provider;
    by: Actor;
    start: IsoDate;
    plannedEnd: IsoDate;
    weekdays: number[];
    hours: number;
    reportedUpTo: IsoDate;
    pausedFrom: IsoDate | null;
    pauses: [IsoDate, IsoDate][];
    lastAttended: IsoDate | null;
  } = null;
  private consentId: string | null = null;
  /** Called when the client leaves for good (the generator starts a new client in their place). */
  onLeave?: (on: IsoDate) => void;

  constructor(
    readonly clientId: string,
    private readonly region: Region,
    private readonly kela: OrganisationRef,
    seed: string,
    private readonly stats: GenStats,
    private readonly runEnd: IsoDate,
  ) {
    this.rng = new Rng(`${seed}/${clientId}`);
    this.state = { ...initialState(), clientId };
    const age = this.rng.chance(0.25) ? this.rng.int(18, 24) : this.rng.int(25, 62);
    this.birthDate = `${2025 - age}-${String(this.rng.int(1, 12)).padStart(2, '0')}-${String(this.rng.int(1, 28)).padStart(2, '0')}`;
    this.onSocialAssistance = this.rng.chance(0.3);
  }

  /** Schedules the intake on `start`. */
  begin(start: IsoDate): void {
    this.at(start, (on) => this.intake(on));
  }

  /** Runs every task dated on or before `until`, in date order. */
  runUntil(until: IsoDate): void {
    for (;;) {
      let best = -1;
      for (let i = 0; i < this.tasks.length; i++) {
        const t = this.tasks[i];
        if (t.on > until) continue;
        if (best < 0 || t.on < this.tasks[best].on || (t.on === this.tasks[best].on && t.seq < this.tasks[best].seq))
          best = i;
      }
      if (best < 0) return;
      const [task] = this.tasks.splice(best, 1);
      task.run(task.on);
    }
  }

  summary(): ClientSummary {
    const p = this.period;
    return {
      clientId: this.clientId,
      region: this.region.index,
      responsibleOfficerId: this.state.leadOfficerId,
      multisectoralPlanId: this.state.typ ? this.mspId : null,
      kuty:
        p?.kuty && this.state.periods[p.id]?.status === 'active'
          ? {
              periodId: p.id,
              startDate: p.start,
              plannedEndDate: p.plannedEnd,
              weekdays: p.weekdays,
              hoursPerDay: p.hours,
              lastAttended: p.lastAttended,
              instructor: p.by,
            }
          : null,
    };
  }

  // --- plumbing ----------------------------------------------------------------------

  private at(on: IsoDate, run: (on: IsoDate) => void): void {
    if (on > this.runEnd) return;
    this.tasks.push({ on, seq: this.seq++, run });
  }

  private id(kind: string): string {
    this.counters[kind] = (this.counters[kind] ?? 0) + 1;
    return `${this.clientId}-${kind}${this.counters[kind]}`;
  }

  /** decide → envelope → evolve; a refusal is counted (and means a generator bug). */
  private exec(on: IsoDate, actor: Actor, command: ClientCommand): boolean {
    this.stats.commands += 1;
    const n = this.cmdNo++;
    let drafts: ReturnType<typeof decide>;
    try {
      drafts = decide(command, this.state, { actor, today: on, newId: () => this.rng.uuid() });
    } catch (error) {
      const rule = error instanceof RuleViolationError ? error.rule : (error as Error).name;
      const key = `${command.type}:${rule}`;
      this.stats.rejected[key] = (this.stats.rejected[key] ?? 0) + 1;
      return false;
    }
    // a fixed clock: business date plus a deterministic office-hours time
    const minute = 7 * 60 + ((n * 37) % 540);
    const recordedAt = `${on}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00.000Z`;
    for (const d of drafts) {
      const event: PolkuEvent = {
        eventId: this.rng.uuid(),
        type: d.type,
        schemaVersion: EVENT_CATALOGUE[d.type].schemaVersion,
        clientId: this.clientId,
        occurredAt: d.occurredAt,
        recordedAt,
        actor,
        correlationId: `gen-${this.clientId}-${n}`,
        causationId: null,
        data: d.data,
      };
      this.state = foldClientState(this.state, [event]);
      this.pending.push(event);
      this.stats.events += 1;
      this.stats.byType[d.type] = (this.stats.byType[d.type] ?? 0) + 1;
    }
    return true;
  }

  private teOfficer(): Actor {
    return this.rng.pick(this.region.teOfficers);
  }
  private soteOfficer(): Actor {
    return this.rng.pick(this.region.soteOfficers);
  }
  private kelaOfficer(): Actor {
    return this.rng.pick(this.region.kelaOfficers);
  }
  private typActive(): boolean {
    return this.state.typ !== null;
  }

  // --- intake and the TYP relationship --------------------------------------------------

  private intake(on: IsoDate): void {
    const te = this.teOfficer();
    const municipality = this.rng.pick(this.region.municipalities);
    this.exec(on, te, {
      type: 'RegisterClient',
      data: { fullName: personName(this.rng), birthDate: this.birthDate, municipality },
    });
    this.recordBenefit(on, te);
    this.at(addDays(on, this.rng.int(0, 4)), (d) =>
      this.exec(d, te, {
        type: 'AgreeEmploymentPlan',
        data: {
          planId: this.id('ep'),
          agreedOn: d,
          services: [{ serviceType: 'rehabilitative_work_activity' }],
          jobSearchObligation: this.rng.pick([
            'Apply for 2 jobs a month',
            'Register as a job seeker; weekly contact',
            'None during rehabilitation',
          ]),
        },
      }),
    );
    this.at(addDays(on, this.rng.int(5, 14)), (d) => this.startTyp(d));
  }

  private young(on: IsoDate): boolean {
    return ageOn(this.birthDate, on) < 25;
  }

  private recordBenefit(on: IsoDate, actor: Actor): void {
    // most clients meet an activation-plan criterion of their age band; some do not
    const eligible = this.rng.chance(0.88);
    const sa = this.onSocialAssistance;
    const young = this.young(on);
    const daysLast12 = sa
      ? this.rng.int(0, 60)
      : young
        ? eligible
          ? this.rng.int(180, 250)
          : this.rng.int(20, 170)
        : this.rng.int(150, 250);
    const total = sa
      ? daysLast12 + this.rng.int(0, 200)
      : young
        ? daysLast12 + this.rng.int(0, 100)
        : eligible
          ? this.rng.int(500, 1200)
          : this.rng.int(daysLast12, 490);
    this.exec(on, actor, {
      type: 'RecordBenefitStatus',
      data: {
        asOf: on,
        currentBenefit: sa ? 'social_assistance' : 'labour_market_subsidy',
        labourMarketSubsidyDaysLast12Months: daysLast12,
        labourMarketSubsidyDaysTotal: Math.max(total, daysLast12),
        earningsRelatedMaximumUsed: !sa && !young && this.rng.chance(0.5),
        labourMarketSubsidyDaysAfterEarningsRelatedMaximum: 0,
        socialAssistanceMonthsAsMainIncome: sa ? (eligible ? this.rng.int(12, 40) : this.rng.int(1, 3)) : 0,
      },
    });
  }

  private startTyp(on: IsoDate): void {
    if (this.typActive()) return;
    const withKela = this.rng.chance(0.4);
    const parties = [this.region.te, this.region.sote, ...(withKela ? [this.kela] : [])];
    const starter = this.rng.chance(0.6) ? this.teOfficer() : this.soteOfficer();
    this.typNo += 1;
    this.exec(on, starter, {
      type: 'StartTypRelationship',
      data: { relationshipId: this.id('typ'), startDate: on, parties },
    });
    if (!this.consentId) {
      this.consentId = this.id('consent');
      this.exec(on, starter, {
        type: 'GiveConsent',
        data: { consentId: this.consentId, scope: { organisationIds: [], dataKinds: [...DATA_KINDS] } },
      });
    }
    this.assignOfficer(on, this.rng.chance(0.55) ? this.teOfficer() : this.soteOfficer());
    this.at(
      addDays(on, this.rng.int(7, 25)),
      (d) =>
        this.typActive() &&
        this.exec(d, this.soteOfficer(), {
          type: 'RecordServiceNeedAssessment',
          data: {
            assessmentId: this.id('sna'),
            assessedOn: d,
            needs: this.rng.pick([
              ['daily rhythm', 'social support'],
              ['work ability assessment'],
              ['mental health', 'work ability'],
              ['substance use', 'housing'],
              ['vocational direction'],
            ]),
          },
        }),
    );
    if (this.rng.chance(0.6))
      this.at(addDays(on, this.rng.int(10, 40)), (d) => this.workAbility(d, withKela, this.typNo));
    const typNo = this.typNo;
    this.at(addDays(on, this.rng.int(20, 75)), (d) => this.agreeMultisectoralPlan(d, withKela, typNo));
    // officer changes and benefit updates while the relationship lasts
    this.at(addDays(on, this.rng.int(150, 600)), (d) => this.changeOfficer(d, typNo));
    this.at(addDays(on, this.rng.int(80, 100)), (d) => this.benefitUpdate(d, typNo));
    if (this.rng.chance(0.05)) this.at(addDays(on, this.rng.int(30, 300)), (d) => this.consentChange(d));
    this.at(addDays(on, this.rng.int(40, 200)), (d) => this.sideService(d, typNo));
  }

  /**
   * Short services alongside the main path (health check, mental-health nurse, substance-abuse
   * outpatient care at the wellbeing county), referred by the employment authority.
   */
  private sideService(on: IsoDate, typNo: number): void {
    if (!this.typActive() || typNo !== this.typNo) return;
    const type = this.rng.weighted({ health_check: 5, mental_health_services: 3, substance_abuse_services: 2 });
    const r = this.region;
    const referralId = this.id('ref');
    const sote: Provider = {
      organisationId: r.sote.organisationId,
      organisationType: 'wellbeing_county',
      name: r.sote.name,
      providerKind: 'public_body',
      instructors: r.soteOfficers,
    };
    this.exec(on, this.teOfficer(), {
      type: 'MakeReferral',
      data: { referralId, serviceType: type, to: sote, reason: 'Alongside the plan', madeOn: on },
    });
    const nurse = this.soteOfficer();
    this.at(addDays(on, this.rng.int(2, 12)), (d) => {
      if (this.rng.chance(0.1)) {
        this.exec(d, nurse, { type: 'DeclineReferral', data: { referralId, declinedOn: d, reason: 'no_capacity' } });
        return;
      }
      this.exec(d, nurse, { type: 'AcceptReferral', data: { referralId, acceptedOn: d } });
      const start = addDays(d, this.rng.int(3, 20));
      const periodId = this.id('side');
      const plannedEnd = addDays(start, this.rng.int(14, 90));
      this.at(start, (d2) => {
        const provider = {
          organisationId: sote.organisationId,
          organisationType: sote.organisationType,
          name: sote.name,
          providerKind: sote.providerKind,
        };
        if (
          !this.exec(d2, nurse, {
            type: 'StartServicePeriod',
            data: { periodId, serviceType: type, provider, referralId, startDate: d2, plannedEndDate: plannedEnd },
          })
        )
          return;
        this.at(plannedEnd, (d3) =>
          this.exec(d3, nurse, {
            type: 'EndServicePeriod',
            data: {
              periodId,
              endDate: d3,
              endReason: 'planned_end',
              continuation: 'none',
            },
          }),
        );
      });
    });
    this.at(addDays(on, this.rng.int(90, 240)), (d) => this.sideService(d, typNo));
  }

  /** Kykyviisari / VAT at the start and again about every six months. */
  private workAbility(on: IsoDate, withKela: boolean, typNo: number): void {
    if (!this.typActive() || typNo !== this.typNo) return;
    this.exec(on, withKela ? this.kelaOfficer() : this.soteOfficer(), {
      type: 'RecordWorkAbilityAssessment',
      data: {
        assessmentId: this.id('wa'),
        tool: this.rng.pick(['kykyviisari', 'vat'] as const),
        assessedOn: on,
        score: this.rng.int(1, 10),
      },
    });
    this.at(addDays(on, this.rng.int(150, 210)), (d) => this.workAbility(d, withKela, typNo));
  }

  /**
   * The lead officer: a responsible officer of the employment area or a named worker of the
   * county. A successor is named (and leads) first, then the predecessor's organisation
   * releases them: naming one never ends another's.
   */
  private assignOfficer(on: IsoDate, officer: Actor): void {
    if (this.state.leadOfficerId === officer.personId) return;
    const previous = this.officer;
    const role = officer.organisationType === 'wellbeing_county' ? 'named_worker' : 'responsible_officer';
    if (
      this.exec(on, officer, {
        type: 'NamePerson',
        data: { personId: officer.personId, personName: officer.displayName, role, lead: true, namedOn: on },
      })
    ) {
      this.officer = officer;
      if (previous) this.releaseOfficer(on, previous, 'Caseload handed over');
    }
  }

  private releaseOfficer(on: IsoDate, officer: Actor, reason: string): void {
    const named = this.state.people.find((p) => p.personId === officer.personId && p.role !== 'own_instructor');
    if (named)
      this.exec(on, officer, {
        type: 'ReleasePerson',
        data: { personId: officer.personId, role: named.role, releasedOn: on, reason },
      });
  }

  private changeOfficer(on: IsoDate, typNo: number): void {
    if (!this.typActive() || typNo !== this.typNo) return;
    const pool =
      this.officer?.organisationId === this.region.sote.organisationId
        ? this.region.soteOfficers
        : this.region.teOfficers;
    const next = pool.length > 1 ? pool.filter((p) => p.personId !== this.officer?.personId) : pool;
    this.assignOfficer(on, this.rng.pick(next));
    this.at(addDays(on, this.rng.int(240, 720)), (d) => this.changeOfficer(d, typNo));
  }

  private benefitUpdate(on: IsoDate, typNo: number): void {
    if (!this.typActive() || typNo !== this.typNo) return;
    if (this.rng.chance(0.1)) this.onSocialAssistance = !this.onSocialAssistance;
    this.recordBenefit(on, this.teOfficer());
    this.at(addDays(on, this.rng.int(80, 100)), (d) => this.benefitUpdate(d, typNo));
  }

  private consentChange(on: IsoDate): void {
    if (!this.consentId) return;
    if (this.rng.chance(0.7)) {
      this.exec(on, this.soteOfficer(), {
        type: 'LimitConsent',
        data: {
          consentId: this.consentId,
          scope: {
            organisationIds: [this.region.te.organisationId, this.region.sote.organisationId],
            dataKinds: ['identity', 'plans', 'service_periods', 'attendance'],
          },
        },
      });
    } else {
      this.exec(on, this.soteOfficer(), {
        type: 'WithdrawConsent',
        data: { consentId: this.consentId, reason: 'Client asked to limit sharing' },
      });
      this.consentId = this.id('consent');
      const id = this.consentId;
      this.at(addDays(on, this.rng.int(5, 20)), (d) =>
        this.exec(d, this.teOfficer(), {
          type: 'GiveConsent',
          data: {
            consentId: id,
            scope: {
              organisationIds: [],
              dataKinds: ['identity', 'plans', 'referrals', 'service_periods', 'attendance'],
            },
          },
        }),
      );
    }
  }

  private agreeMultisectoralPlan(on: IsoDate, withKela: boolean, typNo: number): void {
    if (!this.typActive() || typNo !== this.typNo) return;
    const planId = this.id('msp');
    const rehab = withKela && this.rng.chance(0.5);
    const ok = this.exec(on, this.officer ?? this.teOfficer(), {
      type: 'AgreeMultisectoralPlan',
      data: {
        planId,
        agreedOn: on,
        services: [
          { serviceType: 'rehabilitative_work_activity' },
          { serviceType: rehab ? 'vocational_rehabilitation' : 'work_trial' },
        ],
        followUp: 'TYP team meets the client every 3 months',
        jobSearchObligation: 'None during kuty',
        kelaRehabilitationNeeded: rehab,
        approvedByOrganisations: this.state.typ!.parties,
        approvedByClient: true,
      },
    });
    if (!ok) return;
    this.mspId = planId;
    this.at(addDays(on, this.rng.int(70, 88)), (d) => this.reviewPlan(d, planId, typNo));
    this.at(addDays(on, this.rng.int(7, 30)), (d) => this.nextService(d, null));
  }

  private reviewPlan(on: IsoDate, planId: string, typNo: number): void {
    if (!this.typActive() || typNo !== this.typNo) return;
    this.exec(on, this.officer ?? this.teOfficer(), {
      type: 'ReviewPlan',
      data: {
        planId,
        reviewedOn: on,
        requestedByClient: this.rng.chance(0.08),
        outcome: this.rng.pick([
          'Plan continues as agreed',
          'Services adjusted',
          'Progress good; next step discussed',
          'Client needs more support',
        ]),
      },
    });
    this.at(addDays(on, this.rng.int(70, 88)), (d) => this.reviewPlan(d, planId, typNo));
  }

  private endTyp(on: IsoDate, reason: TypEndReason): void {
    if (!this.typActive()) return;
    const actor = this.officer ?? this.teOfficer();
    this.exec(on, actor, { type: 'EndTypRelationship', data: { endDate: on, reason } });
    if (this.officer) {
      this.releaseOfficer(on, this.officer, 'TYP relationship ended');
      this.officer = null;
    }
    // many come back: the long-term unemployed often return to the joint service; the
    // others leave room for a new client (the active population stays about the same)
    if (!this.rng.chance(0.55)) this.onLeave?.(on);
    else {
      this.at(addDays(on, this.rng.int(45, 200)), (d) => {
        this.recordBenefit(d, this.teOfficer());
        this.at(addDays(d, this.rng.int(3, 10)), (d2) => this.startTyp(d2));
      });
    }
  }

  // --- services -------------------------------------------------------------------------

  private eligibleForActivation(on: IsoDate): boolean {
    const b = this.state.benefit;
    if (!b) return false;
    return this.young(on)
      ? b.labourMarketSubsidyDaysLast12Months >= 180 ||
          b.earningsRelatedMaximumUsed ||
          b.socialAssistanceMonthsAsMainIncome >= 4
      : b.labourMarketSubsidyDaysTotal >= 500 ||
          b.socialAssistanceMonthsAsMainIncome >= 12 ||
          (b.earningsRelatedMaximumUsed && b.labourMarketSubsidyDaysAfterEarningsRelatedMaximum >= 180);
  }

  private nextService(on: IsoDate, continuation: Continuation | null): void {
    if (!this.typActive() || this.period) return;
    const kela = this.state.typ!.parties.some((p) => p.organisationType === 'kela');
    switch (continuation) {
      case 'new_kuty_period':
        return this.eligibleForActivation(on) ? this.startKuty(on) : this.startOther(on, 'job_coaching');
      case 'work_trial':
        return this.startOther(on, 'work_trial');
      case 'pay_subsidised_work':
        return this.startOther(on, 'pay_subsidy');
      case 'vocational_rehabilitation':
        return this.startOther(on, kela ? 'vocational_rehabilitation' : 'social_rehabilitation');
      case 'health_or_rehabilitation_services':
        return this.startOther(
          on,
          this.rng.pick(['mental_health_services', 'substance_abuse_services', 'health_check'] as const),
        );
      case 'studies':
        return this.startOther(on, 'studies');
      case 'open_labour_market':
        return this.at(addDays(on, this.rng.int(0, 20)), (d) => this.endTyp(d, 'employment'));
      case 'pension':
        return this.endTyp(on, 'pension');
      case 'none':
        return this.rng.chance(0.5)
          ? this.endTyp(
              on,
              this.rng.pick(['client_request', 'no_longer_needs_multisectoral_service', 'moved_away'] as const),
            )
          : this.startOther(on, 'social_rehabilitation');
      default:
        break;
    }
    const pick = this.rng.weighted({
      kuty: this.eligibleForActivation(on) ? 58 : 0,
      work_trial: 9,
      job_coaching: 8,
      mental_health_services: 7,
      substance_abuse_services: 4,
      social_rehabilitation: 5,
      vocational_rehabilitation: kela ? 5 : 0,
      studies: 4,
    });
    if (pick === 'kuty') this.startKuty(on);
    else this.startOther(on, pick);
  }

  private startKuty(on: IsoDate): void {
    const sote = this.soteOfficer();
    const provider = this.rng.pick(this.region.kutyProviders);
    const instructor = this.rng.pick(provider.instructors);
    const reason = this.rng.weighted(KUTY_END_REASONS);
    const lengthMonths =
      reason === 'maximum_time_reached' ? this.rng.pick([12, 18, 24]) : this.rng.pick([3, 4, 6, 6, 6, 9, 12]);
    const daysPerWeek = this.rng.pick([2, 3, 3, 3, 4, 4]);
    const hoursPerDay = daysPerWeek === 4 ? this.rng.pick([4, 5, 6]) : this.rng.pick([4, 5, 6, 6, 7]);
    const start = nextMonday(addDays(on, this.rng.int(10, 25)));
    const plannedEnd = addDays(addMonths(start, lengthMonths), -1);
    const kuty = {
      goal: this.rng.pick([
        'Regular daily rhythm',
        'Find a vocational direction',
        'Strengthen work ability',
        'Path to a work trial',
      ]),
      description: this.rng.pick([
        'Workshop work in a second-hand shop',
        'Carpentry and kitchen work',
        'Outdoor and property maintenance',
        'Café and catering',
      ]),
      place: provider.name ?? provider.organisationId,
      providerId: provider.organisationId,
      providerKind: provider.providerKind,
      hoursPerDay,
      daysPerWeek,
      startDate: start,
      lengthMonths,
      supportAndGuidance: 'Own instructor; weekly check-in',
      otherServices: this.rng.pick([
        'None',
        'Substance-abuse outpatient visits',
        'Mental-health nurse',
        'Debt counselling',
      ]),
      assessmentDate: addDays(plannedEnd, -this.rng.int(0, 10)),
    };
    // A TYP client's kuty rests on the multi-sectoral plan alone (Central Finland seed: instead of
    // an activation plan): the plan is amended at a review to carry the kuty items.
    const planId = this.mspId;
    const ok =
      planId !== null &&
      this.exec(on, this.officer ?? this.teOfficer(), {
        type: 'ReviewPlan',
        data: {
          planId,
          reviewedOn: on,
          requestedByClient: false,
          outcome: 'Kuty agreed as part of the plan',
          kuty,
        },
      });
    if (!ok) {
      this.startOther(on, 'job_coaching');
      return;
    }
    const referralId = this.id('ref');
    const madeOn = addDays(on, this.rng.int(0, 3));
    this.at(madeOn, (d) => {
      if (!this.typActive()) return;
      this.exec(d, sote, {
        type: 'MakeReferral',
        data: {
          referralId,
          serviceType: 'rehabilitative_work_activity',
          to: provider,
          reason: 'Kuty per the multi-sectoral plan',
          madeOn: d,
        },
      });
      this.at(addDays(d, this.rng.int(1, 6)), (d2) => {
        this.exec(d2, instructor, { type: 'AcceptReferral', data: { referralId, acceptedOn: d2 } });
        this.at(start, (d3) =>
          this.startPeriod(d3, 'rehabilitative_work_activity', provider, instructor, plannedEnd, reason, {
            referralId,
            planId,
            daysPerWeek,
            hoursPerDay,
          }),
        );
      });
    });
  }

  private startOther(on: IsoDate, type: OtherService): void {
    const r = this.region;
    // the wellbeing county refers to social rehabilitation; the employment authority to the rest
    // (a referral never goes to the referrer's own organisation)
    const byTe = type !== 'social_rehabilitation';
    const referrer = byTe
      ? this.officer?.organisationId === r.te.organisationId
        ? this.officer
        : this.teOfficer()
      : this.soteOfficer();
    const provider: Provider =
      type === 'work_trial' || type === 'pay_subsidy'
        ? this.rng.pick(r.companies)
        : type === 'studies'
          ? r.college
          : type === 'job_coaching' || type === 'social_rehabilitation' || type === 'vocational_rehabilitation'
            ? this.rng.pick(r.foundations)
            : {
                organisationId: r.sote.organisationId,
                organisationType: 'wellbeing_county',
                name: r.sote.name,
                providerKind: 'public_body',
                instructors: r.soteOfficers,
              };
    // Kela answers vocational rehabilitation referrals; the provider answers the rest
    const answerer = type === 'vocational_rehabilitation' ? this.kelaOfficer() : this.rng.pick(provider.instructors);
    const to: OrganisationRef = type === 'vocational_rehabilitation' ? this.kela : provider;
    const months =
      type === 'work_trial' ? this.rng.int(2, 6) : type === 'studies' ? this.rng.int(4, 10) : this.rng.int(2, 8);
    const start = nextMonday(addDays(on, this.rng.int(7, 21)));
    const plannedEnd = addDays(addMonths(start, months), -1);
    const reason: PeriodEndReason =
      type === 'pay_subsidy'
        ? this.rng.pick(['employment', 'planned_end', 'planned_end'] as const)
        : type === 'studies'
          ? this.rng.pick(['studies', 'planned_end', 'lack_of_commitment'] as const)
          : this.rng.weighted({
              planned_end: 35,
              transfer_to_other_service: 25,
              employment: 10,
              employment_with_pay_subsidy: 8,
              lack_of_commitment: 10,
              studies: 6,
              referral_to_health_or_rehabilitation: 6,
            });
    const referralId = this.id('ref');
    const madeOn = on;
    if (
      !this.exec(madeOn, referrer, {
        type: 'MakeReferral',
        data: {
          referralId,
          serviceType: type,
          to,
          reason: `Per the multi-sectoral plan: ${type.replace(/_/g, ' ')}`,
          madeOn,
        },
      })
    )
      return;
    this.at(addDays(madeOn, this.rng.int(1, 10)), (d) => {
      if (this.rng.chance(0.07)) {
        this.exec(d, answerer, {
          type: 'DeclineReferral',
          data: {
            referralId,
            declinedOn: d,
            reason: this.rng.pick(['no_capacity', 'not_eligible', 'client_declined']),
          },
        });
        this.at(addDays(d, this.rng.int(7, 21)), (d2) => this.nextService(d2, null));
        return;
      }
      this.exec(d, answerer, { type: 'AcceptReferral', data: { referralId, acceptedOn: d } });
      const by = type === 'vocational_rehabilitation' ? this.rng.pick(provider.instructors) : answerer;
      this.at(start > d ? start : nextMonday(d), (d2) =>
        this.startPeriod(d2, type, provider, by, plannedEnd < d2 ? addDays(addMonths(d2, 2), -1) : plannedEnd, reason, {
          referralId,
        }),
      );
    });
  }

  private startPeriod(
    on: IsoDate,
    type: string,
    provider: Provider,
    by: Actor,
    plannedEnd: IsoDate,
    reason: PeriodEndReason,
    extra: { referralId: string; planId?: string; daysPerWeek?: number; hoursPerDay?: number },
  ): void {
    if (!this.typActive() || this.period) return;
    const kuty = type === 'rehabilitative_work_activity';
    const periodId = this.id(kuty ? 'kuty' : 'per');
    const days =
      extra.daysPerWeek ??
      (type === 'work_trial' || type === 'pay_subsidy' ? 5 : type === 'studies' ? 5 : this.rng.int(1, 3));
    const ok = this.exec(on, by, {
      type: 'StartServicePeriod',
      data: {
        periodId,
        serviceType: type,
        provider: {
          organisationId: provider.organisationId,
          organisationType: provider.organisationType,
          name: provider.name,
          providerKind: provider.providerKind,
        },
        referralId: extra.referralId,
        planId: extra.planId,
        startDate: on,
        plannedEndDate: plannedEnd,
        ...(extra.daysPerWeek !== undefined ? { daysPerWeek: extra.daysPerWeek, hoursPerDay: extra.hoursPerDay } : {}),
      },
    });
    if (!ok) {
      this.at(addDays(on, 14), (d) => this.nextService(d, null));
      return;
    }
    // the days spread over the week (1 = Monday)
    const weekdays = days >= 5 ? [1, 2, 3, 4, 5] : [[1], [1, 3], [1, 2, 4], [1, 2, 3, 4]][days - 1];
    this.period = {
      id: periodId,
      type,
      kuty,
      provider,
      by,
      start: on,
      plannedEnd,
      weekdays,
      hours: extra.hoursPerDay ?? 6,
      reportedUpTo: addDays(on, -1),
      pausedFrom: null,
      pauses: [],
      lastAttended: null,
    };
    if (kuty || type === 'disability_work_activity') {
      this.exec(on, by, {
        type: 'NamePerson',
        data: { personId: by.personId, personName: by.displayName, role: 'own_instructor', periodId, namedOn: on },
      });
    }
    const attends = kuty || ['work_trial', 'job_coaching', 'social_rehabilitation', 'pay_subsidy'].includes(type);
    if (attends) this.at(nextReportDay(on), (d) => this.periodicAttendance(d, periodId));
    if (attends) this.at(addDays(on, this.rng.int(50, 85)), (d) => this.goalReview(d, periodId));
    if (kuty) {
      if (this.rng.chance(0.05)) this.at(addDays(on, this.rng.int(30, 80)), (d) => this.pause(d, periodId));
    }
    // early endings happen part-way through; planned ones on the planned end
    const early = !['maximum_time_reached', 'planned_end', 'transfer_to_other_service', 'agreed_break'].includes(
      reason,
    );
    const lengthDays = Math.round((toDate(plannedEnd).getTime() - toDate(on).getTime()) / 86_400_000);
    const endOn = early
      ? addDays(on, Math.max(14, Math.floor(lengthDays * (0.3 + this.rng.next() * 0.6))))
      : plannedEnd;
    this.at(endOn, (d) => this.endPeriod(d, periodId, reason));
  }

  /** Attended days in (reportedUpTo, upTo], on the period's weekdays, outside pauses. */
  private reportAttendance(upTo: IsoDate, periodId: string): void {
    const p = this.period;
    if (!p || p.id !== periodId) return;
    const dates: IsoDate[] = [];
    for (let d = addDays(p.reportedUpTo, 1); d <= upTo; d = addDays(d, 1)) {
      if (!p.weekdays.includes(weekday(d))) continue;
      if (p.pausedFrom && d >= p.pausedFrom) break;
      if (p.pauses.some(([a, b]) => d >= a && d < b)) continue;
      if (!this.rng.chance(p.kuty ? 0.86 : 0.93)) continue;
      if (p.kuty) {
        // 178 activity days in any 12 months: the trailing window is the binding one
        const from = addMonths(d, -12);
        let used = 0;
        for (let i = this.kutyDates.length - 1; i >= 0 && this.kutyDates[i] > from; i--) used++;
        if (used + 1 > 178) continue;
        this.kutyDates.push(d);
      }
      dates.push(d);
    }
    p.reportedUpTo = upTo;
    if (dates.length === 0) return;
    const ok = this.exec(upTo, p.by, {
      type: 'ReportAttendance',
      data: { periodId, attendedDates: dates, hoursPerDay: p.kuty ? p.hours : 6 },
    });
    if (ok) p.lastAttended = dates[dates.length - 1];
    else if (p.kuty) this.kutyDates.splice(this.kutyDates.length - dates.length, dates.length);
  }

  /** Providers report attendance twice a month (compensation is paid with the benefit). */
  private periodicAttendance(on: IsoDate, periodId: string): void {
    const p = this.period;
    if (!p || p.id !== periodId) return;
    this.reportAttendance(on, periodId);
    this.at(nextReportDay(addDays(on, 1)), (d) => this.periodicAttendance(d, periodId));
  }

  private goalReview(on: IsoDate, periodId: string): void {
    const p = this.period;
    if (!p || p.id !== periodId) return;
    // the officer following the kuty: a responsible officer or named worker on record now
    const officer = this.state.people.find((x) => x.role !== 'own_instructor')?.personId;
    if (officer || !p.kuty) {
      this.exec(on, p.by, {
        type: 'HoldGoalReview',
        data: {
          periodId,
          heldOn: on,
          participants: { client: true, responsibleOfficerId: officer ?? undefined, ownInstructorId: p.by.personId },
          assessment: this.rng.pick([
            'Attends regularly',
            'Goals partly met',
            'Ready for more responsibility',
            'Absences discussed',
            'Goals met',
          ]),
        },
      });
    }
    this.at(addDays(on, this.rng.int(60, 85)), (d) => this.goalReview(d, periodId));
  }

  private pause(on: IsoDate, periodId: string): void {
    const p = this.period;
    if (!p || p.id !== periodId || p.pausedFrom) return;
    this.reportAttendance(addDays(on, -1), periodId);
    if (
      !this.exec(on, p.by, {
        type: 'PauseServicePeriod',
        data: { periodId, pausedOn: on, reason: this.rng.pick(['Agreed break', 'Illness', 'Family reasons']) },
      })
    )
      return;
    p.pausedFrom = on;
    this.at(addDays(on, this.rng.int(10, 30)), (d) => {
      if (!this.period || this.period.id !== periodId || !p.pausedFrom) return;
      if (this.exec(d, p.by, { type: 'ResumeServicePeriod', data: { periodId, resumedOn: d } })) {
        p.pauses.push([p.pausedFrom, d]);
        p.pausedFrom = null;
      }
    });
  }

  private endPeriod(on: IsoDate, periodId: string, reason: PeriodEndReason): void {
    const p = this.period;
    if (!p || p.id !== periodId) return;
    if (p.pausedFrom) {
      // resume first so the end is recorded on an active period
      if (this.exec(on, p.by, { type: 'ResumeServicePeriod', data: { periodId, resumedOn: on } })) {
        p.pauses.push([p.pausedFrom, on]);
        p.pausedFrom = null;
      }
    }
    this.reportAttendance(on, periodId);
    const continuation = this.rng.pick(CONTINUATION_OF[reason] ?? ['none']);
    this.exec(on, p.by, { type: 'EndServicePeriod', data: { periodId, endDate: on, endReason: reason, continuation } });
    this.period = null;
    const gap = reason === 'agreed_break' ? this.rng.int(30, 90) : this.rng.int(3, 30);
    this.at(addDays(on, gap), (d) => this.nextService(d, continuation));
  }
}
