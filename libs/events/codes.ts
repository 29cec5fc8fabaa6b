/** Code lists shared by events and rules. Values are stable wire codes: never rename. */

/** End reasons of a service period (Pori statistics, DOMAIN.md). */
export const PERIOD_END_REASONS = [
  'transfer_to_other_service', // siirtyminen muuhun työllistymistä edistävään palveluun
  'maximum_time_reached', // enimmäisaika täyttyi
  'agreed_break', // sovittu tauko
  'employment', // työllistyminen
  'lack_of_commitment', // sitoutumattomuus
  'employment_with_pay_subsidy', // palkkatukityö
  'referral_to_health_or_rehabilitation', // ohjaus terveys- tai kuntoutuspalveluihin
  'studies', // opinnot
  'planned_end', // suunniteltu päättyminen
  'other',
] as const;
export type PeriodEndReason = (typeof PERIOD_END_REASONS)[number];

/** Typical continuations after a period (jatkopolku). */
export const CONTINUATIONS = [
  'new_kuty_period',
  'studies',
  'vocational_rehabilitation',
  'work_trial',
  'pay_subsidised_work',
  'open_labour_market',
  'health_or_rehabilitation_services',
  'pension',
  'none',
  'other',
] as const;
export type Continuation = (typeof CONTINUATIONS)[number];

/** Legal form of a service provider; kuty may not be organised by a company. */
export const PROVIDER_KINDS = [
  'municipality',
  'public_body',
  'association',
  'foundation',
  'religious_community',
  'company',
] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export const TYP_END_REASONS = [
  'employment',
  'studies',
  'other_service_more_suitable',
  'no_longer_needs_multisectoral_service',
  'pension',
  'moved_away',
  'client_request',
  'other',
] as const;
export type TypEndReason = (typeof TYP_END_REASONS)[number];

export const REFERRAL_DECLINE_REASONS = ['not_eligible', 'no_capacity', 'client_declined', 'other'] as const;

/** Main income / benefit the client lives on: decides who pays kuty compensation. */
export const BENEFIT_TYPES = [
  'labour_market_subsidy', // työmarkkinatuki (Kela)
  'basic_unemployment_allowance', // peruspäiväraha (Kela)
  'earnings_related', // ansiosidonnainen päiväraha (unemployment fund)
  'social_assistance', // toimeentulotuki (because of unemployment)
  'none',
] as const;
export type BenefitType = (typeof BENEFIT_TYPES)[number];

export const DATA_KINDS = [
  'identity',
  'plans',
  'referrals',
  'service_periods',
  'assessments',
  'benefits',
  'attendance',
] as const;
export type DataKind = (typeof DATA_KINDS)[number];

export const WORK_ABILITY_TOOLS = ['kykyviisari', 'vat'] as const;
export type WorkAbilityTool = (typeof WORK_ABILITY_TOOLS)[number];

/** Roles in which an organisation names its people on a client. */
export const PERSON_ROLES = [
  'responsible_officer', // vastuuvirkailija / asiakasvastaava (employment area, TYP)
  'named_worker', // omatyöntekijä (Social Welfare Act 1301/2014 §42)
  'own_instructor', // omaohjaaja: the provider's instructor of one period
] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** Why an expected activity day was missed. */
export const ABSENCE_REASONS = ['illness', 'agreed_leave', 'unexplained'] as const;
export type AbsenceReason = (typeof ABSENCE_REASONS)[number];
