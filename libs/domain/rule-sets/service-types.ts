import type { BenefitType, OrganisationType, PlanKind, ProviderKind } from '../../events/index.js';

/**
 * Who pays a compensation component: Kela (expense compensation, kulukorvaus), the
 * unemployment fund, the wellbeing services county (activity allowance, toimintaraha, Act
 * 1025/2022 §18) or, before 2023 and for municipal extras, the municipality.
 */
export type CompensationPayer = 'kela' | 'unemployment_fund' | 'wellbeing_county' | 'municipality';
export const COMPENSATION_PAYERS: readonly CompensationPayer[] = [
  'kela',
  'unemployment_fund',
  'wellbeing_county',
  'municipality',
];

/**
 * Parts of what is paid for an attended day: the daily compensation, travel at the cheapest
 * fare, meals or meal money where the county or municipality gives them; disability work
 * activity pays a work allowance and charges the meal fee back (a negative amount).
 */
export const COMPENSATION_COMPONENTS = ['daily_compensation', 'travel', 'meal', 'work_allowance', 'meal_fee'] as const;
export type CompensationComponent = (typeof COMPENSATION_COMPONENTS)[number];

export interface CompensationRules {
  /** Daily compensation (or work allowance) per attended day. */
  component: 'daily_compensation' | 'work_allowance';
  euroPerAttendedDay: number;
  /** Who pays, by the benefit the client lives on that day; a missing benefit = no payer. */
  payerByBenefit: Partial<Record<BenefitType, CompensationPayer>>;
  /** Travel at the cheapest fare (recorded on the period) is paid by the same payer. */
  travelPaidWithCompensation: boolean;
  /**
   * What the organising county or municipality sets, by its organisation id (`*`: any other):
   * its own daily rate, a meal (or meal money) per day, a meal fee charged back, weeks of
   * summer leave paid like attended days (agreed-leave absences).
   */
  perCounty?: Record<string, CountyCompensation>;
}

export interface CountyCompensation {
  euroPerAttendedDay?: number;
  meal?: { euroPerDay: number; payer: CompensationPayer };
  mealFeeEuroPerDay?: number;
  paidSummerLeaveWeeks?: number;
}

/** What plan a period must rest on, and whether the plan must carry the period's items. */
export interface PlanBasisRules {
  planKinds: PlanKind[];
  /** The 702/2020 items (goal, place, days, hours, start, length, support, assessment date). */
  itemsRequired: boolean;
}

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
  /** The period rests on a plan of these kinds (kuty: activation or multi-sectoral plan). */
  planBasis?: PlanBasisRules;
  /** Goals reviewed with client, responsible officer and own instructor at least this often. */
  goalReviewIntervalMonths?: number;
  compensation?: CompensationRules;
}

const plain = (
  code: string,
  name: string,
  nameFi: string,
  referredTo: OrganisationType,
  extra: Partial<ServiceTypeRules> = {},
): ServiceTypeRules => ({
  code,
  name,
  nameFi,
  family: code,
  referredTo,
  minMonths: null,
  maxMonths: null,
  forbiddenProviderKinds: [],
  oneActivePeriodAtATime: false,
  ...extra,
});

/** Kuty (law 189/2001) in its form from 1.1.2021 (702/2020) to 31.12.2022. */
export const KUTY_2021: ServiceTypeRules = {
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
  planBasis: { planKinds: ['activation', 'multisectoral'], itemsRequired: true },
  goalReviewIntervalMonths: 3,
  compensation: {
    component: 'daily_compensation',
    euroPerAttendedDay: 9,
    payerByBenefit: {
      labour_market_subsidy: 'kela',
      basic_unemployment_allowance: 'kela',
      earnings_related: 'unemployment_fund',
      social_assistance: 'municipality',
    },
    travelPaidWithCompensation: true,
  },
};

/** Disability services pay their own allowance whatever benefit the client lives on. */
const COUNTY_ON_ANY_BENEFIT: CompensationRules['payerByBenefit'] = {
  none: 'wellbeing_county',
  social_assistance: 'wellbeing_county',
  labour_market_subsidy: 'wellbeing_county',
  basic_unemployment_allowance: 'wellbeing_county',
  earnings_related: 'wellbeing_county',
};

/**
 * Disability work activity (Satakunta seed, 2021): own family, no 24-month cap, a work
 * allowance (työosuusraha) with the meal fee charged back — Pori 5.37 € and 5.37 €, Rauma
 * 5.60 €; the organiser's rate applies (`satasote`: the Satakunta wellbeing county).
 */
export const DISABILITY_WORK_ACTIVITY: ServiceTypeRules = plain(
  'disability_work_activity',
  'Disability work activity',
  'vammaisten työtoiminta',
  'wellbeing_county',
  {
    daysPerWeek: { min: 1, max: 5 },
    hoursPerDay: { min: 1, max: 6 },
    compensation: {
      component: 'work_allowance',
      euroPerAttendedDay: 5.5,
      payerByBenefit: COUNTY_ON_ANY_BENEFIT,
      travelPaidWithCompensation: false,
      perCounty: { satasote: { euroPerAttendedDay: 5.37, mealFeeEuroPerDay: 5.37 } },
    },
  },
);

/** Supported open work (Satakunta seed): 12 €/day, paid for four weeks of summer leave too. */
export const SUPPORTED_OPEN_WORK: ServiceTypeRules = plain(
  'supported_open_work',
  'Supported work in the open labour market',
  'tuettu avotyö',
  'wellbeing_county',
  {
    compensation: {
      component: 'work_allowance',
      euroPerAttendedDay: 12,
      payerByBenefit: COUNTY_ON_ANY_BENEFIT,
      travelPaidWithCompensation: false,
      perCounty: { satasote: { paidSummerLeaveWeeks: 4 } },
    },
  },
);

export const OTHER_SERVICE_TYPES: ServiceTypeRules[] = [
  plain('work_trial', 'Work trial', 'työkokeilu', 'employment_authority', { maxMonths: 6 }),
  plain('pay_subsidy', 'Pay-subsidised work', 'palkkatuki', 'employment_authority'),
  plain('job_coaching', 'Job coaching', 'työhönvalmennus', 'employment_authority'),
  plain('vocational_rehabilitation', 'Vocational rehabilitation (Kela)', 'ammatillinen kuntoutus', 'kela'),
  plain('social_rehabilitation', 'Social rehabilitation', 'sosiaalinen kuntoutus', 'wellbeing_county'),
  plain('health_check', 'Health check', 'terveystarkastus', 'wellbeing_county'),
  plain('mental_health_services', 'Mental-health services', 'mielenterveyspalvelut', 'wellbeing_county'),
  plain('substance_abuse_services', 'Substance-abuse services', 'päihdepalvelut', 'wellbeing_county'),
  plain('studies', 'Studies', 'opinnot', 'employment_authority'),
];

/** A service type with some limits changed (a later law amends an earlier form). */
export const amendServiceType = (t: ServiceTypeRules, change: Partial<ServiceTypeRules>): ServiceTypeRules => ({
  ...t,
  ...change,
});

/** The service-type list with one entry replaced by code. */
export const withServiceType = (types: ServiceTypeRules[], t: ServiceTypeRules): ServiceTypeRules[] =>
  types.map((x) => (x.code === t.code ? t : x));
