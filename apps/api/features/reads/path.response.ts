import { ApiSchema } from '@nestjs/swagger';
import {
  BENEFIT_TYPES,
  CONTINUATIONS,
  DATA_KINDS,
  ORGANISATION_TYPES,
  PERIOD_END_REASONS,
  PROVIDER_KINDS,
  TYP_END_REASONS,
} from '../../../../libs/events/index.js';
import { DEADLINE_KINDS } from '../../../../libs/domain/index.js';
import { ABSENCE_REASONS, PERSON_ROLES } from '../../../../libs/events/index.js';
import {
  AnyObject,
  Bool,
  Day,
  Days,
  Int,
  Num,
  Obj,
  OneOf,
  OneOfEach,
  Position,
  Str,
  Strs,
} from '../shared/response-fields.js';

/**
 * The service path document as a reader receives it (libs/projections/client-path:
 * buildPathView, then pathForViewer). Personal values read "[erased]" after erasure.
 */

export const ALL_DEADLINE_KINDS = DEADLINE_KINDS;

export class OrganisationRefView {
  @Str({ example: 'te-keski-suomi' }) organisationId: string;
  @OneOf(ORGANISATION_TYPES) organisationType: string;
  @Str({ optional: true }) name?: string;
}

export class ProviderRefView extends OrganisationRefView {
  @OneOf(PROVIDER_KINDS) providerKind: string;
}

export class ClientProfileView {
  @Str() fullName: string;
  @Str({ optional: true, description: 'Henkilötunnus' }) personalIdentityCode?: string;
  @Day() birthDate: string;
  @Str() municipality: string;
}

export class TypRelationshipView {
  @Str() relationshipId: string;
  @Day() startDate: string;
  @Obj(() => OrganisationRefView, { each: true }) parties: OrganisationRefView[];
  @Day({ optional: true }) endDate?: string;
  @OneOf(TYP_END_REASONS, { optional: true }) endReason?: string;
}

export class CurrentTypRelationshipView extends TypRelationshipView {
  @Day({ description: 'The multi-sectoral plan is due by this date' }) multisectoralPlanDueDate: string;
  @Day({ nullable: true }) multisectoralPlanAgreedOn: string | null;
}

export class PlannedServiceView {
  @Str() serviceType: string;
  @Str({ optional: true }) description?: string;
  @Str({ optional: true }) providerId?: string;
}

export class KutyPlanItemsView {
  @Str() goal: string;
  @Str() description: string;
  @Str() place: string;
  @Str() providerId: string;
  @OneOf(PROVIDER_KINDS) providerKind: string;
  @Num() hoursPerDay: number;
  @Int() daysPerWeek: number;
  @Day() startDate: string;
  @Int() lengthMonths: number;
  @Str() supportAndGuidance: string;
  @Str() otherServices: string;
  @Day() assessmentDate: string;
}

export class PlanView {
  @Str() planId: string;
  @OneOf(['employment', 'activation', 'multisectoral']) kind: string;
  @Day() agreedOn: string;
  @Day({ optional: true }) lastReviewedOn?: string;
  @Str({ description: 'Organisation that recorded the plan' }) organisationId: string;
  @Obj(() => KutyPlanItemsView, { optional: true }) kuty?: KutyPlanItemsView;
  @Strs({ description: 'Organisations party to the plan' }) parties: string[];
  @Str({ description: 'The rule set in force when the plan was agreed' }) ruleSetId: string;
  @Day({ nullable: true, description: 'Null for employment plans (reviewed with the others)' }) nextReviewDue:
    | string
    | null;
}

export class ReferralView {
  @Str() referralId: string;
  @Str() serviceType: string;
  @Obj(() => OrganisationRefView) from: OrganisationRefView;
  @Obj(() => OrganisationRefView) to: OrganisationRefView;
  @Day() madeOn: string;
  @OneOf(['open', 'accepted', 'declined', 'withdrawn']) status: string;
  @Day({ optional: true }) answeredOn?: string;
}

export class OpenReferralView extends ReferralView {
  @Day({ description: 'The receiving organisation should answer by this date' }) answerDue: string;
}

