import type { BenefitType } from '../../events/index.js';
import { benefitOn, compensationLines, euros } from './compensation.js';
import {
  activityDays,
  ELIGIBLE_BENEFIT,
  History,
  kutyRunning,
  periodData,
  type BenefitData,
} from '../test-support/index.js';

// Kuty compensation, 9 € per attended day: the payer follows the client's benefit on that day.
const on = (asOf: string, currentBenefit: BenefitType): Partial<BenefitData> => ({
  ...ELIGIBLE_BENEFIT,
  asOf,
  currentBenefit,
});
const linesOf = (h: History) =>
  compensationLines(h.state()).map(({ month, payer, component, attendedDays, euros: e }) => [
    month,
    payer,
    component,
    attendedDays,
    e,
  ]);

describe('kuty compensation payer on the attended day', () => {
  it('is Kela (expense compensation) on labour market subsidy, 9 €/day', () =>
    expect(
      linesOf(
        kutyRunning()
          .benefit(on('2025-01-01', 'labour_market_subsidy'))
          .attendance('period-1', ['2025-01-16', '2025-01-20']),
      ),
    ).toEqual([['2025-01', 'kela', 'daily_compensation', 2, 18]]));
  it('is Kela on basic unemployment allowance', () =>
    expect(
      linesOf(
        kutyRunning().benefit(on('2025-01-01', 'basic_unemployment_allowance')).attendance('period-1', ['2025-01-16']),
      ),
    ).toEqual([['2025-01', 'kela', 'daily_compensation', 1, 9]]));
  it('is the unemployment fund on earnings-related allowance', () =>
    expect(
      linesOf(kutyRunning().benefit(on('2025-01-01', 'earnings_related')).attendance('period-1', ['2025-01-16'])),
    ).toEqual([['2025-01', 'unemployment_fund', 'daily_compensation', 1, 9]]));
  it('is the wellbeing services county (activity allowance) on social assistance from 2023', () =>
    expect(
      linesOf(kutyRunning().benefit(on('2025-01-01', 'social_assistance')).attendance('period-1', ['2025-01-16'])),
    ).toEqual([['2025-01', 'wellbeing_county', 'daily_compensation', 1, 9]]));
  it('was the municipality on social assistance before 2023', () => {
    const h = new History()
      .registered()
      .add('BenefitStatusRecorded', { ...ELIGIBLE_BENEFIT, asOf: '2022-01-01', currentBenefit: 'social_assistance' })
      .add(
        'ServicePeriodStarted',
        {
          periodId: 'old',
          serviceType: 'rehabilitative_work_activity',
          provider: { organisationId: 'y', organisationType: 'provider', providerKind: 'association' },
          startDate: '2022-11-01',
          plannedEndDate: '2023-04-30',
          daysPerWeek: 3,
          hoursPerDay: 6,
        },
        'county',
      )
      .attendance('old', ['2022-12-30', '2023-01-02']);
    expect(linesOf(h)).toEqual([
      ['2022-12', 'municipality', 'daily_compensation', 1, 9],
      ['2023-01', 'wellbeing_county', 'daily_compensation', 1, 9],
    ]);
  });
  it('is nobody without a benefit', () =>
    expect(linesOf(kutyRunning().benefit(on('2025-01-01', 'none')).attendance('period-1', ['2025-01-16']))).toEqual(
      [],
    ));
  it('charges a day to the benefit of that day, not the benefit when it was reported', () => {
    const h = kutyRunning()
      .benefit(on('2025-01-01', 'labour_market_subsidy'))
      .benefit(on('2025-02-01', 'social_assistance'))
      .attendance('period-1', ['2025-01-30', '2025-01-31', '2025-02-03']); // reported late, after the change
    expect(linesOf(h)).toEqual([
      ['2025-01', 'kela', 'daily_compensation', 2, 18],
      ['2025-02', 'wellbeing_county', 'daily_compensation', 1, 9],
    ]);
  });
  it('moves days already reported when a benefit change is recorded late', () => {
    const h = kutyRunning()
      .benefit(on('2025-01-01', 'labour_market_subsidy'))
      .attendance('period-1', ['2025-01-30', '2025-02-03'])
      .benefit(on('2025-02-01', 'earnings_related'));
    expect(linesOf(h)).toEqual([
      ['2025-01', 'kela', 'daily_compensation', 1, 9],
      ['2025-02', 'unemployment_fund', 'daily_compensation', 1, 9],
    ]);
  });
  it('pays nothing for a service type without compensation (work trial)', () => {
    const h = new History()
      .registered()
      .benefit(on('2025-01-01', 'labour_market_subsidy'))
      .periodStarted({
        periodId: 'wt',
        serviceType: 'work_trial',
        provider: { organisationId: 'c', organisationType: 'provider', providerKind: 'company' },
        referralId: undefined,
        planId: undefined,
      })
      .attendance('wt', ['2025-01-16']);
    expect(linesOf(h)).toEqual([]);
  });
});

