import type { CaseloadRow, CompensationLedgerRow, OutcomeStatsRow } from '../../../../libs/read-store/index.js';
import { ORGANISATION_TYPES, PERSON_ROLES, PROVIDER_KINDS } from '../../../../libs/events/index.js';
import { COMPENSATION_COMPONENTS, COMPENSATION_PAYERS } from '../../../../libs/domain/index.js';
import { AnyObject, Bool, Counts, Day, Int, Num, Obj, OneOf, OneOfEach, Str } from '../shared/response-fields.js';
import { ALL_DEADLINE_KINDS } from './path.response.js';

/** What the list reads answer (queries.ts); rows implement the read store's row types. */

export class CaseloadRowView implements CaseloadRow {
  @Str() clientId: string;
  @Str({ description: 'The officer or instructor' }) personId: string;
  @Str() personName: string;
  @Str() organisationId: string;
  @OneOf(PERSON_ROLES) role: CaseloadRow['role'];
  @Day() since: string;
  @Bool({ description: "The client's lead responsible officer" }) lead: boolean;
}

export class CaseloadAnswer {
  @Str() personId: string;
  @Obj(() => CaseloadRowView, { each: true }) clients: CaseloadRowView[];
}

export class WorklistItemView {
  @Str() clientId: string;
  @OneOf(ALL_DEADLINE_KINDS) kind: string;
  @Day() dueDate: string;
  @Bool() overdue: boolean;
  @Str({ description: 'Plan, period or referral id' }) refId: string;
  @Str() description: string;
}

export class WorklistAnswer {
  @Str() organisationId: string;
  @Day() today: string;
  @Obj(() => WorklistItemView, { each: true }) items: WorklistItemView[];
  @Str({ nullable: true, description: 'Pass as `after` for the next page; null on the last page' }) nextCursor:
    | string
    | null;
}

export class OutcomeStatsRowView implements OutcomeStatsRow {
  @Str() endReason: string;
  @Str() continuation: string;
  @Str() serviceType: string;
  @Str() providerId: string;
  @Str({ description: 'Organisation that recorded the period' }) organisationId: string;
  @Str({ example: '2025-06', description: 'Month of the end date' }) month: string;
  @Int() periods: number;
}

export class OutcomeStatsAnswer {
  @Obj(() => OutcomeStatsRowView, { each: true }) rows: OutcomeStatsRowView[];
  @Counts({ description: 'Periods by end reason' }) byEndReason: Record<string, number>;
  @Counts({ description: 'Periods by continuation' }) byContinuation: Record<string, number>;
  @Int() total: number;
}

export class LedgerRowView implements CompensationLedgerRow {
  @Str({ example: '2025-06' }) month: string;
  @OneOf(COMPENSATION_PAYERS) payer: CompensationLedgerRow['payer'];
  @OneOf(COMPENSATION_COMPONENTS) component: CompensationLedgerRow['component'];
  @Int() attendedDays: number;
  @Num({ description: 'Euros, rounded to cents' }) euros: number;
  @Int() clients: number;
}

export class LedgerAnswer {
  @Obj(() => LedgerRowView, { each: true }) rows: LedgerRowView[];
  @Num() totalEuros: number;
}

export class RangeView {
  @Num() min: number;
  @Num() max: number;
}

export class ServiceTypeCompensationView {
  @OneOf(['daily_compensation', 'work_allowance']) component: string;
  @Num() euroPerAttendedDay: number;
  @AnyObject({
    description:
      'Payer (kela | unemployment_fund | wellbeing_county | municipality) by the benefit the client lives on that day',
  })
  payerByBenefit: Record<string, string>;
  @Bool() travelPaidWithCompensation: boolean;
  @AnyObject({ optional: true, description: 'What each organising county sets (by organisation id; * = any other)' })
  perCounty?: Record<string, unknown>;
}

export class PlanBasisView {
  @OneOfEach(['employment', 'activation', 'multisectoral']) planKinds: string[];
  @Bool() itemsRequired: boolean;
}

export class ServiceTypeView {
  @Str() code: string;
  @Str() name: string;
  @Str() nameFi: string;
  @Str() family: string;
  @OneOf(ORGANISATION_TYPES, { optional: true }) referredTo?: string;
  @Int({ nullable: true }) minMonths: number | null;
  @Int({ nullable: true }) maxMonths: number | null;
  @Obj(() => RangeView, { optional: true }) daysPerWeek?: RangeView;
  @Obj(() => RangeView, { optional: true }) hoursPerDay?: RangeView;
  @Num({ optional: true }) maxHoursPerWeek?: number;
  @Int({ optional: true }) maxActivityDaysIn12Months?: number;
  @OneOfEach(PROVIDER_KINDS) forbiddenProviderKinds: string[];
  @Bool() oneActivePeriodAtATime: boolean;
  @Obj(() => PlanBasisView, { optional: true, description: 'The plans a period may rest on' })
  planBasis?: PlanBasisView;
  @Int({ optional: true }) goalReviewIntervalMonths?: number;
  @Obj(() => ServiceTypeCompensationView, { optional: true }) compensation?: ServiceTypeCompensationView;
}

export class ServiceTypesAnswer {
  @Str() ruleSet: string;
  @Day() validFrom: string;
  @Obj(() => ServiceTypeView, { each: true }) serviceTypes: ServiceTypeView[];
}

export class CaseloadReportRowView {
  @Str() personId: string;
  @Str() personName: string;
  @OneOf(PERSON_ROLES) role: string;
  @Int() clients: number;
  @Int({ description: "The role's capacity in the rule set in force" }) capacity: number;
  @Bool() overCapacity: boolean;
}

export class CaseloadReportAnswer {
  @Str() organisationId: string;
  @Str() ruleSet: string;
  @Obj(() => CaseloadReportRowView, { each: true }) people: CaseloadReportRowView[];
  @Int({ description: "People over their role's capacity" }) overCapacity: number;
}
