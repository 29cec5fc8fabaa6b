import { ABSENCE_REASONS, CONTINUATIONS, PERIOD_END_REASONS, type AbsenceReason } from '../../events/index.js';
import {
  BoolField,
  DateArrayField,
  DateField,
  EnumField,
  IdField,
  IntField,
  NestedField,
  NumberField,
  TextField,
} from '../fields/dto-fields.js';
import { ProviderRefDto } from '../fields/organisation-ref.dto.js';

export class StartServicePeriodDto {
  @IdField({ optional: true }) periodId?: string;
  @IdField({ example: 'rehabilitative_work_activity' }) serviceType: string;
  @NestedField(() => ProviderRefDto) provider: ProviderRefDto;
  @IdField({ optional: true }) referralId?: string;
  @IdField({
    optional: true,
    description:
      'The plan the period rests on: activation or multi-sectoral (kuty: the latest carrying the kuty items when absent)',
  })
  planId?: string;
  @DateField() startDate: string;
  @DateField() plannedEndDate: string;
  @IntField(0, 7, { optional: true }) daysPerWeek?: number;
  @NumberField(0, 24, { optional: true }) hoursPerDay?: number;
  @TextField({
    optional: true,
    max: 300,
    description: "Where the activity takes place (kuty: the plan's place when absent)",
  })
  place?: string;
  @NumberField(0, 1000, { optional: true, description: 'Cheapest-fare travel cost per attended day (€)' })
  travelEuroPerDay?: number;
}

export class ChangeServicePeriodDto {
  @DateField() changedOn: string;
  @IdField({ description: 'The plan, reviewed or amended after the period started, that carries the change' })
  planId: string;
  @IntField(0, 7, { optional: true }) daysPerWeek?: number;
  @NumberField(0, 24, { optional: true }) hoursPerDay?: number;
  @TextField({ optional: true, max: 300 }) place?: string;
  @DateField({ optional: true }) plannedEndDate?: string;
}

export class ReportAbsenceDto {
  @DateArrayField({ example: ['2025-03-04'] }) absentDates: string[];
  @EnumField(ABSENCE_REASONS) reason: AbsenceReason;
  @TextField({ optional: true }) note?: string;
}

export class PauseServicePeriodDto {
  @DateField() pausedOn: string;
  @TextField() reason: string;
}

export class ResumeServicePeriodDto {
  @DateField() resumedOn: string;
}

export class EndServicePeriodDto {
  @DateField() endDate: string;
  @EnumField(PERIOD_END_REASONS) endReason: (typeof PERIOD_END_REASONS)[number];
  @EnumField(CONTINUATIONS) continuation: (typeof CONTINUATIONS)[number];
  @TextField({ optional: true }) note?: string;
}

export class ReportAttendanceDto {
  @DateArrayField({ example: ['2025-03-03', '2025-03-05'] }) attendedDates: string[];
  @NumberField(0, 24) hoursPerDay: number;
}

export class GoalReviewParticipantsDto {
  @BoolField() client: boolean;
  @IdField({ optional: true }) responsibleOfficerId?: string;
  @IdField({ optional: true }) ownInstructorId?: string;
}

export class HoldGoalReviewDto {
  @DateField() heldOn: string;
  @NestedField(() => GoalReviewParticipantsDto) participants: GoalReviewParticipantsDto;
  @TextField() assessment: string;
  @BoolField({
    optional: true,
    description: "The joint assessment at the period's end: the only review allowed after it ended",
  })
  endAssessment?: boolean;
}