describe('compensation components', () => {
  it("pays travel at the period's cheapest fare with the daily compensation, by the same payer", () =>
    expect(
      linesOf(
        kutyRunning({ travelEuroPerDay: 5.6 })
          .benefit(on('2025-01-01', 'labour_market_subsidy'))
          .attendance('period-1', ['2025-01-16', '2025-01-20']),
      ),
    ).toEqual([
      ['2025-01', 'kela', 'daily_compensation', 2, 18],
      ['2025-01', 'kela', 'travel', 2, 11.2],
    ]));
  it("pays disability work activity's work allowance by the county on any benefit", () => {
    const h = new History()
      .registered()
      .benefit(on('2025-01-01', 'earnings_related'))
      .periodStarted({
        periodId: 'dwa',
        serviceType: 'disability_work_activity',
        referralId: undefined,
        planId: undefined,
        daysPerWeek: 5,
        hoursPerDay: 5,
        plannedEndDate: '2026-01-14',
      })
      .attendance('dwa', ['2025-01-16'], 5);
    expect(linesOf(h)).toEqual([['2025-01', 'wellbeing_county', 'work_allowance', 1, 5.5]]);
  });
});

describe('county settings of disability services (Satakunta seed)', () => {
  const satasote = { organisationId: 'satasote', organisationType: 'wellbeing_county' as const };
  const started = (serviceType: string, daysPerWeek: number) =>
    new History()
      .registered()
      .benefit(on('2025-01-01', 'none'))
      .add(
        'ServicePeriodStarted',
        periodData({
          periodId: 'x',
          serviceType,
          referralId: undefined,
          planId: undefined,
          daysPerWeek,
          hoursPerDay: 5,
          plannedEndDate: '2026-01-14',
        }),
        satasote,
      );
  it("pays Pori's work allowance 5.37 €/day and charges the meal fee 5.37 € back", () =>
    expect(linesOf(started('disability_work_activity', 5).attendance('x', ['2025-01-16', '2025-01-17'], 5))).toEqual([
      ['2025-01', 'wellbeing_county', 'meal_fee', 2, -10.74],
      ['2025-01', 'wellbeing_county', 'work_allowance', 2, 10.74],
    ]));
  it('pays the default rate where the county has set none', () =>
    expect(
      linesOf(
        new History()
          .registered()
          .benefit(on('2025-01-01', 'none'))
          .periodStarted({
            periodId: 'x',
            serviceType: 'disability_work_activity',
            referralId: undefined,
            planId: undefined,
            daysPerWeek: 5,
            hoursPerDay: 5,
            plannedEndDate: '2026-01-14',
          })
          .attendance('x', ['2025-01-16'], 5),
      ),
    ).toEqual([['2025-01', 'wellbeing_county', 'work_allowance', 1, 5.5]]));
  it("pays supported open work for agreed summer leave, up to four weeks of the period's days a year", () => {
    const leave = activityDays('2025-06-02', 12, [1, 2, 3]); // 4 weeks × 3 days = 12 paid, the 13th not
    const h = started('supported_open_work', 3)
      .add(
        'AbsenceReported',
        { periodId: 'x', absentDates: [...leave, '2025-07-07'], reason: 'agreed_leave' },
        satasote,
      )
      .add('AbsenceReported', { periodId: 'x', absentDates: ['2025-07-08'], reason: 'illness' }, satasote);
    expect(linesOf(h)).toEqual([['2025-06', 'wellbeing_county', 'work_allowance', 12, 144]]);
  });
});

describe('benefitOn', () => {
  const history = [
    { from: '2025-01-01', benefit: 'labour_market_subsidy' as const },
    { from: '2025-03-01', benefit: 'social_assistance' as const },
  ];
  it('is none before the first recorded status', () => expect(benefitOn(history, '2024-12-31')).toBe('none'));
  it('is the status from its date on', () => expect(benefitOn(history, '2025-03-01')).toBe('social_assistance'));
  it('is the earlier status the day before a change', () =>
    expect(benefitOn(history, '2025-02-28')).toBe('labour_market_subsidy'));
});

describe('euros', () => {
  it('pays 178 days × 9 € = 1602 €', () => expect(euros(178, 9)).toBe(1602));
  it('rounds float noise to cents (3 × 0.1 = 0.30)', () => expect(euros(3, 0.1)).toBe(0.3));
  it('rounds 7 × 5.55 € to 38.85', () => expect(euros(7, 5.55)).toBe(38.85));
  it('pays nothing for no days', () => expect(euros(0, 9)).toBe(0));
});
