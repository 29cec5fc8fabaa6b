import { DateField, IdField, NestedField, TextField } from '../fields/dto-fields.js';
import { OrganisationRefDto } from '../fields/organisation-ref.dto.js';

export class MakeReferralDto {
  @IdField({ optional: true }) referralId?: string;
  @IdField({ example: 'rehabilitative_work_activity' }) serviceType: string;
  @NestedField(() => OrganisationRefDto) to: OrganisationRefDto;
  @TextField() reason: string;
  @DateField() madeOn: string;
}

export class AcceptReferralDto {
  @DateField() acceptedOn: string;
}

export class DeclineReferralDto {
  @DateField() declinedOn: string;
  @TextField() reason: string;
}

export class WithdrawReferralDto {
  @DateField() withdrawnOn: string;
  @TextField() reason: string;
}
