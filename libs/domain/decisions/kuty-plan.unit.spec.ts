import type { KutyPlanItems } from '../../events/index.js';
import { decide, MANDATORY_KUTY_ITEMS } from './index.js';
import {
  contextOf,
  History,
  kutyItems,
  kutyReady,
  periodData,
  violation,
  withActivationPlan,
} from '../test-support/index.js';

// Law 189/2001: when kuty is in the activation plan, the plan records its items; no period without them.
const agree = (kuty: KutyPlanItems) =>
  decide(
    {
      type: 'AgreeActivationPlan',
      data: { agreedOn: '2025-01-08', employmentPlanId: 'employment-1', services: [], kuty },
    },
    new History().registered().benefit().employmentPlan().state(),
    contextOf('county'),
  );

const without = (item: keyof KutyPlanItems): KutyPlanItems => {
  const items: Partial<KutyPlanItems> = kutyItems();
  delete items[item];
  return items as KutyPlanItems;
};

const start = (h: History, over = {}) =>
  decide(
    { type: 'StartServicePeriod', data: periodData({ referralId: 'referral-1', ...over }) },
    h.state(),
    contextOf('county'),
  );

describe('mandatory kuty items in the activation plan', () => {
  it('allows a plan with every kuty item', () => {
    expect(agree(kutyItems())).toEqual([expect.objectContaining({ type: 'ActivationPlanAgreed' })]);
  });

  it.each(MANDATORY_KUTY_ITEMS)('refuses a plan missing %s and names it', (item) => {
    const e = violation(() => agree(without(item)));
    expect(e.rule).toBe('kuty.plan_items_missing');
    expect(e.details).toEqual({ missing: [item] });
    expect(e.field).toBe(`data.kuty.${item}`);
  });

  it('treats an empty text item as missing', () => {
    expect(violation(() => agree(kutyItems({ goal: '', place: '' }))).details).toEqual({ missing: ['goal', 'place'] });
  });
});

describe('kuty shape in the activation plan', () => {
  it('allows a planned length of 3 months', () => expect(agree(kutyItems({ lengthMonths: 3 }))).toHaveLength(1));
  it('refuses a planned length of 2 months', () =>
    expect(violation(() => agree(kutyItems({ lengthMonths: 2 }))).rule).toBe('service_period.min_length'));
  it('allows a planned length of 24 months', () => expect(agree(kutyItems({ lengthMonths: 24 }))).toHaveLength(1));
  it('refuses a planned length of 25 months', () =>
    expect(violation(() => agree(kutyItems({ lengthMonths: 25 }))).rule).toBe('service_period.max_length'));
  it('allows an association as the kuty provider', () =>
    expect(agree(kutyItems({ providerKind: 'association' }))).toHaveLength(1));
  it('refuses a company as the kuty provider', () => {
    const e = violation(() => agree(kutyItems({ providerKind: 'company' })));
    expect(e.rule).toBe('service_period.forbidden_provider_kind');
    expect(e.field).toBe('data.kuty.providerKind');
  });
  it('refuses 5 days a week in the plan', () =>
    expect(violation(() => agree(kutyItems({ daysPerWeek: 5 }))).rule).toBe('service_period.days_per_week'));
  it('refuses 9 hours a day in the plan', () =>
    expect(violation(() => agree(kutyItems({ hoursPerDay: 9 }))).rule).toBe('service_period.hours_per_day'));
});

describe('a kuty period needs a plan with the kuty items', () => {
  const base = () => new History().registered().benefit().employmentPlan().typStarted().referral().referralAccepted();

  it('starts with an activation plan carrying every item', () => {
    expect(start(kutyReady())).toEqual([expect.objectContaining({ type: 'ServicePeriodStarted' })]);
  });
  it('refuses a period without an activation or multi-sectoral plan', () => {
    expect(violation(() => start(base(), { planId: undefined })).rule).toBe('kuty.plan_missing');
  });
  it('refuses a period whose activation plan has no kuty items, naming all of them', () => {
    const e = violation(() => start(base().activationPlan({ kuty: null })));
    expect(e.rule).toBe('kuty.plan_items_missing');
    expect(e.details).toEqual({ missing: MANDATORY_KUTY_ITEMS, planId: 'activation-1' });
  });
  it('refuses a period whose plan lacks one item (support and guidance)', () => {
    const e = violation(() => start(base().activationPlan({ kuty: without('supportAndGuidance') })));
    expect(e.details).toEqual({ missing: ['supportAndGuidance'], planId: 'activation-1' });
  });
  it('refuses a period starting before its activation plan was agreed', () => {
    const h = base().activationPlan({ agreedOn: '2025-01-16' });
    expect(violation(() => start(h)).rule).toBe('kuty.plan_missing');
  });
  it('allows a period starting on the day the plan was agreed', () => {
    const h = base().activationPlan({ agreedOn: '2025-01-15' });
    expect(start(h)).toHaveLength(1);
  });
  it('refuses a period naming an unknown plan', () => {
    expect(
      violation(() => start(withActivationPlan().typStarted().referral().referralAccepted(), { planId: 'nope' })).rule,
    ).toBe('kuty.plan_missing');
  });
});
