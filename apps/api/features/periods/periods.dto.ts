import { CONTINUATIONS, PERIOD_END_REASONS } from '../../../../libs/events/index.js';
import {
  BoolField, DateArrayField, DateField, EnumField, IdField, IntField, NestedField, NumberField, TextField,
} from '../shared/dto-fields.js';
import { ProviderRefDto } from '../shared/organisation-ref.dto.js';

export class StartServicePeriodDto {
  @IdField({ optional: true }) periodId?: string;
  @IdField({ example: 'rehabilitative_work_activity' }) serviceType: string;
  @NestedField(() => ProviderRefDto) provider: ProviderRefDto;
  @IdField({ optional: true }) referralId?: string;
  @IdField({ optional: true, description: 'Activation plan carrying the kuty items (latest when absent)' }) planId?: string;
  @DateField() startDate: string;
  @DateField() plannedEndDate: string;
  @IntField(0, 7, { optional: true }) daysPerWeek?: number;
  @NumberField(0, 24, { optional: true }) hoursPerDay?: number;
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
}

export class AssignOwnInstructorDto {
  @IdField() instructorId: string;
  @TextField({ max: 200 }) instructorName: string;
  @DateField() assignedOn: string;
}
