import type { PolkuEvent } from './envelope.js';
import type {
  AbsenceReason,
  BenefitType,
  Continuation,
  DataKind,
  PeriodEndReason,
  PersonRole,
  ProviderKind,
  TypEndReason,
  WorkAbilityTool,
} from './codes.js';
import type { OrganisationType } from './envelope.js';

/** Dates are ISO calendar dates (YYYY-MM-DD) unless named ...At (ISO instants). */
export type IsoDate = string;

export interface OrganisationRef {
  organisationId: string;
  organisationType: OrganisationType;
  name?: string;
}

// --- client and consent -------------------------------------------------------------

/** Personal fields (name, identity code, notes) are sensitive: see retention/erasure. */
export type ClientRegistered = PolkuEvent<
  'ClientRegistered',
  {
    fullName: string;
    personalIdentityCode?: string; // henkilötunnus
    birthDate: IsoDate;
    municipality: string;
  }
>;

export interface ConsentScope {
  /** Organisations that may see each other's entries; empty = all parties of the TYP relationship. */
  organisationIds: string[];
  dataKinds: DataKind[];
}
export type ConsentGiven = PolkuEvent<'ConsentGiven', { consentId: string; scope: ConsentScope; validUntil?: IsoDate }>;
export type ConsentLimited = PolkuEvent<'ConsentLimited', { consentId: string; scope: ConsentScope }>;
export type ConsentWithdrawn = PolkuEvent<'ConsentWithdrawn', { consentId: string; reason?: string }>;

// --- TYP relationship (law 381/2023) --------------------------------------------------

export type TypRelationshipStarted = PolkuEvent<
  'TypRelationshipStarted',
  {
    relationshipId: string;
    startDate: IsoDate;
    parties: OrganisationRef[];
  }
>;
export type TypRelationshipEnded = PolkuEvent<
  'TypRelationshipEnded',
  {
    relationshipId: string;
    endDate: IsoDate;
    reason: TypEndReason;
    note?: string;
  }
>;
/** Monialainen palvelutarpeen arvio. */
export type ServiceNeedAssessmentRecorded = PolkuEvent<
  'ServiceNeedAssessmentRecorded',
  {
    assessmentId: string;
    assessedOn: IsoDate;
    needs: string[];
    summary?: string;
  }
>;
/** Inputs of the activation-plan eligibility rule (law 189/2001 §2). */
export type BenefitStatusRecorded = PolkuEvent<
  'BenefitStatusRecorded',
  {
    asOf: IsoDate;
    currentBenefit: BenefitType;
    /** Days of labour market subsidy in the last 12 calendar months. */
    labourMarketSubsidyDaysLast12Months: number;
    /** Days of labour market subsidy in total. */
    labourMarketSubsidyDaysTotal: number;
    earningsRelatedMaximumUsed: boolean;
    /** Days of labour market subsidy received after the earnings-related maximum was used. */
    labourMarketSubsidyDaysAfterEarningsRelatedMaximum: number;
    /** Consecutive latest months with social assistance (due to unemployment) as main income. */
    socialAssistanceMonthsAsMainIncome: number;
  }
>;

// --- plans ----------------------------------------------------------------------------

export interface PlannedService {
  serviceType: string;
  description?: string;
  providerId?: string;
}

export type EmploymentPlanAgreed = PolkuEvent<
  'EmploymentPlanAgreed',
  {
    planId: string;
    agreedOn: IsoDate;
    services: PlannedService[];
    jobSearchObligation: string;
  }
>;

/** The kuty items law 189/2001 requires in the plan (activation or multi-sectoral) before a period starts. */
export interface KutyPlanItems {
  goal: string;
  description: string;
  place: string;
  providerId: string;
  providerKind: ProviderKind;
  hoursPerDay: number;
  daysPerWeek: number;
  startDate: IsoDate;
  lengthMonths: number;
  supportAndGuidance: string;
  otherServices: string;
  /** Date by which the effect is assessed and the plan renewed. */
  assessmentDate: IsoDate;
}
export type ActivationPlanAgreed = PolkuEvent<
  'ActivationPlanAgreed',
  {
    planId: string;
    agreedOn: IsoDate;
    employmentPlanId: string;
    services: PlannedService[];
    kuty?: KutyPlanItems;
  }
