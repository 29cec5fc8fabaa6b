import type { PolkuDomainEvent } from '../../events/index.js';

/** One line per event for the timeline, in plain English. Personal data (free text) stays out: it lives in `data` only, where erasure reaches it. */
export function summarise(e: PolkuDomainEvent): string {
  switch (e.type) {
    case 'ClientRegistered':
      return `Client registered (${e.data.municipality})`;
    case 'ConsentGiven':
      return `Consent given for ${e.data.scope.dataKinds.join(', ')}`;
    case 'ConsentLimited':
      return `Consent limited to ${e.data.scope.dataKinds.join(', ')}`;
    case 'ConsentWithdrawn':
      return 'Consent withdrawn';
    case 'TypRelationshipStarted':
      return `TYP relationship started with ${e.data.parties.map((p) => p.name ?? p.organisationId).join(', ')}`;
    case 'TypRelationshipEnded':
      return `TYP relationship ended: ${e.data.reason}`;
    case 'ServiceNeedAssessmentRecorded':
      return `Multi-sectoral service-need assessment (${e.data.needs.length} needs)`;
    case 'BenefitStatusRecorded':
      return `Benefit status recorded: ${e.data.currentBenefit}`;
    case 'EmploymentPlanAgreed':
      return 'Employment plan agreed';
    case 'ActivationPlanAgreed':
      return e.data.kuty
        ? `Activation plan agreed with rehabilitative work activity at ${e.data.kuty.place}`
        : 'Activation plan agreed';
    case 'MultisectoralPlanAgreed':
      return e.data.kuty
        ? `Multi-sectoral employment plan agreed with rehabilitative work activity at ${e.data.kuty.place}`
        : 'Multi-sectoral employment plan agreed';
    case 'PlanReviewed':
      return `Plan reviewed${e.data.requestedByClient ? " at the client's request" : ''}${e.data.kuty ? '; kuty items amended' : ''}`;
    case 'ReferralMade':
      return `Referral to ${e.data.serviceType} at ${e.data.to.name ?? e.data.to.organisationId}`;
    case 'ReferralAccepted':
      return 'Referral accepted';
    case 'ReferralDeclined':
      return 'Referral declined';
    case 'ReferralWithdrawn':
      return 'Referral withdrawn';
    case 'ServicePeriodStarted':
      return `${e.data.serviceType} started at ${e.data.provider.name ?? e.data.provider.organisationId}`;
    case 'ServicePeriodPaused':
      return 'Period paused';
    case 'ServicePeriodResumed':
      return 'Period resumed';
    case 'ServicePeriodEnded':
      return `Period ended: ${e.data.endReason}; continues with ${e.data.continuation}`;
    case 'ServicePeriodChanged':
      return `Period changed (${[e.data.daysPerWeek && `${e.data.daysPerWeek} days a week`, e.data.hoursPerDay && `${e.data.hoursPerDay} hours a day`, e.data.place && 'place', e.data.plannedEndDate && `planned end ${e.data.plannedEndDate}`].filter(Boolean).join(', ')})`;
    case 'AttendanceReported':
      return `${e.data.attendedDates.length} attended day(s) reported${e.data.exceptions?.length ? `; exception: ${e.data.exceptions.map((x) => x.rule).join(', ')}` : ''}`;
    case 'AbsenceReported':
      return `${e.data.absentDates.length} absent day(s) reported (${e.data.reason.replace(/_/g, ' ')})`;
    case 'GoalReviewHeld':
      return e.data.endAssessment ? 'End assessment held' : 'Goal review held';
    case 'WorkAbilityAssessmentRecorded':
      return `Work-ability assessment (${e.data.tool})`;
    case 'PersonNamed':
      return `${e.data.role.replace(/_/g, ' ')} named: ${e.data.personName}${e.data.lead ? ' (lead)' : ''}`;
    case 'PersonReleased':
      return `${e.data.role.replace(/_/g, ' ')} released`;
    case 'LeadOfficerDesignated':
      return 'Lead responsible officer designated';
    case 'ResponsibleOfficerAssigned':
      return `Responsible officer: ${e.data.officerName}`;
    case 'ResponsibleOfficerReleased':
      return 'Responsible officer released';
    case 'OwnInstructorAssigned':
      return `Own instructor: ${e.data.instructorName}`;
    case 'ClientDataErased':
      return `Personal data erased (${e.data.ground})`;
    default:
      return (e as { type: string }).type;
  }
}
