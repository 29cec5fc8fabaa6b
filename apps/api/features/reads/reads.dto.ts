import { Transform } from 'class-transformer';
import { DateField, EnumArrayField, EnumField, IdField, IntField, PatternField } from '../shared/dto-fields.js';

const DEADLINE_KINDS = ['multisectoral_plan_due', 'plan_review_due', 'goal_review_due', 'period_max_length_nearing', 'activity_day_limit_nearing', 'referral_unanswered'] as const;
const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value);
// An empty item (`kinds=` or `a,,b`) is an error like any unknown kind, not "every kind".
const toList = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',') : value);

export class PathQueryDto {
  @PatternField(/^\d{1,18}$/, 'minPosition must be a non-negative integer',
    { optional: true, description: 'Wait until the projector has applied this global position (read your own write)' })
  minPosition?: string;
}

/** Default worklist page: what a screen shows; the whole list comes page by page. */
export const WORKLIST_PAGE = 100;

export class WorklistQueryDto extends PathQueryDto {
  @Transform(toInt) @IntField(0, 3650, { optional: true, description: 'Items due within this many days from today (default 30); overdue items always show' })
  horizonDays?: number;
  @Transform(toList) @EnumArrayField(DEADLINE_KINDS, { optional: true, description: 'Only these kinds: repeat the parameter (kinds=a&kinds=b) or separate them with commas' })
  kinds?: (typeof DEADLINE_KINDS)[number][];
  @Transform(toInt) @IntField(1, 1000, { optional: true, description: `Items per page (default ${WORKLIST_PAGE})` })
  limit?: number;
  @PatternField(/^[A-Za-z0-9_-]{1,2048}$/, 'after must be a nextCursor returned by this worklist',
    { optional: true, description: 'The nextCursor of the previous page' })
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
  @PatternField(MONTH, 'fromMonth must be YYYY-MM', { optional: true, example: '2025-01' }) fromMonth?: string;
  @PatternField(MONTH, 'toMonth must be YYYY-MM', { optional: true, example: '2025-12' }) toMonth?: string;
  @EnumField(['kela', 'municipality'], { optional: true }) payer?: 'kela' | 'municipality';
}

export class ServiceTypesQueryDto {
  @DateField({ optional: true, description: 'Rule set in force on this date (default today)' }) on?: string;
}