/** A person an organisation named on the client, in a role (own instructor: of one period). */
export class NamedPersonView {
  @Str() personId: string;
  @Str() personName: string;
  @Obj(() => OrganisationRefView) organisation: OrganisationRefView;
  @OneOf(PERSON_ROLES) role: string;
  @Str({ optional: true, description: 'own_instructor: the period' }) periodId?: string;
  @Day() from: string;
  @Day({ optional: true, description: 'Released on (history only)' }) to?: string;
}

export class NamedPersonNowView extends NamedPersonView {
  @Bool({ description: "The client's lead responsible officer (asiakasvastaava)" }) lead: boolean;
}

export class PauseView {
  @Day() from: string;
  @Day({ optional: true, description: 'Last paused day; absent while the pause lasts' }) to?: string;
}

export class AbsenceView {
  @Day() date: string;
  @OneOf(ABSENCE_REASONS) reason: string;
}

export class AttendanceExceptionView {
  @Str({ description: 'The limit broken, e.g. kuty.activity_days_in_12_months' }) rule: string;
  @Days() dates: string[];
  @Str() message: string;
}

export class PeriodChangeView {
  @Day() changedOn: string;
  @Str() planId: string;
}

export class RetentionView {
  @Day({ nullable: true, description: 'Null while a TYP relationship is active' }) endsOn: string | null;
  @OneOf(['typ_retention', 'records_retention']) basis: string;
  @Int() years: number;
}

export class PeriodView {
  @Str() periodId: string;
  @Str() serviceType: string;
  @Str() serviceName: string;
  @OneOf(['active', 'paused', 'ended']) status: string;
  @Obj(() => ProviderRefView) provider: ProviderRefView;
  @Obj(() => OrganisationRefView, { description: 'Organisation that recorded the start' })
  recordedBy: OrganisationRefView;
  @Day() startDate: string;
  @Day() plannedEndDate: string;
  @Int({ optional: true }) daysPerWeek?: number;
  @Num({ optional: true }) hoursPerDay?: number;
  @Str({ nullable: true }) place: string | null;
  @Num({ nullable: true, description: 'Cheapest-fare travel per attended day (€)' }) travelEuroPerDay: number | null;
  @Str({ optional: true }) referralId?: string;
  @Str({ optional: true, description: 'The plan the period rests on' }) planId?: string;
  @Day({ optional: true }) pausedOn?: string;
  @Obj(() => PauseView, { each: true }) pauses: PauseView[];
  @Day({ optional: true }) endDate?: string;
  @OneOf(PERIOD_END_REASONS, { optional: true }) endReason?: string;
  @OneOf(CONTINUATIONS, { optional: true }) continuation?: string;
  @Int() attendedDays: number;
  @Obj(() => AbsenceView, { each: true }) absences: AbsenceView[];
  @Obj(() => AttendanceExceptionView, {
    each: true,
    description: 'Reported days that broke a limit (recorded and paid)',
  })
  exceptions: AttendanceExceptionView[];
  @Obj(() => PeriodChangeView, { each: true }) changes: PeriodChangeView[];
  @Int({ optional: true, description: 'Service types with a 12-month day limit only' })
  activityDaysInLast12Months?: number;
  @Int({ optional: true }) maxActivityDaysIn12Months?: number;
  @Day({ nullable: true, description: 'Null when the service type has no maximum length' }) maxEndDate: string | null;
  @Int({
    nullable: true,
    description: 'Whole months the period has run (to its end or today) of maxMonths: the 24-month gauge of kuty',
  })
  monthsUsed: number | null;
  @Int({ nullable: true, description: "The service type's maximum length in months; null when it has none" })
  maxMonths: number | null;
  @Day({ optional: true }) lastGoalReviewOn?: string;
  @Day({ nullable: true }) endAssessedOn: string | null;
  @Day({ nullable: true }) nextGoalReviewDue: string | null;
  @Obj(() => NamedPersonView, { nullable: true }) ownInstructor: NamedPersonView | null;
}

export class ConsentScopeView {
  @Strs({ description: 'Organisations covered; empty = every party of the TYP relationship' })
  organisationIds: string[];
  @OneOfEach(DATA_KINDS) dataKinds: string[];
}

export class ConsentView {
  @Str() consentId: string;
  @Obj(() => ConsentScopeView) scope: ConsentScopeView;
  @Day() givenOn: string;
  @Str({ description: 'Organisation that recorded it' }) givenTo: string;
  @Day({ optional: true }) validUntil?: string;
  @Day({ optional: true }) withdrawnOn?: string;
}

