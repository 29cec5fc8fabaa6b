import type { KutyPlanItems } from '../../events/index.js';
import { ruleSetOn } from '../rule-sets/index.js';
import { decide, type ClientCommand } from './index.js';
import {
  contextOf,
  History,
  kutyItems,
  KUTY_START,
  kutyReady,
  ORG,
  periodData,
  typKutyReady,
  violation,
  type PeriodData,
} from '../test-support/index.js';

// 189/2001 §6, §9: kuty rests on the activation plan or the multi-sectoral plan, and the period
// is checked against the plan it names.
const start = (h: History, over: Partial<PeriodData> = {}, today?: string) =>
  decide(
    { type: 'StartServicePeriod', data: periodData({ referralId: 'referral-1', ...over }) },
    h.state(),
    contextOf('county', today ? { today } : {}),
  );
const ruleOf = (h: History, over: Partial<PeriodData> = {}) => violation(() => start(h, over));

describe('a TYP client goes to kuty on the multi-sectoral plan alone', () => {
  it('starts the period on the multi-sectoral plan, with no activation plan on record', () => {
    const [e] = start(typKutyReady(), { planId: 'msp-1' });
    expect(e).toMatchObject({ type: 'ServicePeriodStarted', data: { planId: 'msp-1', place: 'Workshop, Pori' } });
  });
  it('finds the multi-sectoral plan carrying the items when the period names none, and records it', () =>
    expect(start(typKutyReady(), { planId: undefined })[0].data).toMatchObject({ planId: 'msp-1' }));
  it('refuses a multi-sectoral plan without kuty items', () => {
    const h = new History()
      .registered()
      .typStarted()
      .multisectoralPlan('msp-1', '2025-01-08')
      .referral()
      .referralAccepted();
    expect(ruleOf(h, { planId: 'msp-1' }).rule).toBe('kuty.plan_items_missing');
  });
  it('refuses the employment plan as the basis', () =>
    expect(ruleOf(typKutyReady().employmentPlan(), { planId: 'employment-1' }).rule).toBe('kuty.plan_kind'));
  it("agrees a multi-sectoral plan with kuty items checked like an activation plan's", () => {
    const cmd = (kuty: KutyPlanItems): ClientCommand => ({
      type: 'AgreeMultisectoralPlan',
      data: {
        agreedOn: '2025-01-08',
        services: [],
        followUp: 'x',
        jobSearchObligation: 'x',
        kelaRehabilitationNeeded: false,
        approvedByOrganisations: [ORG.employment, ORG.county],
        approvedByClient: true,
        kuty,
      },
    });
    const typ = new History().registered().typStarted().state();
    expect(decide(cmd(kutyItems()), typ, contextOf('employment'))).toHaveLength(1);
    expect(violation(() => decide(cmd(kutyItems({ daysPerWeek: 5 })), typ, contextOf('employment'))).rule).toBe(
      'service_period.days_per_week',
    );
    expect(violation(() => decide(cmd(kutyItems({ goal: '' })), typ, contextOf('employment'))).rule).toBe(
      'kuty.plan_items_missing',
    );
  });
});

describe("the period follows its plan's kuty items", () => {
  it('refuses another provider than the plan names', () =>
    expect(
      ruleOf(kutyReady(), {
        provider: { organisationId: 'other', organisationType: 'provider', providerKind: 'association' },
      }),
    ).toMatchObject({ rule: 'service_period.plan_provider', field: 'data.provider.organisationId' }));
  it('refuses another place than the plan names', () =>
    expect(ruleOf(kutyReady(), { place: 'Somewhere else' })).toMatchObject({
      rule: 'service_period.plan_place',
      field: 'data.place',
    }));
  it("accepts the plan's place written in other case", () =>
    expect(start(kutyReady(), { place: 'workshop, pori' })).toHaveLength(1));
  it('refuses more days a week than the plan (3)', () =>
    expect(ruleOf(kutyReady(), { daysPerWeek: 4 })).toMatchObject({
      rule: 'service_period.plan_days_per_week',
      details: { planned: 3 },
    }));
  it('allows fewer days a week than the plan', () => expect(start(kutyReady(), { daysPerWeek: 2 })).toHaveLength(1));
  it('refuses more hours a day than the plan (6)', () =>
    expect(ruleOf(kutyReady(), { hoursPerDay: 7 }).rule).toBe('service_period.plan_hours_per_day'));
  it("allows the plan's hours exactly", () => expect(start(kutyReady(), { hoursPerDay: 6 })).toHaveLength(1));
  it('allows a start 14 days after the planned start', () =>
    expect(start(kutyReady(), { startDate: '2025-01-29', plannedEndDate: '2025-07-28' })).toHaveLength(1));
  it('refuses a start 15 days after the planned start', () =>
    expect(ruleOf(kutyReady(), { startDate: '2025-01-30', plannedEndDate: '2025-07-29' })).toMatchObject({
      rule: 'service_period.plan_start',
      field: 'data.startDate',
    }));
  it('allows a start 14 days before the planned start', () => {
    const h = new History()
      .registered()
      .benefit()
      .employmentPlan()
      .activationPlan({ agreedOn: '2024-12-20' })
      .typStarted()
      .referral({ madeOn: '2024-12-21' })
      .referralAccepted('referral-1', '2024-12-22');
    expect(start(h, { startDate: '2025-01-01', plannedEndDate: '2025-06-30' })).toHaveLength(1);
  });
  it('takes the start tolerance from the rule set', () => {
    const strict = { ...ruleSetOn(KUTY_START), periodStartToleranceDays: 0 };
    expect(
      violation(() =>
        decide(
          {
            type: 'StartServicePeriod',
            data: periodData({ referralId: 'referral-1', startDate: '2025-01-16', plannedEndDate: '2025-07-15' }),
          },
          kutyReady().state(),
          contextOf('county', { ruleSetFor: () => strict }),
        ),
      ).rule,
    ).toBe('service_period.plan_start');
  });
  it('allows a planned end at the end of the planned length (6 months)', () =>
    expect(start(kutyReady(), { plannedEndDate: '2025-07-14' })).toHaveLength(1));
  it('refuses a planned end past the planned length', () =>
    expect(ruleOf(kutyReady(), { plannedEndDate: '2025-07-15' })).toMatchObject({
      rule: 'service_period.plan_length',
      field: 'data.plannedEndDate',
    }));
});

