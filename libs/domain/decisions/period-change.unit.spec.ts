import { decide, type ClientCommand } from './index.js';
import { contextOf, decideAndFold, kutyItems, kutyRunning, violation } from '../test-support/index.js';

// A change of days, hours, place or length during a period is its own command, allowed only
// once the plan it rests on has been reviewed or amended to carry it.
const change = (data: Partial<Extract<ClientCommand, { type: 'ChangeServicePeriod' }>['data']>): ClientCommand => ({
  type: 'ChangeServicePeriod',
  data: { periodId: 'period-1', changedOn: '2025-03-03', planId: 'activation-1', ...data },
});
const amended = (on = '2025-03-01', over = {}) =>
  kutyRunning().add(
    'PlanReviewed',
    {
      planId: 'activation-1',
      reviewedOn: on,
      requestedByClient: true,
      outcome: 'Four days from March',
      kuty: kutyItems({ daysPerWeek: 4, ...over }),
    },
    'county',
  );
const ruleOf = (h: ReturnType<typeof kutyRunning>, cmd: ClientCommand) =>
  violation(() => decide(cmd, h.state(), contextOf('association'))).rule;

describe('changing a running period', () => {
  it('changes days a week once the plan was amended to carry them', () => {
    const s = decideAndFold(change({ daysPerWeek: 4 }), amended().state(), contextOf('association'));
    expect(s.periods['period-1']).toMatchObject({
      daysPerWeek: 4,
      changes: [{ changedOn: '2025-03-03', planId: 'activation-1' }],
    });
  });
  it('refuses the change while the plan has not been reviewed since the period started', () =>
    expect(ruleOf(kutyRunning(), change({ daysPerWeek: 2 }))).toBe('service_period.change_needs_plan_review'));
  it('refuses the change before the plan review that carries it', () =>
    expect(ruleOf(amended('2025-03-04'), change({ daysPerWeek: 4 }))).toBe('service_period.change_needs_plan_review'));
  it('allows the change on the review day', () =>
    expect(
      decide(change({ daysPerWeek: 4, changedOn: '2025-03-01' }), amended().state(), contextOf('association')),
    ).toHaveLength(1));
  it('refuses more days than the amended plan carries', () =>
    expect(ruleOf(amended(), change({ daysPerWeek: 5 }))).toBe('service_period.days_per_week'));
  it('refuses a place the plan does not name', () =>
    expect(ruleOf(amended(), change({ place: 'Elsewhere' }))).toBe('service_period.plan_place'));
  it('refuses more hours a day than the plan carries', () =>
    expect(ruleOf(amended(), change({ hoursPerDay: 7 }))).toBe('service_period.plan_hours_per_day'));
  it("refuses a planned end past the plan's length", () =>
    expect(ruleOf(amended(), change({ plannedEndDate: '2025-07-15' }))).toBe('service_period.plan_length'));
  it("allows a longer planned end once the plan's length carries it", () =>
    expect(
      decide(
        change({ plannedEndDate: '2025-10-14' }),
        amended('2025-03-01', { lengthMonths: 9 }).state(),
        contextOf('association'),
      ),
    ).toHaveLength(1));
  it('refuses an empty change', () => expect(ruleOf(amended(), change({}))).toBe('service_period.change_empty'));
  it('refuses a change of an ended period', () =>
    expect(ruleOf(amended().periodEnded('period-1', '2025-03-02'), change({ daysPerWeek: 4 }))).toBe(
      'service_period.already_ended',
    ));
  it('refuses a second change on the same plan review', () => {
    const s = decideAndFold(change({ daysPerWeek: 4 }), amended().state(), contextOf('association'));
    expect(
      violation(() => decide(change({ daysPerWeek: 3, changedOn: '2025-03-10' }), s, contextOf('association'))).rule,
    ).toBe('service_period.change_needs_plan_review');
  });
});
