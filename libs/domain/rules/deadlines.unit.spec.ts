import type { PlanState } from '../client-path/index.js';
import { RULE_SETS, ruleSetOn, type RuleSet } from '../rule-sets/index.js';
import { deadlinesOf, nextPlanReviewDate } from './deadlines.js';
import { History } from '../test-support/index.js';

// Plan reviews at least every 3 months from 2025 (law 381/2023), every 6 months before (law 1369/2014).
const planAgreed = (agreedOn: string, lastReviewedOn?: string): PlanState => ({
  planId: 'p',
  kind: 'activation',
  agreedOn,
  organisationId: 'o',
  parties: ['o'],
  lastReviewedOn,
  ruleSetId: ruleSetOn(agreedOn).id,
});

describe('dated rule sets', () => {
  it('uses the old law on 2024-12-31', () => {
    expect(ruleSetOn('2024-12-31')).toMatchObject({ id: 'wellbeing-counties-2023', planReviewIntervalMonths: 6 });
  });
  it('uses the new law from 2025-01-01', () => {
    expect(ruleSetOn('2025-01-01')).toMatchObject({ id: 'typ-381-2023', planReviewIntervalMonths: 3 });
  });
  it('falls back to the earliest set before any set is in force', () => {
    expect(ruleSetOn('2010-01-01').id).toBe('typ-1369-2014');
  });
});

describe('nextPlanReviewDate', () => {
  it('is 6 months after an agreement in 2024 (old rule set)', () => {
    expect(nextPlanReviewDate(planAgreed('2024-06-10'))).toBe('2024-12-10');
  });
  it('is 3 months after an agreement in 2025 (new rule set)', () => {
    expect(nextPlanReviewDate(planAgreed('2025-01-10'))).toBe('2025-04-10');
  });
  it('counts from the last review, under the set in force on that review', () => {
    expect(nextPlanReviewDate(planAgreed('2024-06-10', '2025-02-01'))).toBe('2025-05-01');
  });
  it('takes the interval as a setting of the rule set', () => {
    const monthly: RuleSet = { ...RULE_SETS[4], id: 'test-monthly', planReviewIntervalMonths: 1 };
    expect(nextPlanReviewDate(planAgreed('2025-01-10'), () => monthly)).toBe('2025-02-10');
  });
});

describe('plan_review_due in deadlinesOf', () => {
  const reviewDue = (h: History) => deadlinesOf(h.state()).filter((d) => d.kind === 'plan_review_due');
  it('lists the activation plan review 3 months after a 2025 agreement', () => {
    const h = new History().registered().employmentPlan().activationPlan({ agreedOn: '2025-01-08' });
    expect(reviewDue(h)).toEqual([expect.objectContaining({ refId: 'activation-1', dueDate: '2025-04-08' })]);
  });
  it('lists it 6 months after a 2024 agreement', () => {
    const h = new History().registered().employmentPlan().activationPlan({ agreedOn: '2024-10-08' });
    expect(reviewDue(h)).toEqual([expect.objectContaining({ refId: 'activation-1', dueDate: '2025-04-08' })]);
  });
  it('moves the due date after a review', () => {
    const h = new History()
      .registered()
      .employmentPlan()
      .activationPlan({ agreedOn: '2025-01-08' })
      .add('PlanReviewed', {
        planId: 'activation-1',
        reviewedOn: '2025-03-20',
        requestedByClient: true,
        outcome: 'Continue',
      });
    expect(reviewDue(h)).toEqual([expect.objectContaining({ dueDate: '2025-06-20' })]);
  });
  it("lists the plan's kuty assessment date (effect assessed, plan renewed)", () => {
    const h = new History().registered().employmentPlan().activationPlan({ agreedOn: '2025-01-08' });
    expect(deadlinesOf(h.state()).filter((d) => d.kind === 'plan_assessment_due')).toEqual([
      expect.objectContaining({ refId: 'activation-1', dueDate: '2025-07-14' }),
    ]);
  });
  it('lists no assessment date for a plan without kuty items', () => {
    const h = new History().registered().employmentPlan().activationPlan({ agreedOn: '2025-01-08', kuty: null });
    expect(deadlinesOf(h.state()).map((d) => d.kind)).not.toContain('plan_assessment_due');
  });
  it('does not list the employment plan on its own', () => {
    expect(reviewDue(new History().registered().employmentPlan())).toEqual([]);
  });
});
