import type { PersonRole } from '../../events/index.js';
import type { IsoDate } from '../time/index.js';
import {
  DISABILITY_WORK_ACTIVITY,
  KUTY_2021,
  OTHER_SERVICE_TYPES,
  SUPPORTED_OPEN_WORK,
  amendServiceType,
  withServiceType,
  type ServiceTypeRules,
} from './service-types.js';

/**
 * Where a number comes from. `checkedAgainstEnactedText: false` says that the enacted text
 * could not be read here (the brief, a bill or a seed is the source): check it before relying
 * on the number.
 */
export interface RuleSource {
  source: string;
  checkedAgainstEnactedText: boolean;
  note?: string;
}

/** Activation-plan eligibility (law 189/2001 §2) by age band; a null threshold opens no plan. */
export interface ActivationEligibilityRules {
  ageBandLimit: number; // under this age = the young band
  young: {
    subsidyDaysLast12Months: number | null;
    earningsRelatedMaximumOpens: boolean;
    socialAssistanceMonths: number;
  };
  adult: {
    subsidyDaysTotal: number | null;
    subsidyDaysAfterEarningsRelatedMaximum: number | null;
    socialAssistanceMonths: number;
  };
}

/**
 * Rule parameters in force from a date. A decision uses the set in force on the business
 * date it concerns, so histories recorded under an older law still replay correctly.
 */
export interface RuleSet {
  id: string;
  validFrom: IsoDate;
  /** What changed on validFrom, in a line. */
  change: string;
  /** Source of each parameter (by name) as of this set. */
  sources: Record<string, RuleSource>;
  /** Multi-sectoral plan due this many months after TYP start (law 381/2023). */
  multisectoralPlanDueMonths: number;
  /** Plan reviewed at least this often (6 under law 1369/2014, 3 from 2025). */
  planReviewIntervalMonths: number;
  /** Open referral should be answered within this many days (worklist). */
  referralAnswerDays: number;
  /** Worklist warns this many days before a period's maximum length. */
  periodMaxLengthWarningDays: number;
  /** Worklist warns at this many attended days in 12 months. */
  activityDayWarningThreshold: number;
  /** A period may start this many days before or after the start its plan names. */
  periodStartToleranceDays: number;
  /** TYP register data is deleted this many years after the relationship ends (unless still needed). */
  typRetentionYears: number;
  /** Clients who never had a TYP relationship: kept this long after their last event. */
  otherRecordsRetentionYears: number;
  /** Caseload above which a person is over capacity, per role. */
  caseloadCapacity: Record<PersonRole, number>;
  activationEligibility: ActivationEligibilityRules;
  /**
   * When activation plans narrowed (HE 109/2025), what becomes of plans agreed before this set:
   * `next_renewal` (default) — a valid basis for kuty until their next renewal (the plan's
   * assessment date, or its next review); `cut_over` — valid only until the day before the set.
   */
  activationPlanTransition?: { earlierPlansValidUntil: 'next_renewal' | 'cut_over' };
  serviceTypes: ServiceTypeRules[];
}

const UNCHECKED = (source: string, note?: string): RuleSource => ({
  source,
  checkedAgainstEnactedText: false,
  ...(note ? { note } : {}),
});