>;
export type MultisectoralPlanAgreed = PolkuEvent<
  'MultisectoralPlanAgreed',
  {
    planId: string;
    agreedOn: IsoDate;
    services: PlannedService[];
    followUp: string;
    jobSearchObligation: string;
    kelaRehabilitationNeeded: boolean;
    /** Organisation ids that approved; 'client' approval is the flag. */
    approvedByOrganisations: OrganisationRef[];
    approvedByClient: boolean;
    /** Kuty may rest on the multi-sectoral plan instead of an activation plan (189/2001 §6, §9). */
    kuty?: KutyPlanItems;
  }
>;
export type PlanKind = 'employment' | 'activation' | 'multisectoral';
export type PlanReviewed = PolkuEvent<
  'PlanReviewed',
  {
    planId: string;
    reviewedOn: IsoDate;
    requestedByClient: boolean;
    outcome: string;
    /** Kuty items as amended at this review (the whole set): a period change may then follow them. */
    kuty?: KutyPlanItems;
  }
>;

// --- referrals (lähete, ohjaus) -------------------------------------------------------

export type ReferralMade = PolkuEvent<
  'ReferralMade',
  {
    referralId: string;
    serviceType: string;
    to: OrganisationRef;
    reason: string;
    madeOn: IsoDate;
  }
>;
export type ReferralAccepted = PolkuEvent<'ReferralAccepted', { referralId: string; acceptedOn: IsoDate }>;
export type ReferralDeclined = PolkuEvent<
  'ReferralDeclined',
  { referralId: string; declinedOn: IsoDate; reason: string }
>;
export type ReferralWithdrawn = PolkuEvent<
  'ReferralWithdrawn',
  { referralId: string; withdrawnOn: IsoDate; reason: string }
>;

// --- service periods ------------------------------------------------------------------

export type ServicePeriodStarted = PolkuEvent<
  'ServicePeriodStarted',
  {
    periodId: string;
    serviceType: string;
    provider: OrganisationRef & { providerKind: ProviderKind };
    referralId?: string;
    /** The plan the period rests on (activation or multi-sectoral); kuty is checked against it. */
    planId?: string;
    startDate: IsoDate;
    plannedEndDate: IsoDate;
    daysPerWeek?: number;
    hoursPerDay?: number;
    /** Where the activity takes place (kuty: compared with the plan's place). */
    place?: string;
    /** Cheapest-fare travel cost per attended day, paid with the compensation. */
    travelEuroPerDay?: number;
  }
>;
/** Days, hours, place or length changed during a period; allowed once the plan carries them. */
export type ServicePeriodChanged = PolkuEvent<
  'ServicePeriodChanged',
  {
    periodId: string;
    changedOn: IsoDate;
    planId: string;
    daysPerWeek?: number;
    hoursPerDay?: number;
    place?: string;
    plannedEndDate?: IsoDate;
  }
>;
export type ServicePeriodPaused = PolkuEvent<
  'ServicePeriodPaused',
  { periodId: string; pausedOn: IsoDate; reason: string }
>;
export type ServicePeriodResumed = PolkuEvent<'ServicePeriodResumed', { periodId: string; resumedOn: IsoDate }>;
/** Days the client was expected but did not attend, with the reason (poissaolo). */
export type AbsenceReported = PolkuEvent<
  'AbsenceReported',
  {
    periodId: string;
    absentDates: IsoDate[];
    reason: AbsenceReason;
    note?: string;
  }
>;
export type ServicePeriodEnded = PolkuEvent<
  'ServicePeriodEnded',
  {
    periodId: string;
    endDate: IsoDate;
    endReason: PeriodEndReason;
    continuation: Continuation;
    note?: string;
  }
>;
/** Attended days of one period; compensation is derived from these. */
export type AttendanceReported = PolkuEvent<
  'AttendanceReported',
  {
    periodId: string;
    attendedDates: IsoDate[];
    hoursPerDay: number;
    /**
     * Limits the reported days broke (e.g. 'kuty.activity_days_in_12_months'): the days took
     * place and were paid, so they are recorded and flagged, not refused. Set by the decision.
     */
    exceptions?: AttendanceException[];
  }
>;
export interface AttendanceException {
  rule: string;
  dates: IsoDate[];
  message: string;
}
/** Tavoitearviointi with the client, the responsible officer and the own instructor. */
export type GoalReviewHeld = PolkuEvent<
  'GoalReviewHeld',
  {
    periodId: string;
    heldOn: IsoDate;
    participants: { client: boolean; responsibleOfficerId?: string; ownInstructorId?: string };
    assessment: string;
    /** The joint assessment at the period's end (loppuarviointi): the only review after the end. */
    endAssessment?: boolean;
  }