describe('HE 109/2025 (2026 rule set): activation plans narrowed', () => {
  const set = ruleSetOn('2026-01-01');
  it('is a separate dated set whose numbers are marked as not checked against the enacted text', () => {
    expect(set).toMatchObject({
      id: 'activation-he-109-2025',
      validFrom: '2026-01-01',
      activationPlanTransition: { earlierPlansValidUntil: 'next_renewal' },
    });
    expect(set.sources.activationEligibility.checkedAgainstEnactedText).toBe(false);
    expect(ruleSetOn('2025-12-31').id).toBe('typ-381-2023');
  });
  const agreeOn = (agreedOn: string, benefit: Partial<Parameters<History['benefit']>[0]>) =>
    decide(
      { type: 'AgreeActivationPlan', data: { agreedOn, employmentPlanId: 'employment-1', services: [] } },
      new History().registered().benefit(benefit).employmentPlan().state(),
      contextOf('county'),
    );
  it('opens an activation plan on 500 subsidy days on 2025-12-31', () =>
    expect(agreeOn('2025-12-31', {})).toHaveLength(1));
  it('no longer opens one on 500 subsidy days on 2026-01-01', () =>
    expect(violation(() => agreeOn('2026-01-01', {})).rule).toBe('activation_plan.eligibility'));
  it('opens one on social assistance as main income for 12 months in 2026', () =>
    expect(
      agreeOn('2026-01-01', { currentBenefit: 'social_assistance', socialAssistanceMonthsAsMainIncome: 12 }),
    ).toHaveLength(1));
  it('refuses one on 11 months of social assistance (25 or over) in 2026', () =>
    expect(
      violation(() =>
        agreeOn('2026-01-01', { currentBenefit: 'social_assistance', socialAssistanceMonthsAsMainIncome: 11 }),
      ).rule,
    ).toBe('activation_plan.eligibility'));

  // An activation plan agreed in 2025, renewal (assessment) date 2026-03-31.
  const earlier = () =>
    new History()
      .registered()
      .benefit()
      .employmentPlan()
      .activationPlan({
        agreedOn: '2025-12-01',
        kuty: kutyItems({ startDate: '2026-03-31', lengthMonths: 6, assessmentDate: '2026-03-31' }),
      })
      .referral({ madeOn: '2025-12-02' })
      .referralAccepted('referral-1', '2025-12-03');
  const at = (startDate: string, plannedEndDate: string) => ({ startDate, plannedEndDate });
  it('keeps an earlier activation plan a valid basis up to its renewal date', () =>
    expect(start(earlier(), at('2026-03-31', '2026-09-29'))).toHaveLength(1));
  it('refuses a period on an earlier activation plan after its renewal date', () =>
    expect(violation(() => start(earlier(), at('2026-04-01', '2026-09-30'))).rule).toBe('kuty.activation_plan_lapsed'));
  it('ends earlier plans at the cut-over when the transition setting says so', () => {
    const cutOver = { ...set, activationPlanTransition: { earlierPlansValidUntil: 'cut_over' as const } };
    const ctx = contextOf('county', { ruleSetFor: (d) => (d >= '2026-01-01' ? cutOver : ruleSetOn(d)) });
    const e = violation(() =>
      decide(
        {
          type: 'StartServicePeriod',
          data: periodData({ referralId: 'referral-1', ...at('2026-03-31', '2026-09-29') }),
        },
        earlier().state(),
        ctx,
      ),
    );
    expect(e).toMatchObject({ rule: 'kuty.activation_plan_lapsed', details: { renewal: '2025-12-31' } });
  });
});
