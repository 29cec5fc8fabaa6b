import type { DataKind } from './codes.js';
import type { PolkuDomainEvent, PolkuEventType } from './catalogue.js';
import type { PolkuEvent } from './envelope.js';

/**
 * Current schema version of each event type, and the data kind it belongs to
 * (consent scopes are expressed in data kinds).
 */
export const EVENT_CATALOGUE: Record<PolkuEventType, { schemaVersion: number; dataKind: DataKind }> = {
  ClientRegistered: { schemaVersion: 1, dataKind: 'identity' },
  ConsentGiven: { schemaVersion: 1, dataKind: 'identity' },
  ConsentLimited: { schemaVersion: 1, dataKind: 'identity' },
  ConsentWithdrawn: { schemaVersion: 1, dataKind: 'identity' },
  TypRelationshipStarted: { schemaVersion: 1, dataKind: 'plans' },
  TypRelationshipEnded: { schemaVersion: 1, dataKind: 'plans' },
  ServiceNeedAssessmentRecorded: { schemaVersion: 1, dataKind: 'assessments' },
  BenefitStatusRecorded: { schemaVersion: 1, dataKind: 'benefits' },
  EmploymentPlanAgreed: { schemaVersion: 1, dataKind: 'plans' },
  ActivationPlanAgreed: { schemaVersion: 1, dataKind: 'plans' },
  MultisectoralPlanAgreed: { schemaVersion: 1, dataKind: 'plans' },
  PlanReviewed: { schemaVersion: 1, dataKind: 'plans' },
  ReferralMade: { schemaVersion: 1, dataKind: 'referrals' },
  ReferralAccepted: { schemaVersion: 1, dataKind: 'referrals' },
  ReferralDeclined: { schemaVersion: 1, dataKind: 'referrals' },
  ReferralWithdrawn: { schemaVersion: 1, dataKind: 'referrals' },
  ServicePeriodStarted: { schemaVersion: 1, dataKind: 'service_periods' },
  ServicePeriodPaused: { schemaVersion: 1, dataKind: 'service_periods' },
  ServicePeriodResumed: { schemaVersion: 1, dataKind: 'service_periods' },
  ServicePeriodEnded: { schemaVersion: 1, dataKind: 'service_periods' },
  ServicePeriodChanged: { schemaVersion: 1, dataKind: 'service_periods' },
  AbsenceReported: { schemaVersion: 1, dataKind: 'attendance' },
  PersonNamed: { schemaVersion: 1, dataKind: 'identity' },
  PersonReleased: { schemaVersion: 1, dataKind: 'identity' },
  LeadOfficerDesignated: { schemaVersion: 1, dataKind: 'identity' },
  AttendanceReported: { schemaVersion: 1, dataKind: 'attendance' },
  GoalReviewHeld: { schemaVersion: 1, dataKind: 'service_periods' },
  WorkAbilityAssessmentRecorded: { schemaVersion: 1, dataKind: 'assessments' },
  ResponsibleOfficerAssigned: { schemaVersion: 1, dataKind: 'identity' },
  ResponsibleOfficerReleased: { schemaVersion: 1, dataKind: 'identity' },
  OwnInstructorAssigned: { schemaVersion: 1, dataKind: 'service_periods' },
  ClientDataErased: { schemaVersion: 1, dataKind: 'identity' },
};

export const EVENT_TYPES = Object.keys(EVENT_CATALOGUE) as PolkuEventType[];

export const isPolkuEventType = (type: string): type is PolkuEventType => Object.hasOwn(EVENT_CATALOGUE, type);

/**
 * An event of a type in the catalogue, seen as that type's event. Stored events were checked
 * against the catalogue when appended and are upcast on read, so the type tag decides.
 */
export const isDomainEvent = <E extends PolkuEvent>(event: E): event is E & PolkuDomainEvent =>
  isPolkuEventType(event.type);
