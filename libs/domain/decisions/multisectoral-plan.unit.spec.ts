import type { OrganisationRef } from '../../events/index.js';
import type { ClientPathState } from '../client-path/index.js';
import { deadlinesOf, multisectoralPlanDueDate } from '../rules/index.js';
import { decide, type AgreeMultisectoralPlan } from './index.js';
import { contextOf, decideAndFold, History, ORG, violation } from '../test-support/index.js';

// Law 381/2023: plan within 3 months of TYP start; client + employment authority + wellbeing county (+ Kela) approve.
const plan = (over: Partial<AgreeMultisectoralPlan['data']> = {}): AgreeMultisectoralPlan => ({
  type: 'AgreeMultisectoralPlan',
  data: {
    planId: 'msp-1',
    agreedOn: '2025-03-01',
    services: [{ serviceType: 'rehabilitative_work_activity' }],
    followUp: 'Joint meeting every 3 months',
    jobSearchObligation: 'Suspended during kuty',
    kelaRehabilitationNeeded: false,
    approvedByOrganisations: [ORG.employment, ORG.county],
    approvedByClient: true,
    ...over,
  },
});
const inTyp = () => new History().registered().typStarted('2025-01-02');
const agree = (state: ClientPathState, over: Partial<AgreeMultisectoralPlan['data']> = {}) =>
  decide(plan(over), state, contextOf('county'));
const ruleOf = (state: ClientPathState, over: Partial<AgreeMultisectoralPlan['data']> = {}) =>
  violation(() => agree(state, over)).rule;

describe('multi-sectoral plan needs an active TYP relationship', () => {
  it('allows a plan within an active relationship', () =>
    expect(agree(inTyp().state())).toEqual([expect.objectContaining({ type: 'MultisectoralPlanAgreed' })]));
  it('refuses a plan without a TYP relationship', () =>
    expect(ruleOf(new History().registered().state())).toBe('multisectoral_plan.requires_typ_relationship'));
  it('refuses a plan after the relationship ended', () =>
    expect(ruleOf(inTyp().typEnded('2025-02-15').state())).toBe('multisectoral_plan.requires_typ_relationship'));
  it('refuses a plan dated before the relationship started', () =>
    expect(ruleOf(inTyp().state(), { agreedOn: '2025-01-01' })).toBe('multisectoral_plan.before_typ_start'));
});

describe('multi-sectoral plan approvals', () => {
  const approvers = (...orgs: OrganisationRef[]) => ({ approvedByOrganisations: orgs });
  it('refuses a plan the client has not approved', () =>
    expect(ruleOf(inTyp().state(), { approvedByClient: false })).toBe('multisectoral_plan.client_approval'));
  it('refuses a plan without the wellbeing county approval', () =>
    expect(ruleOf(inTyp().state(), approvers(ORG.employment))).toBe('multisectoral_plan.parties'));
  it('refuses a plan without the employment authority approval', () =>
    expect(ruleOf(inTyp().state(), approvers(ORG.county, ORG.kela))).toBe('multisectoral_plan.parties'));
  it('refuses a plan needing Kela rehabilitation without Kela approval', () =>
    expect(ruleOf(inTyp().state(), { kelaRehabilitationNeeded: true })).toBe('multisectoral_plan.kela_party'));
  it('allows a plan needing Kela rehabilitation with Kela approval', () =>
    expect(
      agree(inTyp().state(), { kelaRehabilitationNeeded: true, ...approvers(ORG.employment, ORG.county, ORG.kela) }),
    ).toHaveLength(1));
  it('allows a plan without Kela when its rehabilitation is not needed', () =>
    expect(agree(inTyp().state(), { kelaRehabilitationNeeded: false })).toHaveLength(1));
});

describe('multi-sectoral plan due within 3 months of the TYP start', () => {
  it('is due 3 months after the start', () => expect(multisectoralPlanDueDate('2025-01-02')).toBe('2025-04-02'));
  it('clamps to the month end (30.11. + 3 months = 28.2.)', () =>
    expect(multisectoralPlanDueDate('2025-11-30')).toBe('2026-02-28'));

  it('lists the due plan for every TYP party until a plan is agreed', () => {
    const due = deadlinesOf(inTyp().state()).filter((d) => d.kind === 'multisectoral_plan_due');
    expect(due).toEqual([
      expect.objectContaining({
        dueDate: '2025-04-02',
        refId: 'typ-1',
        organisationIds: [ORG.employment.organisationId, ORG.county.organisationId, ORG.kela.organisationId],
      }),
    ]);
  });
  it('drops the due item once the plan is agreed', () => {
    const after = decideAndFold(plan(), inTyp().state(), contextOf('county'));
    expect(deadlinesOf(after).map((d) => d.kind)).not.toContain('multisectoral_plan_due');
  });
  it('keeps the due item when the only plan belongs to an earlier relationship', () => {
    const h = inTyp()
      .multisectoralPlan('msp-old', '2025-02-01')
      .typEnded('2025-05-01')
      .typStarted('2025-09-01', 'typ-2');
    expect(deadlinesOf(h.state()).filter((d) => d.kind === 'multisectoral_plan_due')).toEqual([
      expect.objectContaining({ dueDate: '2025-12-01', refId: 'typ-2' }),
    ]);
  });
});
