import { DateField, IdField, NestedField, TextField } from '../shared/dto-fields.js';
import { OrganisationRefDto } from '../shared/organisation-ref.dto.js';

export class AssignResponsibleOfficerDto {
  @IdField() officerId: string;
  @TextField({ max: 200 }) officerName: string;
  @NestedField(() => OrganisationRefDto, { optional: true, description: 'Defaults to the caller\'s organisation' })
  organisation?: OrganisationRefDto;
  @DateField() assignedOn: string;
}

export class ReleaseResponsibleOfficerDto {
  @IdField() officerId: string;
  @DateField() releasedOn: string;
  @TextField({ optional: true }) reason?: string;
}
