import {
  DateField,
  IdField,
  PageCursorField,
  PageLimitField,
  PatternField,
} from '../../../../libs/commands/fields/dto-fields.js';

const INSTANT = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/;

/** Default page of a log: what a screen shows; older entries come page by page. */
export const LOG_PAGE = 100;

/** A page of a log, newest entries first, optionally within a time window. */
export class LogPageQueryDto {
  @PatternField(INSTANT, 'from must be an ISO date or instant', {
    optional: true,
    example: '2025-01-01',
    description: 'Entries at or after this date or instant',
  })
  from?: string;
  @PatternField(INSTANT, 'to must be an ISO date or instant', {
    optional: true,
    example: '2026-01-01',
    description: 'Entries before this date or instant',
  })
  to?: string;
  @PageLimitField(LOG_PAGE) limit?: number;
  @PageCursorField('log') after?: string;
}

export class AuditQueryDto extends LogPageQueryDto {
  @IdField({ optional: true }) clientId?: string;
  @IdField({ optional: true }) personId?: string;
  @IdField({ optional: true }) organisationId?: string;
}

export class ReplayQueryDto {
  @DateField({ optional: true, description: 'As it was KNOWN on this date: only events recorded by the end of it' })
  asKnownOn?: string;
  @DateField({
    optional: true,
    description: 'As it WAS on this date: events occurring by then, including later corrections',
  })
  asOf?: string;
}

export class IntegrityQueryDto {
  @IdField({ optional: true, description: 'One client; all streams when absent' }) clientId?: string;
}
