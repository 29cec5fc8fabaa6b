import type {
  BenefitStatusRecorded, ConsentScope, Continuation, KutyPlanItems, OrganisationRef, PeriodEndReason,
  PlanKind, ProviderKind, TypEndReason,
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
  referralId?: string;
  planId?: string;
  status: 'active' | 'paused' | 'ended';
  pausedOn?: IsoDate;
  endDate?: IsoDate;
  endReason?: PeriodEndReason;
  continuation?: Continuation;
  attendedDates: IsoDate[];
  lastGoalReviewOn?: IsoDate;
  ownInstructor?: { instructorId: string; instructorName: string; since: IsoDate };
}

export interface OfficerAssignment {
  officerId: string;
  officerName: string;
  organisation: OrganisationRef;
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
  plans: Record<string, PlanState>;
  referrals: Record<string, ReferralState>;
  periods: Record<string, PeriodState>;
  responsibleOfficer: OfficerAssignment | null;
  officerHistory: OfficerAssignment[];
  workAbilityAssessmentIds: string[];
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
  plans: {},
  referrals: {},
  periods: {},
  responsibleOfficer: null,
  officerHistory: [],
  workAbilityAssessmentIds: [],
});
