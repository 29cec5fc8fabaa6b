import type { OrganisationRef } from '../../events/index.js';
import { decide, type ClientCommand } from './index.js';
import { contextOf, decideAndFold, History, ORG, violation, type OrgKey } from '../test-support/index.js';

// Law 381/2023: the TYP relationship joins the employment authority and the wellbeing county; its end reason is recorded.
const startTyp = (parties: OrganisationRef[], startDate = '2025-01-02'): ClientCommand => ({
  type: 'StartTypRelationship',
  data: { relationshipId: 'typ-1', startDate, parties },
});
const endTyp = (endDate: string): ClientCommand => ({
  type: 'EndTypRelationship',
  data: { endDate, reason: 'studies', note: 'Vocational school' },
});
const registered = () => new History().registered();
const ruleOf = (cmd: ClientCommand, h: History, by: OrgKey = 'employment') =>
  violation(() => decide(cmd, h.state(), contextOf(by))).rule;

describe('starting a TYP relationship', () => {
  it('starts with the employment authority and the wellbeing county as parties', () =>
    expect(decide(startTyp([ORG.employment, ORG.county]), registered().state(), contextOf('employment'))).toEqual([
      expect.objectContaining({ type: 'TypRelationshipStarted', occurredAt: '2025-01-02' }),
    ]));
  it('refuses a relationship without the wellbeing county', () =>
    expect(ruleOf(startTyp([ORG.employment, ORG.kela]), registered())).toBe('typ_relationship.parties'));
  it('refuses a relationship started by an organisation that is not a party', () =>
    expect(ruleOf(startTyp([ORG.employment, ORG.county]), registered(), 'kela')).toBe(
      'typ_relationship.actor_not_party',
    ));
  it('refuses a second relationship while one is active', () =>
    expect(ruleOf(startTyp([ORG.employment, ORG.county], '2025-03-01'), registered().typStarted())).toBe(
      'typ_relationship.already_active',
    ));
  it('allows a new relationship after the previous one ended', () =>
    expect(
      decide(
        startTyp([ORG.employment, ORG.county], '2025-10-01'),
        registered().typStarted().typEnded('2025-09-30').state(),
        contextOf('employment'),
      ),
    ).toHaveLength(1));
});

describe('ending a TYP relationship', () => {
  it('records the end reason and moves the relationship to the past', () => {
    const s = decideAndFold(endTyp('2025-09-30'), registered().typStarted().state(), contextOf('county'));
    expect(s.typ).toBeNull();
    expect(s.pastTypRelationships).toEqual([
      expect.objectContaining({ relationshipId: 'typ-1', endDate: '2025-09-30', endReason: 'studies' }),
    ]);
  });
  it('refuses ending when no relationship is active', () =>
    expect(ruleOf(endTyp('2025-09-30'), registered())).toBe('typ_relationship.not_active'));
  it('refuses an end before the start', () =>
    expect(ruleOf(endTyp('2025-01-01'), registered().typStarted('2025-01-02'))).toBe(
      'typ_relationship.end_before_start',
    ));
  it('refuses an end recorded by an organisation that is not a party', () =>
    expect(ruleOf(endTyp('2025-09-30'), registered().typStarted(), 'association')).toBe(
      'typ_relationship.actor_not_party',
    ));
  it('allows an end on the start day', () =>
    expect(
      decide(endTyp('2025-01-02'), registered().typStarted('2025-01-02').state(), contextOf('employment')),
    ).toHaveLength(1));
});

describe('the multi-sectoral service-need assessment', () => {
  const assess: ClientCommand = {
    type: 'RecordServiceNeedAssessment',
    data: { assessedOn: '2025-01-03', needs: ['health'] },
  };
  it('belongs to an active TYP relationship', () =>
    expect(decide(assess, registered().typStarted().state(), contextOf('county'))).toHaveLength(1));
  it('refuses an assessment dated before the relationship started', () =>
    expect(
      ruleOf(
        { type: 'RecordServiceNeedAssessment', data: { assessedOn: '2025-01-01', needs: ['health'] } },
        registered().typStarted('2025-01-02'),
        'county',
      ),
    ).toBe('service_need_assessment.before_typ_start'));
  it('allows an assessment on the start day', () =>
    expect(
      decide(
        { type: 'RecordServiceNeedAssessment', data: { assessedOn: '2025-01-02', needs: ['health'] } },
        registered().typStarted('2025-01-02').state(),
        contextOf('county'),
      ),
    ).toHaveLength(1));
  it('refuses an assessment without a TYP relationship', () =>
    expect(ruleOf(assess, registered(), 'county')).toBe('service_need_assessment.requires_typ_relationship'));
});

describe('benefit status consistency', () => {
  const status = (last12: number, total: number): ClientCommand => ({
    type: 'RecordBenefitStatus',
    data: {
      asOf: '2025-01-01',
      currentBenefit: 'labour_market_subsidy',
      labourMarketSubsidyDaysLast12Months: last12,
      labourMarketSubsidyDaysTotal: total,
      earningsRelatedMaximumUsed: false,
      labourMarketSubsidyDaysAfterEarningsRelatedMaximum: 0,
      socialAssistanceMonthsAsMainIncome: 0,
    },
  });
  it('allows 366 days in the last 12 months', () =>
    expect(decide(status(366, 400), registered().state(), contextOf('kela'))).toHaveLength(1));
  it('refuses 367 days in the last 12 months', () =>
    expect(ruleOf(status(367, 400), registered(), 'kela')).toBe('benefit_status.inconsistent'));
  it('refuses more days in the last 12 months than in total', () =>
    expect(ruleOf(status(200, 199), registered(), 'kela')).toBe('benefit_status.inconsistent'));
});
