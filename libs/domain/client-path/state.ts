import type {
  AbsenceReason,
  AttendanceException,
  BenefitStatusRecorded,
  BenefitType,
  ConsentScope,
  Continuation,
  KutyPlanItems,
  OrganisationRef,
  PeriodEndReason,
  PersonRole,
  PlanKind,
  ProviderKind,
  TypEndReason,
} from '../../events/index.js';
import type { IsoDate } from '../time/index.js';

/**
 * Everything the rules need to know about one client, folded from the client's stream.
 * Plain JSON (records, arrays, strings) so read models can store it as-is.
 */
export interface ConsentState {
  consentId: string;
  scope: ConsentScope;
  givenOn: IsoDate;
  givenTo: string; // organisation that recorded it
  validUntil?: IsoDate;
  withdrawnOn?: IsoDate;
}

export interface TypRelationshipState {
  relationshipId: string;
  startDate: IsoDate;
  parties: OrganisationRef[];
  endDate?: IsoDate;
  endReason?: TypEndReason;
}

export interface PlanState {
  planId: string;
  kind: PlanKind;
  agreedOn: IsoDate;
  lastReviewedOn?: IsoDate;
  organisationId: string;
  kuty?: KutyPlanItems;
  /** Organisations party to the plan (multi-sectoral: approvers). */
  parties: string[];
  /** The rule set in force when the plan was agreed (the HE 109/2025 transition needs it). */
  ruleSetId: string;
}

export interface ReferralState {
  referralId: string;
  serviceType: string;
  from: OrganisationRef;
  to: OrganisationRef;
  madeOn: IsoDate;
  status: 'open' | 'accepted' | 'declined' | 'withdrawn';
  answeredOn?: IsoDate;
}

export interface PeriodState {
  periodId: string;
  serviceType: string;
  family: string;
  provider: OrganisationRef & { providerKind: ProviderKind };
  recordedBy: OrganisationRef;
  startDate: IsoDate;
  plannedEndDate: IsoDate;
  daysPerWeek?: number;
  hoursPerDay?: number;
  place?: string;
  travelEuroPerDay?: number;
  referralId?: string;
  planId?: string;
  status: 'active' | 'paused' | 'ended';
  pausedOn?: IsoDate;
  /** Every pause, past and current (`to` absent while it lasts). */
  pauses: { from: IsoDate; to?: IsoDate }[];
  endDate?: IsoDate;
  endReason?: PeriodEndReason;
  continuation?: Continuation;
  attendedDates: IsoDate[];
  absences: { date: IsoDate; reason: AbsenceReason }[];
  /** Reported days that broke a limit: recorded (they took place and were paid) and flagged. */
  exceptions: AttendanceException[];
  lastGoalReviewOn?: IsoDate;
  endAssessedOn?: IsoDate;
  /** Changes of days, hours, place or length during the period. */
  changes: { changedOn: IsoDate; planId: string }[];
}

/** A person an organisation has named on the client, in a role (own instructor: per period). */
export interface NamedPerson {
  personId: string;
  personName: string;
  organisation: OrganisationRef;
  role: PersonRole;
  periodId?: string;
  from: IsoDate;
  to?: IsoDate;
}

export type BenefitStatus = BenefitStatusRecorded['data'];

export interface ClientPathState {
  clientId: string | null;
  registered: boolean;
  /** The organisation that registered the client: it has a client relationship from the start. */
  registeredBy?: OrganisationRef;
  birthDate?: IsoDate;
  erased: boolean;
  consents: Record<string, ConsentState>;
  typ: TypRelationshipState | null;
  pastTypRelationships: TypRelationshipState[];
  assessmentIds: string[];
  benefit: BenefitStatus | null;
  /** The benefit the client lived on from each date on (sorted by date): payers follow it. */
  benefitHistory: { from: IsoDate; benefit: BenefitType }[];
  plans: Record<string, PlanState>;
  referrals: Record<string, ReferralState>;
  periods: Record<string, PeriodState>;
  /** Everyone named on the client now. */
  people: NamedPerson[];
  /** Everyone ever named, with `to` once released. */
  peopleHistory: NamedPerson[];
  /** The client's lead responsible officer (asiakasvastaava): a person named now. */
  leadOfficerId: string | null;
  workAbilityAssessmentIds: string[];
  /** Date of the latest event: retention of a client without TYP runs from it. */
  lastEventOn: IsoDate | null;
}

export const initialState = (): ClientPathState => ({
  clientId: null,
  registered: false,
  erased: false,
  consents: {},
  typ: null,
  pastTypRelationships: [],
  assessmentIds: [],
  benefit: null,
  benefitHistory: [],
  plans: {},
  referrals: {},
  periods: {},
  people: [],
  peopleHistory: [],
  leadOfficerId: null,
  workAbilityAssessmentIds: [],
  lastEventOn: null,
});
