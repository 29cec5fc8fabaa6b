import { ORGANISATION_TYPES, PROVIDER_KINDS } from '../../events/index.js';
import { EnumField, IdField, TextField } from './dto-fields.js';

export class OrganisationRefDto {
  @IdField({ example: 'te-keski-suomi' }) organisationId: string;
  @EnumField(ORGANISATION_TYPES) organisationType: (typeof ORGANISATION_TYPES)[number];
  @TextField({ optional: true, max: 200, example: 'Keski-Suomen työllisyysalue' }) name?: string;
}

export class ProviderRefDto extends OrganisationRefDto {
  @EnumField(PROVIDER_KINDS, { description: 'Legal form; kuty may not be organised by a company' })
  providerKind: (typeof PROVIDER_KINDS)[number];
}

export class PlannedServiceDto {
  @IdField({ example: 'rehabilitative_work_activity', description: 'Service type code (GET /service-types)' })
  serviceType: string;
  @TextField({ optional: true }) description?: string;
  @IdField({ optional: true }) providerId?: string;
}
