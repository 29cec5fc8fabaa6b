import { PERSON_ROLES, type PersonRole } from '../../events/index.js';
import { BoolField, DateField, EnumField, IdField, NestedField, TextField } from '../fields/dto-fields.js';
import { OrganisationRefDto } from '../fields/organisation-ref.dto.js';

export class NamePersonDto {
  @IdField() personId: string;
  @TextField({ max: 200 }) personName: string;
  @EnumField(PERSON_ROLES, {
    description:
      'responsible_officer (vastuuvirkailija), named_worker (omatyöntekijä), own_instructor (omaohjaaja, with periodId)',
  })
  role: PersonRole;
  @NestedField(() => OrganisationRefDto, {
    optional: true,
    description: "Defaults to the caller's organisation (an own instructor: the period's provider)",
  })
  organisation?: OrganisationRefDto;
  @IdField({ optional: true, description: 'own_instructor: the period they instruct' }) periodId?: string;
  @BoolField({ optional: true, description: "Also the client's lead responsible officer (asiakasvastaava)" })
  lead?: boolean;
  @DateField() namedOn: string;
}

export class ReleasePersonDto {
  @IdField() personId: string;
  @EnumField(PERSON_ROLES) role: PersonRole;
  @IdField({ optional: true, description: 'Defaults to the one organisation that named the person in that role' })
  organisationId?: string;
  @IdField({ optional: true }) periodId?: string;
  @DateField() releasedOn: string;
  @TextField({ optional: true }) reason?: string;
}

export class DesignateLeadOfficerDto {
  @IdField() personId: string;
  @DateField() designatedOn: string;
}
