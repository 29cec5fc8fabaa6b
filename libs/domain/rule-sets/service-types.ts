import type { BenefitType, OrganisationType, ProviderKind } from '../../events/index.js';

export type CompensationPayer = 'kela' | 'municipality';

/**
 * A service type is data: its limits travel with the dated rule set, so a new service
 * family (e.g. disability work activity) is a new entry here, not new code.
 */
export interface ServiceTypeRules {
  code: string;
  name: string; // English
  nameFi: string;
  family: string;
  /** Organisation type that normally receives referrals for it. */
  referredTo?: OrganisationType;
  /** Planned length in months, inclusive bounds; null = no bound. */
  minMonths: number | null;
  maxMonths: number | null;
  daysPerWeek?: { min: number; max: number };
  hoursPerDay?: { min: number; max: number };
  maxHoursPerWeek?: number;
  /** At most this many attended days in any 12 months, across periods of the family. */
  maxActivityDaysIn12Months?: number;
  forbiddenProviderKinds: ProviderKind[];
  /** Only one active (or paused) period of this family at a time. */
  oneActivePeriodAtATime: boolean;
  /** A period needs an activation plan carrying the kuty items first. */
  requiresActivationPlanItems: boolean;
  /** Goals reviewed with client, responsible officer and own instructor at least this often. */
  goalReviewIntervalMonths?: number;
  compensation?: {
    euroPerAttendedDay: number;
    /** Who pays, by the benefit the client lives on; a missing benefit = no compensation. */
    payerByBenefit: Partial<Record<BenefitType, CompensationPayer>>;
  };
}

const KUTY: ServiceTypeRules = {
  code: 'rehabilitative_work_activity',
  name: 'Rehabilitative work activity',
  nameFi: 'kuntouttava työtoiminta',
  family: 'rehabilitative_work_activity',
  referredTo: 'wellbeing_county',
  minMonths: 3,
  maxMonths: 24,
  daysPerWeek: { min: 1, max: 4 },
  hoursPerDay: { min: 4, max: 8 },
  maxHoursPerWeek: 32,
  maxActivityDaysIn12Months: 178,
  forbiddenProviderKinds: ['company'],
  oneActivePeriodAtATime: true,
  requiresActivationPlanItems: true,
  goalReviewIntervalMonths: 3,
  compensation: {
    euroPerAttendedDay: 9,
    payerByBenefit: { labour_market_subsidy: 'kela', social_assistance: 'municipality' },
  },
};

const plain = (
  code: string, name: string, nameFi: string, referredTo: OrganisationType, extra: Partial<ServiceTypeRules> = {},
): ServiceTypeRules => ({
  code, name, nameFi, family: code, referredTo, minMonths: null, maxMonths: null,
  forbiddenProviderKinds: [], oneActivePeriodAtATime: false, requiresActivationPlanItems: false, ...extra,
});

export const SERVICE_TYPES_2021: ServiceTypeRules[] = [
  KUTY,
  plain('work_trial', 'Work trial', 'työkokeilu', 'employment_authority', { maxMonths: 6 }),
  plain('pay_subsidy', 'Pay-subsidised work', 'palkkatuki', 'employment_authority'),
  plain('job_coaching', 'Job coaching', 'työhönvalmennus', 'employment_authority'),
  plain('vocational_rehabilitation', 'Vocational rehabilitation (Kela)', 'ammatillinen kuntoutus', 'kela'),
  plain('social_rehabilitation', 'Social rehabilitation', 'sosiaalinen kuntoutus', 'wellbeing_county'),
  plain('health_check', 'Health check', 'terveystarkastus', 'wellbeing_county'),
  plain('mental_health_services', 'Mental-health services', 'mielenterveyspalvelut', 'wellbeing_county'),
  plain('substance_abuse_services', 'Substance-abuse services', 'päihdepalvelut', 'wellbeing_county'),
  plain('studies', 'Studies', 'opinnot', 'employment_authority'),
  // Disability work activity (Satakunta): own family, no 24-month cap, own allowance.
  plain('disability_work_activity', 'Disability work activity', 'vammaisten työtoiminta', 'wellbeing_county', {
    daysPerWeek: { min: 1, max: 5 },
    hoursPerDay: { min: 1, max: 6 },
    compensation: {
      euroPerAttendedDay: 5.5,
      payerByBenefit: { none: 'municipality', social_assistance: 'municipality', labour_market_subsidy: 'municipality', earnings_related: 'municipality' },
    },
  }),
  plain('supported_open_work', 'Supported work in the open labour market', 'tuettu avotyö', 'wellbeing_county', {
    compensation: {
      euroPerAttendedDay: 12,
      payerByBenefit: { none: 'municipality', social_assistance: 'municipality', labour_market_subsidy: 'municipality', earnings_related: 'municipality' },
    },
  }),
];
