import { RULE_SETS, ruleSetOn } from '../rule-sets/index.js';
import { compensationFor, euros } from './compensation.js';
import { ELIGIBLE_BENEFIT, KUTY, type BenefitData } from '../test-support/index.js';

// Kuty compensation: 9 € per attended day; Kela on labour market subsidy, municipality on social assistance.
const on = (currentBenefit: BenefitData['currentBenefit']): BenefitData => ({ ...ELIGIBLE_BENEFIT, currentBenefit });
const rules2025 = ruleSetOn('2025-06-01');

describe('kuty compensation payer', () => {
  it('is Kela (expense compensation) on labour market subsidy, 9 €/day', () =>
    expect(compensationFor(KUTY, on('labour_market_subsidy'), rules2025)).toEqual({ payer: 'kela', euroPerDay: 9 }));
  it('is the municipality (activity allowance) on social assistance, 9 €/day', () =>
    expect(compensationFor(KUTY, on('social_assistance'), rules2025)).toEqual({ payer: 'municipality', euroPerDay: 9 }));
  it('is nobody on earnings-related allowance', () =>
    expect(compensationFor(KUTY, on('earnings_related'), rules2025)).toMatchObject({ payer: null, euroPerDay: 0 }));
  it('is nobody without a benefit', () =>
    expect(compensationFor(KUTY, on('none'), rules2025)).toMatchObject({ payer: null, euroPerDay: 0 }));
  it('is nobody while no benefit status is recorded', () =>
    expect(compensationFor(KUTY, null, rules2025)).toMatchObject({ payer: null, euroPerDay: 0 }));
  it('is nobody for a service type without compensation (work trial)', () =>
    expect(compensationFor('work_trial', on('labour_market_subsidy'), rules2025))
      .toEqual({ payer: null, euroPerDay: 0, reason: 'service type has no compensation' }));
  it('is the same 9 €/day under the pre-2025 rule set', () =>
    expect(compensationFor(KUTY, on('labour_market_subsidy'), RULE_SETS[0]).euroPerDay).toBe(9));
});

describe('other service families carry their own compensation as data', () => {
  it('pays disability work activity by the municipality at its own rate on any benefit', () =>
    expect(compensationFor('disability_work_activity', on('earnings_related'), rules2025)).toEqual({ payer: 'municipality', euroPerDay: 5.5 }));
  it('pays supported open work 12 €/day', () =>
    expect(compensationFor('supported_open_work', on('none'), rules2025)).toEqual({ payer: 'municipality', euroPerDay: 12 }));
});

describe('euros', () => {
  it('pays 178 days × 9 € = 1602 €', () => expect(euros(178, 9)).toBe(1602));
  it('rounds float noise to cents (3 × 0.1 = 0.30)', () => expect(euros(3, 0.1)).toBe(0.3));
  it('rounds the state share 3 × 10.09 € to 30.27', () => expect(euros(3, 10.09)).toBe(30.27));
  it('rounds 7 × 5.55 € to 38.85', () => expect(euros(7, 5.55)).toBe(38.85));
  it('rounds a third of a cent down and two thirds up', () => {
    expect(euros(1, 0.123)).toBe(0.12);
    expect(euros(1, 0.126)).toBe(0.13);
  });
  it('pays nothing for no days', () => expect(euros(0, 9)).toBe(0));
});
