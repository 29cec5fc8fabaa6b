import { Transform } from 'class-transformer';
import { IsOptional, Matches } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { DateField, EnumArrayField, EnumField, IdField, IntField } from '../shared/dto-fields.js';
import {
  COMPENSATION_COMPONENTS, COMPENSATION_PAYERS, DEADLINE_KINDS, type CompensationComponent, type CompensationPayer,
} from '../../../../libs/domain/index.js';

export const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value);
const toList = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value);

export class PathQueryDto {
  @ApiPropertyOptional({ description: 'Wait until the projector has applied this global position (read your own write)' })
  @IsOptional() @Matches(/^\d{1,18}$/, { message: 'minPosition must be a non-negative integer' })
  minPosition?: string;
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
  @EnumField(COMPENSATION_PAYERS, { optional: true }) payer?: CompensationPayer;
  @EnumField(COMPENSATION_COMPONENTS, { optional: true }) component?: CompensationComponent;
}

export class ServiceTypesQueryDto {
  @DateField({ optional: true, description: 'Rule set in force on this date (default today)' }) on?: string;
}