>;
export type WorkAbilityAssessmentRecorded = PolkuEvent<
  'WorkAbilityAssessmentRecorded',
  {
    assessmentId: string;
    tool: WorkAbilityTool;
    assessedOn: IsoDate;
    score?: number;
    summary?: string;
  }
>;

// --- people named on the client ------------------------------------------------------

/**
 * Each organisation names its own people on a client, each in a role: the responsible
 * officer (vastuuvirkailija), the social-welfare named worker (omatyöntekijä), the
 * provider's own instructor of a period (omaohjaaja). Naming one never ends another's.
 */
export type PersonNamed = PolkuEvent<
  'PersonNamed',
  {
    personId: string;
    personName: string;
    organisation: OrganisationRef;
    role: PersonRole;
    namedOn: IsoDate;
    /** own_instructor: the period they instruct. */
    periodId?: string;
    /** Also the client's lead responsible officer (asiakasvastaava). */
    lead?: boolean;
  }
>;
export type PersonReleased = PolkuEvent<
  'PersonReleased',
  {
    personId: string;
    organisationId: string;
    role: PersonRole;
    releasedOn: IsoDate;
    periodId?: string;
    reason?: string;
  }
>;
/** The client's lead responsible officer (asiakasvastaava): one of the people named now. */
export type LeadOfficerDesignated = PolkuEvent<'LeadOfficerDesignated', { personId: string; designatedOn: IsoDate }>;

/** Legacy (schema before 2026-12): one responsible officer across all organisations. Folded as PersonNamed. */
export type ResponsibleOfficerAssigned = PolkuEvent<
  'ResponsibleOfficerAssigned',
  {
    officerId: string;
    officerName: string;
    organisation: OrganisationRef;
    assignedOn: IsoDate;
  }
>;
/** Legacy: folded as PersonReleased. */
export type ResponsibleOfficerReleased = PolkuEvent<
  'ResponsibleOfficerReleased',
  {
    officerId: string;
    releasedOn: IsoDate;
    reason?: string;
  }
>;
/** Legacy omaohjaaja naming: folded as PersonNamed with role own_instructor. */
export type OwnInstructorAssigned = PolkuEvent<
  'OwnInstructorAssigned',
  {
    periodId: string;
    instructorId: string;
    instructorName: string;
    assignedOn: IsoDate;
  }
>;

// --- retention ------------------------------------------------------------------------

/**
 * Personal data made unreadable after retention (crypto-shredding: the client's key is
 * destroyed). The structure of the path stays for statistics; this event records the deletion.
 */
export type ClientDataErased = PolkuEvent<
  'ClientDataErased',
  {
    erasedOn: IsoDate;
    /** e.g. 'typ_retention_4_years' or 'client_request'. */
    ground: string;
    note?: string;
    /**
     * A request made while a statutory retention period ran: the legal ground the register
     * keeper recorded for erasing all the same (GDPR art. 17(3)(b) otherwise keeps the data).
     */
    legalGround?: string;
  }
>;

export type PolkuDomainEvent =
  | ClientRegistered
  | ConsentGiven
  | ConsentLimited
  | ConsentWithdrawn
  | TypRelationshipStarted
  | TypRelationshipEnded
  | ServiceNeedAssessmentRecorded
  | BenefitStatusRecorded
  | EmploymentPlanAgreed
  | ActivationPlanAgreed
  | MultisectoralPlanAgreed
  | PlanReviewed
  | ReferralMade
  | ReferralAccepted
  | ReferralDeclined
  | ReferralWithdrawn
  | ServicePeriodStarted
  | ServicePeriodPaused
  | ServicePeriodResumed
  | ServicePeriodEnded
  | ServicePeriodChanged
  | AttendanceReported
  | AbsenceReported
  | GoalReviewHeld
  | WorkAbilityAssessmentRecorded
  | PersonNamed
  | PersonReleased
  | LeadOfficerDesignated
  | ResponsibleOfficerAssigned
  | ResponsibleOfficerReleased
  | OwnInstructorAssigned
  | ClientDataErased;

export type PolkuEventType = PolkuDomainEvent['type'];
export type EventOfType<T extends PolkuEventType> = Extract<PolkuDomainEvent, { type: T }>;
export type EventData<T extends PolkuEventType> = EventOfType<T>['data'];
