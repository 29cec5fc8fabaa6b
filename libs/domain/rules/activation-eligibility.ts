import type { ActivationEligibilityRules } from '../rule-sets/index.js';
import type { BenefitStatus } from '../client-path/index.js';
import { ageOn, type IsoDate } from '../time/index.js';

export type EligibilityCriterion =
  | 'young_subsidy_days_last_12_months'
  | 'young_earnings_related_maximum_used'
  | 'young_social_assistance_months'
  | 'adult_subsidy_days_total'
  | 'adult_subsidy_days_after_earnings_related_maximum'
  | 'adult_social_assistance_months';

export interface EligibilityResult {
  eligible: boolean;
  ageBand: 'under_25' | '25_or_over';
  /** The criteria that hold; empty when not eligible. */
  metCriteria: EligibilityCriterion[];
}

/**
 * Who gets an activation plan (law 189/2001 §2 as amended by 702/2020; from 2026 HE 109/2025
 * leaves only social assistance as main income): someone with an employment plan who meets
 * any one criterion of their age band in the rule set in force.
 */
export function activationPlanEligibility(
  birthDate: IsoDate,
  on: IsoDate,
  benefit: BenefitStatus,
  rules: ActivationEligibilityRules,
): EligibilityResult {
  const young = ageOn(birthDate, on) < rules.ageBandLimit;
  const met: EligibilityCriterion[] = [];
  // A null threshold is a criterion the law in force no longer has (HE 109/2025).
  const atLeast = (value: number, threshold: number | null) => threshold !== null && value >= threshold;
  if (young) {
    if (atLeast(benefit.labourMarketSubsidyDaysLast12Months, rules.young.subsidyDaysLast12Months))
      met.push('young_subsidy_days_last_12_months');
    if (rules.young.earningsRelatedMaximumOpens && benefit.earningsRelatedMaximumUsed)
      met.push('young_earnings_related_maximum_used');
    if (benefit.socialAssistanceMonthsAsMainIncome >= rules.young.socialAssistanceMonths)
      met.push('young_social_assistance_months');
  } else {
    if (atLeast(benefit.labourMarketSubsidyDaysTotal, rules.adult.subsidyDaysTotal))
      met.push('adult_subsidy_days_total');
    if (
      benefit.earningsRelatedMaximumUsed &&
      atLeast(
        benefit.labourMarketSubsidyDaysAfterEarningsRelatedMaximum,
        rules.adult.subsidyDaysAfterEarningsRelatedMaximum,
      )
    ) {
      met.push('adult_subsidy_days_after_earnings_related_maximum');
    }
    if (benefit.socialAssistanceMonthsAsMainIncome >= rules.adult.socialAssistanceMonths)
      met.push('adult_social_assistance_months');
  }
  return { eligible: met.length > 0, ageBand: young ? 'under_25' : '25_or_over', metCriteria: met };
}
