import { TYP_END_REASONS } from '../../events/index.js';
import { DateField, EnumField, IdField, NestedField, TextArrayField, TextField } from '../fields/dto-fields.js';
import { OrganisationRefDto } from '../fields/organisation-ref.dto.js';

export class StartTypRelationshipDto {
  @IdField({ optional: true }) relationshipId?: string;
  @DateField({ description: 'The day the multi-sectoral assessment starts' }) startDate: string;
  @NestedField(() => OrganisationRefDto, { each: true, max: 10 }) parties: OrganisationRefDto[];
}

export class EndTypRelationshipDto {
  @DateField() endDate: string;
  @EnumField(TYP_END_REASONS) reason: (typeof TYP_END_REASONS)[number];
  @TextField({ optional: true }) note?: string;
}

export class RecordServiceNeedAssessmentDto {
  @IdField({ optional: true }) assessmentId?: string;
  @DateField() assessedOn: string;
  @TextArrayField({ min: 1, example: ['work ability', 'substance use'] }) needs: string[];
  @TextField({ optional: true }) summary?: string;
}
