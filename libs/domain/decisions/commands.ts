import type { EventData, PolkuEventType } from '../../events/index.js';

/**
 * Commands mirror the data of the event they ask for; ids the server can generate are
 * optional (an agency system may bring its own, which makes retries natural).
 */
type WithOptional<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;
type Cmd<T extends string, D> = { type: T; data: D };

export type RegisterClient = Cmd<'RegisterClient', EventData<'ClientRegistered'>>;
export type GiveConsent = Cmd<'GiveConsent', WithOptional<EventData<'ConsentGiven'>, 'consentId'>>;
export type LimitConsent = Cmd<'LimitConsent', EventData<'ConsentLimited'>>;
export type WithdrawConsent = Cmd<'WithdrawConsent', EventData<'ConsentWithdrawn'>>;
export type StartTypRelationship = Cmd<
  'StartTypRelationship',
  WithOptional<EventData<'TypRelationshipStarted'>, 'relationshipId'>
>;
export type EndTypRelationship = Cmd<'EndTypRelationship', Omit<EventData<'TypRelationshipEnded'>, 'relationshipId'>>;
export type RecordServiceNeedAssessment = Cmd<
  'RecordServiceNeedAssessment',
  WithOptional<EventData<'ServiceNeedAssessmentRecorded'>, 'assessmentId'>
>;
export type RecordBenefitStatus = Cmd<'RecordBenefitStatus', EventData<'BenefitStatusRecorded'>>;
export type AgreeEmploymentPlan = Cmd<'AgreeEmploymentPlan', WithOptional<EventData<'EmploymentPlanAgreed'>, 'planId'>>;
export type AgreeActivationPlan = Cmd<'AgreeActivationPlan', WithOptional<EventData<'ActivationPlanAgreed'>, 'planId'>>;
export type AgreeMultisectoralPlan = Cmd<
  'AgreeMultisectoralPlan',
  WithOptional<EventData<'MultisectoralPlanAgreed'>, 'planId'>
>;
export type ReviewPlan = Cmd<'ReviewPlan', EventData<'PlanReviewed'>>;
export type MakeReferral = Cmd<'MakeReferral', WithOptional<EventData<'ReferralMade'>, 'referralId'>>;
export type AcceptReferral = Cmd<'AcceptReferral', EventData<'ReferralAccepted'>>;
export type DeclineReferral = Cmd<'DeclineReferral', EventData<'ReferralDeclined'>>;
export type WithdrawReferral = Cmd<'WithdrawReferral', EventData<'ReferralWithdrawn'>>;
export type StartServicePeriod = Cmd<'StartServicePeriod', WithOptional<EventData<'ServicePeriodStarted'>, 'periodId'>>;
export type PauseServicePeriod = Cmd<'PauseServicePeriod', EventData<'ServicePeriodPaused'>>;
export type ResumeServicePeriod = Cmd<'ResumeServicePeriod', EventData<'ServicePeriodResumed'>>;
export type EndServicePeriod = Cmd<'EndServicePeriod', EventData<'ServicePeriodEnded'>>;
export type ChangeServicePeriod = Cmd<'ChangeServicePeriod', EventData<'ServicePeriodChanged'>>;
/** Exceptions are the decision's to find, never the caller's to claim. */
export type ReportAttendance = Cmd<'ReportAttendance', Omit<EventData<'AttendanceReported'>, 'exceptions'>>;
export type ReportAbsence = Cmd<'ReportAbsence', EventData<'AbsenceReported'>>;
export type HoldGoalReview = Cmd<'HoldGoalReview', EventData<'GoalReviewHeld'>>;
export type RecordWorkAbilityAssessment = Cmd<
  'RecordWorkAbilityAssessment',
  WithOptional<EventData<'WorkAbilityAssessmentRecorded'>, 'assessmentId'>
>;
/** The organisation defaults to the caller's (an own instructor's: the period's provider). */
export type NamePerson = Cmd<'NamePerson', WithOptional<EventData<'PersonNamed'>, 'organisation'>>;
export type ReleasePerson = Cmd<'ReleasePerson', WithOptional<EventData<'PersonReleased'>, 'organisationId'>>;
export type DesignateLeadOfficer = Cmd<'DesignateLeadOfficer', EventData<'LeadOfficerDesignated'>>;
export type EraseClientData = Cmd<
  'EraseClientData',
  {
    ground: 'retention_ended' | 'client_request';
    note?: string;
    /** Needed for a client's request while a retention period runs: the ground the register keeper records. */
    legalGround?: string;
  }
>;

export type ClientCommand =
  | RegisterClient
  | GiveConsent
  | LimitConsent
  | WithdrawConsent
  | StartTypRelationship
  | EndTypRelationship
  | RecordServiceNeedAssessment
  | RecordBenefitStatus
  | AgreeEmploymentPlan
  | AgreeActivationPlan
  | AgreeMultisectoralPlan
  | ReviewPlan
  | MakeReferral
  | AcceptReferral
  | DeclineReferral
  | WithdrawReferral
  | StartServicePeriod
  | PauseServicePeriod
  | ResumeServicePeriod
  | EndServicePeriod
  | ChangeServicePeriod
  | ReportAttendance
  | ReportAbsence
  | HoldGoalReview
  | RecordWorkAbilityAssessment
  | NamePerson
  | ReleasePerson
  | DesignateLeadOfficer
  | EraseClientData;

export type CommandOfType<T extends ClientCommand['type']> = Extract<ClientCommand, { type: T }>;

/** An event before the envelope (ids, actor, times) is put on by the application layer. */
export type EventDraft<T extends PolkuEventType = PolkuEventType> = {
  [K in T]: { type: K; occurredAt: string; data: EventData<K> };
}[T];