export class DeadlineView {
  @OneOf(ALL_DEADLINE_KINDS) kind: string;
  @Day() dueDate: string;
  @Str({ description: 'Plan, period, referral or relationship id' }) refId: string;
  @Strs({ description: 'Organisations whose worklists show the item' }) organisationIds: string[];
  @Str() description: string;
}

export class PathStatusView {
  @Obj(() => CurrentTypRelationshipView, { nullable: true }) typRelationship: CurrentTypRelationshipView | null;
  @Obj(() => TypRelationshipView, { each: true }) pastTypRelationships: TypRelationshipView[];
  @OneOf(BENEFIT_TYPES, { nullable: true }) currentBenefit: string | null;
  @Obj(() => PlanView, { each: true }) plans: PlanView[];
  @Obj(() => OpenReferralView, { each: true }) openReferrals: OpenReferralView[];
  @Obj(() => ReferralView, { each: true }) referrals: ReferralView[];
  @Obj(() => PeriodView, { each: true }) activePeriods: PeriodView[];
  @Obj(() => PeriodView, { each: true }) endedPeriods: PeriodView[];
  @Obj(() => NamedPersonNowView, { each: true, description: 'Everyone named on the client now' })
  people: NamedPersonNowView[];
  @Obj(() => NamedPersonView, { nullable: true }) leadOfficer: NamedPersonView | null;
  @Obj(() => NamedPersonView, { each: true, description: 'Everyone ever named' }) peopleHistory: NamedPersonView[];
  @Obj(() => RetentionView) retention: RetentionView;
  @Obj(() => ConsentView, { each: true }) consents: ConsentView[];
  @Obj(() => DeadlineView, { each: true }) deadlines: DeadlineView[];
}

export class TimelineAuthorView {
  @Str() personId: string;
  @Str() displayName: string;
}

export class TimelineEntryView {
  @Position({ description: 'Global position of the event' }) position: string;
  @Str() eventId: string;
  @Str({ example: 'ReferralMade' }) type: string;
  @Str({ description: 'Business time: a date or an instant' }) occurredAt: string;
  @Str({ description: 'When Polku recorded it (ISO instant)' }) recordedAt: string;
  @Str() organisationId: string;
  @OneOf(ORGANISATION_TYPES) organisationType: string;
  @Obj(() => TimelineAuthorView) author: TimelineAuthorView;
  @Str({ description: 'One line in plain English' }) summary: string;
  @AnyObject({ description: "The event's data, as recorded" }) data: Record<string, unknown>;
}

export class HiddenEntriesView {
  @Str() organisationId: string;
  @Int() entries: number;
}

@ApiSchema({
  name: 'ClientPath',
  description: "The client's cross-organisation service path, as the caller may see it",
})
export class ClientPathView {
  @Str() clientId: string;
  @Obj(() => ClientProfileView, { nullable: true, description: 'Null when not visible to the caller, or erased' })
  profile: ClientProfileView | null;
  @Obj(() => PathStatusView) status: PathStatusView;
  @Strs({ description: 'Organisations with entries on the path' }) organisations: string[];
  @Obj(() => TimelineEntryView, { each: true }) timeline: TimelineEntryView[];
  @Obj(() => HiddenEntriesView, {
    each: true,
    optional: true,
    description: 'Entries consent hides from the caller, counted per organisation (no content)',
  })
  hiddenEntries?: HiddenEntriesView[];
}

export class TimelinePageView {
  @Int({ description: 'Entries on the whole timeline the caller may see' }) total: number;
  @Int() returned: number;
  @Str({ nullable: true, description: 'Pass as timelineBefore for the older entries; null when none are left' })
  nextBefore: string | null;
}

export class ClientPathAnswer {
  @Obj(() => ClientPathView) path: ClientPathView;
  @Obj(() => TimelinePageView) timelinePage: TimelinePageView;
  @Position({ description: "The read models' position when read (at least minPosition)" }) projectedPosition: string;
}

export class ReplayModeView {
  @OneOf(['as_known_on', 'as_of', 'current']) kind: string;
  @Day({ optional: true, description: 'Absent for the current path' }) date?: string;
}

@ApiSchema({ name: 'ReplayedPath', description: "A client's path replayed from the events" })
export class ReplayedPathView extends ClientPathView {
  @Obj(() => ReplayModeView) mode: ReplayModeView;
}