/** The earliest set Polku knows: TYP law 1369/2014 and kuty before the 4-day limit. */
const TYP_1369_2014: RuleSet = {
  id: 'typ-1369-2014',
  validFrom: '2015-01-01',
  change: 'TYP law 1369/2014 in force; kuty 1–5 days a week',
  sources: {
    multisectoralPlanDueMonths: UNCHECKED('Law 1369/2014 (TYP), as summarised in DOMAIN.md'),
    planReviewIntervalMonths: UNCHECKED('Law 1369/2014: review at least every 6 months (DOMAIN.md)'),
    referralAnswerDays: UNCHECKED('Product setting (no statute): worklist reminder'),
    periodMaxLengthWarningDays: UNCHECKED('Product setting (no statute): worklist reminder'),
    activityDayWarningThreshold: UNCHECKED('Product setting (no statute): worklist reminder'),
    periodStartToleranceDays: UNCHECKED(
      'Product setting (issue 10): a period may start within 14 days of the planned start',
    ),
    typRetentionYears: UNCHECKED('TYP register: deleted 4 years after the relationship ends (DOMAIN.md)'),
    otherRecordsRetentionYears: UNCHECKED(
      "Default only: the organisation's retention schedule decides (DOMAIN.md: 10 years as the default)",
    ),
    caseloadCapacity: UNCHECKED(
      "Seeds: a TYP officer ~27 clients, a kuty instructor 80 realistic (Pori); named worker: no figure, the TYP officer's used",
    ),
    activationEligibility: UNCHECKED('Law 189/2001 §2 as amended by 702/2020 (DOMAIN.md)'),
    'kuty.daysPerWeek': UNCHECKED('Law 189/2001: 1–5 days a week before 1.7.2015 (DOMAIN.md)'),
    'kuty.planBasis': UNCHECKED(
      'Law 189/2001 §6, §9: the activation plan or the multi-sectoral plan (seeds: Central Finland, Turku)',
    ),
    'kuty.compensation': UNCHECKED(
      '9 €/day; Kela on labour market subsidy or basic allowance, the unemployment fund on earnings-related allowance, the municipality on social assistance (DOMAIN.md)',
    ),
  },
  multisectoralPlanDueMonths: 3,
  planReviewIntervalMonths: 6,
  referralAnswerDays: 14,
  periodMaxLengthWarningDays: 30,
  activityDayWarningThreshold: 160,
  periodStartToleranceDays: 14,
  typRetentionYears: 4,
  otherRecordsRetentionYears: 10,
  caseloadCapacity: { responsible_officer: 27, named_worker: 27, own_instructor: 80 },
  activationEligibility: {
    ageBandLimit: 25,
    young: { subsidyDaysLast12Months: 180, earningsRelatedMaximumOpens: true, socialAssistanceMonths: 4 },
    adult: { subsidyDaysTotal: 500, subsidyDaysAfterEarningsRelatedMaximum: 180, socialAssistanceMonths: 12 },
  },
  serviceTypes: [
    amendServiceType(KUTY_2021, {
      daysPerWeek: { min: 1, max: 5 },
      maxHoursPerWeek: undefined,
      planBasis: { planKinds: ['activation', 'multisectoral'], itemsRequired: false },
    }),
    ...OTHER_SERVICE_TYPES,
    DISABILITY_WORK_ACTIVITY,
    SUPPORTED_OPEN_WORK,
  ],
};

/** A later set: the earlier one with some parameters changed and their sources. */
function amend(
  base: RuleSet,
  change: Omit<Partial<RuleSet>, 'sources'> &
    Pick<RuleSet, 'id' | 'validFrom' | 'change'> & { sources: Record<string, RuleSource> },
): RuleSet {
  return { ...base, ...change, sources: { ...base.sources, ...change.sources } };
}

const kutyOf = (set: RuleSet): ServiceTypeRules => set.serviceTypes.find((t) => t.code === KUTY_2021.code)!;
const withKuty = (set: RuleSet, change: Partial<ServiceTypeRules>): ServiceTypeRules[] =>
  withServiceType(set.serviceTypes, amendServiceType(kutyOf(set), change));

const KUTY_4_DAYS_2015 = amend(TYP_1369_2014, {
  id: 'kuty-4-days-2015',
  validFrom: '2015-07-01',
  change: 'Kuty at most 4 days (32 hours) a week',
  sources: { 'kuty.daysPerWeek': UNCHECKED('Law 189/2001 as amended, in force 1.7.2015: 1–4 days a week (DOMAIN.md)') },
  serviceTypes: withKuty(TYP_1369_2014, { daysPerWeek: { min: 1, max: 4 }, maxHoursPerWeek: 32 }),
});

