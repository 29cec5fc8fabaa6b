import type { IsoDate } from '../time/index.js';
import { SERVICE_TYPES_2021, type ServiceTypeRules } from './service-types.js';

/**
 * Rule parameters in force from a date. A decision uses the set in force on the business
 * date it concerns, so histories recorded under an older law still replay correctly.
 */
export interface RuleSet {
  id: string;
  validFrom: IsoDate;
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
  /** TYP register data is deleted this many years after the relationship ends (unless still needed). */
  typRetentionYears: number;
  /** Activation-plan eligibility (law 189/2001 §2), by age band. */
  activationEligibility: {
    ageBandLimit: number; // under this age = the young band
    young: { subsidyDaysLast12Months: number; socialAssistanceMonths: number };
    adult: { subsidyDaysTotal: number; subsidyDaysAfterEarningsRelatedMaximum: number; socialAssistanceMonths: number };
  };
  serviceTypes: ServiceTypeRules[];
}

const ELIGIBILITY = {
  ageBandLimit: 25,
  young: { subsidyDaysLast12Months: 180, socialAssistanceMonths: 4 },
  adult: { subsidyDaysTotal: 500, subsidyDaysAfterEarningsRelatedMaximum: 180, socialAssistanceMonths: 12 },
};

export const RULE_SETS: RuleSet[] = [
  {
    id: 'typ-1369-2014',
    validFrom: '2015-01-01',
    multisectoralPlanDueMonths: 3,
    planReviewIntervalMonths: 6,
    referralAnswerDays: 14,
    periodMaxLengthWarningDays: 30,
    activityDayWarningThreshold: 160,
    typRetentionYears: 4,
    activationEligibility: ELIGIBILITY,
    serviceTypes: SERVICE_TYPES_2021,
  },
  {
    id: 'typ-381-2023',
    validFrom: '2025-01-01',
    multisectoralPlanDueMonths: 3,
    planReviewIntervalMonths: 3,
    referralAnswerDays: 14,
    periodMaxLengthWarningDays: 30,
    activityDayWarningThreshold: 160,
    typRetentionYears: 4,
    activationEligibility: ELIGIBILITY,
    serviceTypes: SERVICE_TYPES_2021,
  },
];

/** The rule set in force on a business date (the latest one whose validFrom <= date). */
export function ruleSetOn(date: IsoDate, sets: RuleSet[] = RULE_SETS): RuleSet {
  let found: RuleSet | undefined;
  for (const set of sets) if (set.validFrom <= date && (!found || set.validFrom > found.validFrom)) found = set;
  return found ?? [...sets].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1))[0];
}

export function serviceTypeRules(ruleSet: RuleSet, code: string): ServiceTypeRules | undefined {
  return ruleSet.serviceTypes.find((t) => t.code === code);
}
