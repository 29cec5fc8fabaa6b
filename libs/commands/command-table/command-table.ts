import type { ClientCommand } from '../../domain/index.js';
import {
  GiveConsentDto,
  LimitConsentDto,
  RecordBenefitStatusDto,
  RecordWorkAbilityAssessmentDto,
  RegisterClientDto,
  WithdrawConsentDto,
} from '../clients/clients.dto.js';
import { DesignateLeadOfficerDto, NamePersonDto, ReleasePersonDto } from '../people/people.dto.js';
import {
  ChangeServicePeriodDto,
  EndServicePeriodDto,
  HoldGoalReviewDto,
  PauseServicePeriodDto,
  ReportAbsenceDto,
  ReportAttendanceDto,
  ResumeServicePeriodDto,
  StartServicePeriodDto,
} from '../periods/periods.dto.js';
import {
  AgreeActivationPlanDto,
  AgreeEmploymentPlanDto,
  AgreeMultisectoralPlanDto,
  ReviewPlanDto,
} from '../plans/plans.dto.js';
import {
  AcceptReferralDto,
  DeclineReferralDto,
  MakeReferralDto,
  WithdrawReferralDto,
} from '../referrals/referrals.dto.js';
import { IdField } from '../fields/dto-fields.js';
import { EndTypRelationshipDto, RecordServiceNeedAssessmentDto, StartTypRelationshipDto } from '../typ/typ.dto.js';

// biome-ignore lint/suspicious/noExplicitAny: a validated DTO is read field by field by the command it feeds
type DtoClass = new () => any;

/**
 * Command type → the HTTP API's own body DTO. Over HTTP some ids come from the path
 * (`/referrals/:referralId/accept`); in a Kafka message they are fields of `data`, checked
 * with the same IdField rule. The Record type makes a new command without an entry a
 * compile error.
 */
// Erasure is an administrator's act over HTTP, never an agency system's message.
const SPECS: Record<Exclude<ClientCommand['type'], 'EraseClientData'>, { dto: DtoClass; pathIds?: string[] }> = {
  RegisterClient: { dto: RegisterClientDto },
  GiveConsent: { dto: GiveConsentDto },
  LimitConsent: { dto: LimitConsentDto, pathIds: ['consentId'] },
  WithdrawConsent: { dto: WithdrawConsentDto, pathIds: ['consentId'] },
  RecordBenefitStatus: { dto: RecordBenefitStatusDto },
  RecordWorkAbilityAssessment: { dto: RecordWorkAbilityAssessmentDto },
  StartTypRelationship: { dto: StartTypRelationshipDto },
  EndTypRelationship: { dto: EndTypRelationshipDto },
  RecordServiceNeedAssessment: { dto: RecordServiceNeedAssessmentDto },
  AgreeEmploymentPlan: { dto: AgreeEmploymentPlanDto },
  AgreeActivationPlan: { dto: AgreeActivationPlanDto },
  AgreeMultisectoralPlan: { dto: AgreeMultisectoralPlanDto },
  ReviewPlan: { dto: ReviewPlanDto, pathIds: ['planId'] },
  MakeReferral: { dto: MakeReferralDto },
  AcceptReferral: { dto: AcceptReferralDto, pathIds: ['referralId'] },
  DeclineReferral: { dto: DeclineReferralDto, pathIds: ['referralId'] },
  WithdrawReferral: { dto: WithdrawReferralDto, pathIds: ['referralId'] },
  StartServicePeriod: { dto: StartServicePeriodDto },
  PauseServicePeriod: { dto: PauseServicePeriodDto, pathIds: ['periodId'] },
  ResumeServicePeriod: { dto: ResumeServicePeriodDto, pathIds: ['periodId'] },
  EndServicePeriod: { dto: EndServicePeriodDto, pathIds: ['periodId'] },
  ChangeServicePeriod: { dto: ChangeServicePeriodDto, pathIds: ['periodId'] },
  ReportAttendance: { dto: ReportAttendanceDto, pathIds: ['periodId'] },
  ReportAbsence: { dto: ReportAbsenceDto, pathIds: ['periodId'] },
  HoldGoalReview: { dto: HoldGoalReviewDto, pathIds: ['periodId'] },
  NamePerson: { dto: NamePersonDto },
  ReleasePerson: { dto: ReleasePersonDto },
  DesignateLeadOfficer: { dto: DesignateLeadOfficerDto },
};

/** The DTO plus its path ids as required IdFields (built once per command type). */
function withPathIds(dto: DtoClass, ids: string[] | undefined): DtoClass {
  if (!ids?.length) return dto;
  const named = { [dto.name]: class extends dto {} }; // keeps the DTO's name in messages
  const cls = named[dto.name];
  for (const id of ids) IdField()(cls.prototype, id);
  return cls;
}

export type CommandType = ClientCommand['type'];

/** One table: command type → the class-validator DTO its `data` must satisfy. */
export const COMMAND_DTOS: Readonly<Record<CommandType, DtoClass>> = Object.fromEntries(
  Object.entries(SPECS).map(([type, spec]) => [type, withPathIds(spec.dto, spec.pathIds)]),
) as Record<CommandType, DtoClass>;

export const COMMAND_TYPES = Object.keys(SPECS) as CommandType[];

export const isCommandType = (type: unknown): type is CommandType =>
  typeof type === 'string' && Object.hasOwn(SPECS, type);