const KUTY_702_2020 = amend(KUTY_4_DAYS_2015, {
  id: 'kuty-702-2020',
  validFrom: '2021-01-01',
  change: 'Law 702/2020: the kuty items of the plan become mandatory before a period starts',
  sources: {
    'kuty.planBasis': UNCHECKED(
      'Law 702/2020 amending 189/2001 (in force 1.1.2021): items mandatory; activation or multi-sectoral plan (DOMAIN.md)',
    ),
  },
  serviceTypes: withKuty(KUTY_4_DAYS_2015, {
    planBasis: { planKinds: ['activation', 'multisectoral'], itemsRequired: true },
  }),
});

const KUTY_TO_COUNTIES_2023 = amend(KUTY_702_2020, {
  id: 'wellbeing-counties-2023',
  validFrom: '2023-01-01',
  change: 'Kuty and the activity allowance move to the wellbeing services counties',
  sources: {
    'kuty.compensation': UNCHECKED(
      'Act 1025/2022 §18: the wellbeing services county pays the activity allowance on social assistance (DOMAIN.md)',
    ),
  },
  serviceTypes: withKuty(KUTY_702_2020, {
    compensation: {
      ...kutyOf(KUTY_702_2020).compensation!,
      payerByBenefit: {
        ...kutyOf(KUTY_702_2020).compensation!.payerByBenefit,
        social_assistance: 'wellbeing_county',
      },
    },
  }),
});

const TYP_381_2023 = amend(KUTY_TO_COUNTIES_2023, {
  id: 'typ-381-2023',
  validFrom: '2025-01-01',
  change: 'TYP law 381/2023 replaces 1369/2014: plan reviewed at least every 3 months',
  sources: { planReviewIntervalMonths: UNCHECKED('Law 381/2023: review at least every 3 months (DOMAIN.md)') },
  planReviewIntervalMonths: 3,
});

/**
 * Government bill HE 109/2025 (committee report StVM 27/2025 recommended it). The enacted
 * text was not available here: the date, the narrowed criteria and the transition are
 * settings to check against the act as published.
 */
export const HE_109_2025_VALID_FROM: IsoDate = '2026-01-01';

const ACTIVATION_HE_109_2025 = amend(TYP_381_2023, {
  id: 'activation-he-109-2025',
  validFrom: HE_109_2025_VALID_FROM,
  change: 'Activation plans only for clients whose main income is social assistance because of unemployment',
  sources: {
    validFrom: UNCHECKED(
      'HE 109/2025: expected in force 1.1.2026',
      'the enacted text was not available: check the date',
    ),
    activationEligibility: UNCHECKED(
      'HE 109/2025: the labour-market-subsidy criteria no longer open an activation plan; social assistance as main income does (months kept from 702/2020)',
      'check against the enacted text',
    ),
    activationPlanTransition: UNCHECKED(
      'HE 109/2025 transition: earlier activation plans valid until renewed (assumed)',
      'check against the enacted text',
    ),
  },
  activationEligibility: {
    ageBandLimit: 25,
    young: { subsidyDaysLast12Months: null, earningsRelatedMaximumOpens: false, socialAssistanceMonths: 4 },
    adult: { subsidyDaysTotal: null, subsidyDaysAfterEarningsRelatedMaximum: null, socialAssistanceMonths: 12 },
  },
  activationPlanTransition: { earlierPlansValidUntil: 'next_renewal' },
});

export const RULE_SETS: RuleSet[] = [
  TYP_1369_2014,
  KUTY_4_DAYS_2015,
  KUTY_702_2020,
  KUTY_TO_COUNTIES_2023,
  TYP_381_2023,
  ACTIVATION_HE_109_2025,
];

/** The rule set in force on a business date (the latest one whose validFrom <= date). */
export function ruleSetOn(date: IsoDate, sets: RuleSet[] = RULE_SETS): RuleSet {
  let found: RuleSet | undefined;
  for (const set of sets) if (set.validFrom <= date && (!found || set.validFrom > found.validFrom)) found = set;
  return found ?? [...sets].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1))[0];
}

export const ruleSetById = (id: string, sets: RuleSet[] = RULE_SETS): RuleSet | undefined =>
  sets.find((s) => s.id === id);

export function serviceTypeRules(ruleSet: RuleSet, code: string): ServiceTypeRules | undefined {
  return ruleSet.serviceTypes.find((t) => t.code === code);
}
