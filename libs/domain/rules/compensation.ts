import type { BenefitStatus } from '../client-path/index.js';
import { serviceTypeRules, type CompensationPayer, type RuleSet } from '../rule-sets/index.js';

export interface CompensationDecision {
  payer: CompensationPayer | null;
  euroPerDay: number;
  /** Why there is no payer, when there is none. */
  reason?: string;
}

/**
 * Kuty compensation (kulukorvaus / toimintaraha): Kela pays when the client is on labour
 * market subsidy, the municipality when on social assistance; per attended day.
 */
export function compensationFor(serviceType: string, benefit: BenefitStatus | null, ruleSet: RuleSet): CompensationDecision {
  const rules = serviceTypeRules(ruleSet, serviceType)?.compensation;
  if (!rules) return { payer: null, euroPerDay: 0, reason: 'service type has no compensation' };
  const benefitType = benefit?.currentBenefit ?? 'none';
  const payer = rules.payerByBenefit[benefitType] ?? null;
  return payer
    ? { payer, euroPerDay: rules.euroPerAttendedDay }
    : { payer: null, euroPerDay: 0, reason: `no payer while on benefit '${benefitType}'` };
}

/** Euros for a number of days, rounded to cents. */
export const euros = (days: number, perDay: number): number => Math.round(days * perDay * 100) / 100;
