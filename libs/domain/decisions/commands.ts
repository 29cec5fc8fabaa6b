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
export type StartTypRelationship = Cmd<'StartTypRelationship', WithOptional<EventData<'TypRelationshipStarted'>, 'relationshipId'>>;
export type EndTypRelationship = Cmd<'EndTypRelationship', Omit<EventData<'TypRelationshipEnded'>, 'relationshipId'>>;
export type RecordServiceNeedAssessment = Cmd<'RecordServiceNeedAssessment', WithOptional<EventData<'ServiceNeedAssessmentRecorded'>, 'assessmentId'>>;
export type RecordBenefitStatus = Cmd<'RecordBenefitStatus', EventData<'BenefitStatusRecorded'>>;
export type AgreeEmploymentPlan = Cmd<'AgreeEmploymentPlan', WithOptional<EventData<'EmploymentPlanAgreed'>, 'planId'>>;
export type AgreeActivationPlan = Cmd<'AgreeActivationPlan', WithOptional<EventData<'ActivationPlanAgreed'>, 'planId'>>;
export type AgreeMultisectoralPlan = Cmd<'AgreeMultisectoralPlan', WithOptional<EventData<'MultisectoralPlanAgreed'>, 'planId'>>;
export type ReviewPlan = Cmd<'ReviewPlan', EventData<'PlanReviewed'>>;
export type MakeReferral = Cmd<'MakeReferral', WithOptional<EventData<'ReferralMade'>, 'referralId'>>;
export type AcceptReferral = Cmd<'AcceptReferral', EventData<'ReferralAccepted'>>;
export type DeclineReferral = Cmd<'DeclineReferral', EventData<'ReferralDeclined'>>;
export type WithdrawReferral = Cmd<'WithdrawReferral', EventData<'ReferralWithdrawn'>>;
export type StartServicePeriod = Cmd<'StartServicePeriod', WithOptional<EventData<'ServicePeriodStarted'>, 'periodId'>>;
export type PauseServicePeriod = Cmd<'PauseServicePeriod', EventData<'ServicePeriodPaused'>>;
export type ResumeServicePeriod = Cmd<'ResumeServicePeriod', EventData<'ServicePeriodResumed'>>;
export type EndServicePeriod = Cmd<'EndServicePeriod', EventData<'ServicePeriodEnded'>>;
export type ReportAttendance = Cmd<'ReportAttendance', EventData<'AttendanceReported'>>;
export type HoldGoalReview = Cmd<'HoldGoalReview', EventData<'GoalReviewHeld'>>;
export type RecordWorkAbilityAssessment = Cmd<'RecordWorkAbilityAssessment', WithOptional<EventData<'WorkAbilityAssessmentRecorded'>, 'assessmentId'>>;
export type AssignResponsibleOfficer = Cmd<'AssignResponsibleOfficer', WithOptional<EventData<'ResponsibleOfficerAssigned'>, 'organisation'>>;
export type ReleaseResponsibleOfficer = Cmd<'ReleaseResponsibleOfficer', EventData<'ResponsibleOfficerReleased'>>;
export type AssignOwnInstructor = Cmd<'AssignOwnInstructor', EventData<'OwnInstructorAssigned'>>;
export type EraseClientData = Cmd<'EraseClientData', { ground: 'typ_retention' | 'client_request'; note?: string }>;

export type ClientCommand =
  | RegisterClient | GiveConsent | LimitConsent | WithdrawConsent
  | StartTypRelationship | EndTypRelationship | RecordServiceNeedAssessment | RecordBenefitStatus
  | AgreeEmploymentPlan | AgreeActivationPlan | AgreeMultisectoralPlan | ReviewPlan
  | MakeReferral | AcceptReferral | DeclineReferral | WithdrawReferral
  | StartServicePeriod | PauseServicePeriod | ResumeServicePeriod | EndServicePeriod
  | ReportAttendance | HoldGoalReview | RecordWorkAbilityAssessment
  | AssignResponsibleOfficer | ReleaseResponsibleOfficer | AssignOwnInstructor
  | EraseClientData;

export type CommandOfType<T extends ClientCommand['type']> = Extract<ClientCommand, { type: T }>;

/** An event before the envelope (ids, actor, times) is put on by the application layer. */
export type EventDraft<T extends PolkuEventType = PolkuEventType> = {
  [K in T]: { type: K; occurredAt: string; data: EventData<K> };
}[T];
