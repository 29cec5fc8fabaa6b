import { PROVIDER_KINDS } from '../../events/index.js';
import {
  BoolField,
  DateField,
  EnumField,
  IdField,
  IntField,
  NestedField,
  NumberField,
  TextField,
} from '../fields/dto-fields.js';
import { OrganisationRefDto, PlannedServiceDto } from '../fields/organisation-ref.dto.js';

export class AgreeEmploymentPlanDto {
  @IdField({ optional: true }) planId?: string;
  @DateField() agreedOn: string;
  @NestedField(() => PlannedServiceDto, { each: true }) services: PlannedServiceDto[];
  @TextField({ description: "The client's job-search obligation" }) jobSearchObligation: string;
}

/** The kuty items law 189/2001 requires in the plan (activation or multi-sectoral) before a period may start. */
export class KutyPlanItemsDto {
  @TextField() goal: string;
  @TextField() description: string;
  @TextField({ max: 300 }) place: string;
  @IdField() providerId: string;
  @EnumField(PROVIDER_KINDS) providerKind: (typeof PROVIDER_KINDS)[number];
  @NumberField(0, 24) hoursPerDay: number;
  @IntField(0, 7) daysPerWeek: number;
  @DateField() startDate: string;
  @IntField(0, 120) lengthMonths: number;
  @TextField() supportAndGuidance: string;
  @TextField() otherServices: string;
  @DateField({ description: 'Date by which the effect is assessed and the plan renewed' }) assessmentDate: string;
}

export class AgreeActivationPlanDto {
  @IdField({ optional: true }) planId?: string;
  @DateField() agreedOn: string;
  @IdField() employmentPlanId: string;
  @NestedField(() => PlannedServiceDto, { each: true }) services: PlannedServiceDto[];
  @NestedField(() => KutyPlanItemsDto, { optional: true }) kuty?: KutyPlanItemsDto;
}

export class AgreeMultisectoralPlanDto {
  @IdField({ optional: true }) planId?: string;
  @DateField() agreedOn: string;
  @NestedField(() => PlannedServiceDto, { each: true }) services: PlannedServiceDto[];
  @TextField({ description: 'How follow-up works' }) followUp: string;
  @TextField() jobSearchObligation: string;
  @BoolField() kelaRehabilitationNeeded: boolean;
  @NestedField(() => OrganisationRefDto, { each: true, max: 10 }) approvedByOrganisations: OrganisationRefDto[];
  @BoolField() approvedByClient: boolean;
  @NestedField(() => KutyPlanItemsDto, {
    optional: true,
    description: 'Kuty on the multi-sectoral plan instead of an activation plan',
  })
  kuty?: KutyPlanItemsDto;
}

export class ReviewPlanDto {
  @DateField() reviewedOn: string;
  @BoolField() requestedByClient: boolean;
  @TextField() outcome: string;
  @NestedField(() => KutyPlanItemsDto, {
    optional: true,
    description: 'The kuty items as amended at this review (the whole set)',
  })
  kuty?: KutyPlanItemsDto;
}
