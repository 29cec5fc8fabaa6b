import { Transform } from 'class-transformer';
import { IsOptional, Matches } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { DateField, EnumArrayField, EnumField, IdField, IntField } from '../shared/dto-fields.js';
import { TIMELINE_CURSOR, TIMELINE_PAGE } from '../../../../libs/projections/client-path/index.js';

const DEADLINE_KINDS = ['multisectoral_plan_due', 'plan_review_due', 'goal_review_due', 'period_max_length_nearing', 'activity_day_limit_nearing', 'referral_unanswered'] as const;
const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value);
const toList = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value);

export class PathQueryDto {
  @ApiPropertyOptional({ description: 'Wait until the projector has applied this global position (read your own write)' })
  @IsOptional() @Matches(/^\d{1,18}$/, { message: 'minPosition must be a non-negative integer' })
  minPosition?: string;
}

/** The path read: a very long timeline comes page by page, newest entries first. */
export class ClientPathQueryDto extends PathQueryDto {
  @Transform(toInt) @IntField(1, 5000, { optional: true, description: `Most timeline entries returned, the newest ones (default ${TIMELINE_PAGE})` })
  timelineLimit?: number;
  @ApiPropertyOptional({ description: 'timelinePage.nextBefore of the previous read: the entries older than those', example: '2025-03-01~1042' })
  @IsOptional() @Matches(TIMELINE_CURSOR, { message: 'timelineBefore must be a timelinePage.nextBefore returned by this path' })
  timelineBefore?: string;
}

/** Default worklist page: what a screen shows; the whole list comes page by page. */
export const WORKLIST_PAGE = 100;

export class WorklistQueryDto extends PathQueryDto {
  @Transform(toInt) @IntField(0, 3650, { optional: true, description: 'Items due within this many days from today (default 30); overdue items always show' })
  horizonDays?: number;
  @Transform(toList) @EnumArrayField(DEADLINE_KINDS, { optional: true, description: 'Comma-separated kinds' })
  kinds?: (typeof DEADLINE_KINDS)[number][];
  @Transform(toInt) @IntField(1, 1000, { optional: true, description: `Items per page (default ${WORKLIST_PAGE})` })
  limit?: number;
  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOptional() @Matches(/^[A-Za-z0-9_-]{1,2048}$/, { message: 'after must be a nextCursor returned by this worklist' })
  after?: string;
}

export class OutcomeStatsQueryDto extends PathQueryDto {
  @IdField({ optional: true }) organisationId?: string;
  @IdField({ optional: true }) providerId?: string;
  @IdField({ optional: true }) serviceType?: string;
  @DateField({ optional: true, description: 'Periods ended on or after' }) from?: string;
  @DateField({ optional: true, description: 'Periods ended on or before' }) to?: string;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
export class LedgerQueryDto extends PathQueryDto {
  @ApiPropertyOptional({ example: '2025-01' }) @IsOptional() @Matches(MONTH, { message: 'fromMonth must be YYYY-MM' }) fromMonth?: string;
  @ApiPropertyOptional({ example: '2025-12' }) @IsOptional() @Matches(MONTH, { message: 'toMonth must be YYYY-MM' }) toMonth?: string;
  @EnumField(['kela', 'municipality'], { optional: true }) payer?: 'kela' | 'municipality';
}

export class ServiceTypesQueryDto {
  @DateField({ optional: true, description: 'Rule set in force on this date (default today)' }) on?: string;
}
