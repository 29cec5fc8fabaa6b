import { BENEFIT_TYPES, DATA_KINDS, WORK_ABILITY_TOOLS } from '../../events/index.js';
import {
  BoolField,
  DateField,
  EnumArrayField,
  EnumField,
  IdArrayField,
  IdField,
  IntField,
  NestedField,
  NumberField,
  TextField,
} from '../fields/dto-fields.js';

export class RegisterClientDto {
  @IdField({
    optional: true,
    description:
      "Client id in your organisation's namespace, `<organisationId>:<id>`; generated when absent (an agency system may bring its own)",
    example: 'te-keski-suomi:asiakas-123',
  })
  clientId?: string;
  @TextField({ max: 200, example: 'Maija Meikäläinen' }) fullName: string;
  @TextField({ optional: true, max: 11, description: 'Henkilötunnus', example: '010190-123A' })
  personalIdentityCode?: string;
  @DateField({ example: '1990-01-01' }) birthDate: string;
  @TextField({ max: 100, example: 'Jyväskylä' }) municipality: string;
}

export class ConsentScopeDto {
  @IdArrayField({ description: 'Organisations covered, by id, each once; empty = every party of the TYP relationship' })
  organisationIds: string[];
  @EnumArrayField(DATA_KINDS) dataKinds: (typeof DATA_KINDS)[number][];
}

export class GiveConsentDto {
  @IdField({ optional: true }) consentId?: string;
  @NestedField(() => ConsentScopeDto) scope: ConsentScopeDto;
  @DateField({ optional: true }) validUntil?: string;
}

export class LimitConsentDto {
  @NestedField(() => ConsentScopeDto) scope: ConsentScopeDto;
}

export class WithdrawConsentDto {
  @TextField({ optional: true, max: 500 }) reason?: string;
}

export class RecordBenefitStatusDto {
  @DateField() asOf: string;
  @EnumField(BENEFIT_TYPES) currentBenefit: (typeof BENEFIT_TYPES)[number];
  @IntField(0, 366) labourMarketSubsidyDaysLast12Months: number;
  @IntField(0, 100_000) labourMarketSubsidyDaysTotal: number;
  @BoolField() earningsRelatedMaximumUsed: boolean;
  @IntField(0, 100_000) labourMarketSubsidyDaysAfterEarningsRelatedMaximum: number;
  @IntField(0, 1200) socialAssistanceMonthsAsMainIncome: number;
}

export class RecordWorkAbilityAssessmentDto {
  @IdField({ optional: true }) assessmentId?: string;
  @EnumField(WORK_ABILITY_TOOLS) tool: (typeof WORK_ABILITY_TOOLS)[number];
  @DateField() assessedOn: string;
  @NumberField(0, 100, { optional: true }) score?: number;
  @TextField({ optional: true }) summary?: string;
}
