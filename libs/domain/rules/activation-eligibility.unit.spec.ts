import { decide } from '../decisions/index.js';
import { contextOf, History, NOT_ELIGIBLE_BENEFIT, violation, type BenefitData } from '../test-support/index.js';

// Law 189/2001 §2 as amended by 702/2020, judged on the agreement date.
const YOUNG_BIRTH = '2000-03-10'; // 24 on 2025-03-09, 25 on 2025-03-10
const ADULT_BIRTH = '1985-05-10';
const DAY_BEFORE_25 = '2025-03-09';
const TURNS_25 = '2025-03-10';

const client = (birthDate: string, benefit: Partial<BenefitData>) =>
  new History()
    .registered(birthDate)
    .benefit({ ...NOT_ELIGIBLE_BENEFIT, ...benefit })
    .employmentPlan();

const agree = (h: History, agreedOn: string, employmentPlanId = 'employment-1') =>
  decide(
    { type: 'AgreeActivationPlan', data: { planId: 'activation-1', agreedOn, employmentPlanId, services: [] } },
    h.state(),
    contextOf('county'),
  );

const allowed = (h: History, on: string) =>
  expect(agree(h, on)).toEqual([expect.objectContaining({ type: 'ActivationPlanAgreed', occurredAt: on })]);

const refused = (h: History, on: string, ageBand: string) => {
  const e = violation(() => agree(h, on));
  expect(e.rule).toBe('activation_plan.eligibility');
  expect(e.details).toEqual({ ageBand });
};

describe('activation-plan eligibility under 25', () => {
  it('allows 180 subsidy days in the last 12 months', () =>
    allowed(
      client(YOUNG_BIRTH, { labourMarketSubsidyDaysLast12Months: 180, labourMarketSubsidyDaysTotal: 180 }),
      DAY_BEFORE_25,
    ));
  it('refuses 179 subsidy days in the last 12 months', () =>
    refused(
      client(YOUNG_BIRTH, { labourMarketSubsidyDaysLast12Months: 179, labourMarketSubsidyDaysTotal: 179 }),
      DAY_BEFORE_25,
      'under_25',
    ));
  it('allows a used earnings-related maximum', () =>
    allowed(client(YOUNG_BIRTH, { earningsRelatedMaximumUsed: true }), DAY_BEFORE_25));
  it('refuses when no criterion holds (maximum not used)', () =>
    refused(client(YOUNG_BIRTH, { earningsRelatedMaximumUsed: false }), DAY_BEFORE_25, 'under_25'));
  it('allows 4 months of social assistance as main income', () =>
    allowed(client(YOUNG_BIRTH, { socialAssistanceMonthsAsMainIncome: 4 }), DAY_BEFORE_25));
  it('refuses 3 months of social assistance as main income', () =>
    refused(client(YOUNG_BIRTH, { socialAssistanceMonthsAsMainIncome: 3 }), DAY_BEFORE_25, 'under_25'));
});

describe('activation-plan eligibility: age on the agreement date', () => {
  const young180 = { labourMarketSubsidyDaysLast12Months: 180, labourMarketSubsidyDaysTotal: 180 };
  it('judges a client 24 the day before the 25th birthday by the young band (180 days suffice)', () =>
    allowed(client(YOUNG_BIRTH, young180), DAY_BEFORE_25));
  it('judges a client 25 on the birthday by the adult band (180 days no longer suffice)', () =>
    refused(client(YOUNG_BIRTH, young180), TURNS_25, '25_or_over'));
  it('refuses 4 months of social assistance on the 25th birthday (adult band needs 12)', () =>
    refused(client(YOUNG_BIRTH, { socialAssistanceMonthsAsMainIncome: 4 }), TURNS_25, '25_or_over'));
});

describe('activation-plan eligibility at 25 or over', () => {
  const on = '2025-03-01';
  it('allows 500 subsidy days in total', () => allowed(client(ADULT_BIRTH, { labourMarketSubsidyDaysTotal: 500 }), on));
  it('refuses 499 subsidy days in total', () =>
    refused(client(ADULT_BIRTH, { labourMarketSubsidyDaysTotal: 499 }), on, '25_or_over'));
  it('allows 180 subsidy days after the earnings-related maximum', () =>
    allowed(
      client(ADULT_BIRTH, {
        earningsRelatedMaximumUsed: true,
        labourMarketSubsidyDaysAfterEarningsRelatedMaximum: 180,
      }),
      on,
    ));
  it('refuses 179 subsidy days after the earnings-related maximum', () =>
    refused(
      client(ADULT_BIRTH, {
        earningsRelatedMaximumUsed: true,
        labourMarketSubsidyDaysAfterEarningsRelatedMaximum: 179,
      }),
      on,
      '25_or_over',
    ));
  it('refuses 180 days "after the maximum" when the maximum is not used', () =>
    refused(
      client(ADULT_BIRTH, {
        earningsRelatedMaximumUsed: false,
        labourMarketSubsidyDaysAfterEarningsRelatedMaximum: 180,
      }),
      on,
      '25_or_over',
    ));
  it('refuses a used earnings-related maximum alone (a young-band criterion only)', () =>
    refused(client(ADULT_BIRTH, { earningsRelatedMaximumUsed: true }), on, '25_or_over'));
  it('allows 12 months of social assistance as main income', () =>
    allowed(client(ADULT_BIRTH, { socialAssistanceMonthsAsMainIncome: 12 }), on));
  it('refuses 11 months of social assistance as main income', () =>
    refused(client(ADULT_BIRTH, { socialAssistanceMonthsAsMainIncome: 11 }), on, '25_or_over'));
});

describe('activation-plan prerequisites', () => {
  const eligible = { labourMarketSubsidyDaysTotal: 600 };
  it('refuses a plan without an employment plan', () => {
    const h = new History().registered(ADULT_BIRTH).benefit({ ...NOT_ELIGIBLE_BENEFIT, ...eligible });
    const e = violation(() => agree(h, '2025-03-01'));
    expect(e.rule).toBe('activation_plan.requires_employment_plan');
    expect(e.field).toBe('data.employmentPlanId');
  });
  it('refuses a plan pointing at a plan that is not an employment plan', () => {
    const h = client(ADULT_BIRTH, eligible).activationPlan({ planId: 'activation-0', kuty: null });
    expect(violation(() => agree(h, '2025-03-01', 'activation-0')).rule).toBe(
      'activation_plan.requires_employment_plan',
    );
  });
  it('refuses a plan before the benefit status is recorded', () => {
    const h = new History().registered(ADULT_BIRTH).employmentPlan();
    expect(violation(() => agree(h, '2025-03-01')).rule).toBe('activation_plan.benefit_status_missing');
  });
  it('refuses an activation plan authored by a provider', () => {
    const h = client(ADULT_BIRTH, eligible);
    const e = violation(() =>
      decide(
        {
          type: 'AgreeActivationPlan',
          data: { agreedOn: '2025-03-01', employmentPlanId: 'employment-1', services: [] },
        },
        h.state(),
        contextOf('association'),
      ),
    );
    expect(e.rule).toBe('activation_plan.author');
  });
});
