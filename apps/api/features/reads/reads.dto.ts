import { Transform } from 'class-transformer';
import {
  DateField,
  EnumArrayField,
  EnumField,
  IdField,
  IntField,
  PageCursorField,
  PageLimitField,
  PatternField,
  toQueryInt as toInt,
} from '../../../../libs/commands/fields/dto-fields.js';
import {
  COMPENSATION_COMPONENTS,
  COMPENSATION_PAYERS,
  DEADLINE_KINDS,
  type CompensationComponent,
  type CompensationPayer,
} from '../../../../libs/domain/index.js';
import { TIMELINE_CURSOR, TIMELINE_PAGE } from '../../../../libs/projections/client-path/index.js';

// An empty item (`kinds=` or `a,,b`) is an error like any unknown kind, not "every kind".
const toList = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',') : value);

export class PathQueryDto {
  @PatternField(/^\d{1,18}$/, 'minPosition must be a non-negative integer', {
    optional: true,
    description: 'Wait until the projector has applied this global position (read your own write)',
  })
  minPosition?: string;
}

/** The path read: a very long timeline comes page by page, newest entries first. */
export class ClientPathQueryDto extends PathQueryDto {
  @Transform(toInt)
  @IntField(1, 5000, {
    optional: true,
    description: `Most timeline entries returned, the newest ones (default ${TIMELINE_PAGE})`,
  })
  timelineLimit?: number;
  @PatternField(TIMELINE_CURSOR, 'timelineBefore must be a timelinePage.nextBefore returned by this path', {
    optional: true,
    example: '2025-03-01~1042',
    description: 'timelinePage.nextBefore of the previous read: the entries older than those',
  })
  timelineBefore?: string;
}

/** Default worklist page: what a screen shows; the whole list comes page by page. */
export const WORKLIST_PAGE = 100;

export class WorklistQueryDto extends PathQueryDto {
  @Transform(toInt)
  @IntField(0, 3650, {
    optional: true,
    description: 'Items due within this many days from today (default 30); overdue items always show',
  })
  horizonDays?: number;
  @Transform(toList)
  @EnumArrayField(DEADLINE_KINDS, {
    optional: true,
    description: 'Only these kinds: repeat the parameter (kinds=a&kinds=b) or separate them with commas',
  })
  kinds?: (typeof DEADLINE_KINDS)[number][];
  @PageLimitField(WORKLIST_PAGE) limit?: number;
  @PageCursorField('worklist') after?: string;
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
  @EnumField(COMPENSATION_PAYERS, { optional: true }) payer?: CompensationPayer;
  @EnumField(COMPENSATION_COMPONENTS, { optional: true }) component?: CompensationComponent;
}

export class ServiceTypesQueryDto {
  @DateField({ optional: true, description: 'Rule set in force on this date (default today)' }) on?: string;
}
