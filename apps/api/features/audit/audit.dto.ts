import { DateField, IdField, PatternField } from '../shared/dto-fields.js';

const INSTANT = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/;

export class AuditQueryDto {
  @IdField({ optional: true }) clientId?: string;
  @IdField({ optional: true }) personId?: string;
  @IdField({ optional: true }) organisationId?: string;
  @PatternField(INSTANT, 'from must be an ISO date or instant', { optional: true, example: '2025-01-01' }) from?: string;
  @PatternField(INSTANT, 'to must be an ISO date or instant', { optional: true, example: '2026-01-01' }) to?: string;
}

export class ReplayQueryDto {
  @DateField({ optional: true, description: 'As it was KNOWN on this date: only events recorded by the end of it' }) asKnownOn?: string;
  @DateField({ optional: true, description: 'As it WAS on this date: events occurring by then, including later corrections' }) asOf?: string;
}

export class IntegrityQueryDto {
  @IdField({ optional: true, description: 'One client; all streams when absent' }) clientId?: string;
}
