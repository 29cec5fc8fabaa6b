import type { OrganisationRef } from '../../events/index.js';
import type { ClientPathState } from '../client-path/index.js';
import { NotFoundInStreamError } from '../errors.js';
import { deadlinesOf } from '../rules/index.js';
import { decide, type ClientCommand } from './index.js';
import { contextOf, History, ORG, violation, type OrgKey } from '../test-support/index.js';

// Referral lifecycle: open → accepted | declined | withdrawn. The recipient answers; the referrer withdraws.
const referred = () =>
  new History().registered().referral({ referralId: 'r1', madeOn: '2025-01-09', from: 'county', to: ORG.association });
const as = (org: OrgKey, cmd: ClientCommand, state: ClientPathState) => decide(cmd, state, contextOf(org));
const accept = (on = '2025-01-10'): ClientCommand => ({
  type: 'AcceptReferral',
  data: { referralId: 'r1', acceptedOn: on },
});
const decline: ClientCommand = {
  type: 'DeclineReferral',
  data: { referralId: 'r1', declinedOn: '2025-01-11', reason: 'no_capacity' },
};
const withdraw: ClientCommand = {
  type: 'WithdrawReferral',
  data: { referralId: 'r1', withdrawnOn: '2025-01-11', reason: 'Client moved' },
};
const ruleOf = (org: OrgKey, cmd: ClientCommand, h: History) => violation(() => as(org, cmd, h.state())).rule;

describe('making a referral', () => {
  const make = (
    to: OrganisationRef = ORG.association,
    serviceType = 'rehabilitative_work_activity',
  ): ClientCommand => ({ type: 'MakeReferral', data: { serviceType, to, reason: 'Kuty', madeOn: '2025-01-09' } });
  it('allows a referral to another organisation', () =>
    expect(as('county', make(), new History().registered().state())).toEqual([
      expect.objectContaining({ type: 'ReferralMade' }),
    ]));
  it('refuses a referral to the referrer itself', () =>
    expect(ruleOf('county', make(ORG.county), new History().registered())).toBe('referral.to_self'));
  it('records only the declared fields of the receiving organisation', () => {
    const richer = { ...ORG.association, staff: ['a roster the caller happened to hold'] } as OrganisationRef;
    const [event] = as('county', make(richer), new History().registered().state());
    expect((event.data as { to: unknown }).to).toEqual(ORG.association);
  });
  it('refuses a referral to an unknown service type', () =>
    expect(ruleOf('county', make(ORG.association, 'basket_weaving'), new History().registered())).toBe(
      'service_type.unknown',
    ));
});

describe('answering a referral', () => {
  it('lets the recipient accept an open referral', () =>
    expect(as('association', accept(), referred().state())).toEqual([
      expect.objectContaining({ type: 'ReferralAccepted' }),
    ]));
  it('refuses acceptance by an organisation that is not the recipient', () =>
    expect(ruleOf('county', accept(), referred())).toBe('referral.not_recipient'));
  it('lets the recipient decline an open referral', () =>
    expect(as('association', decline, referred().state())).toHaveLength(1));
  it('refuses a decline by an organisation that is not the recipient', () =>
    expect(ruleOf('employment', decline, referred())).toBe('referral.not_recipient'));
  it('refuses acceptance after a decline', () => {
    const e = violation(() =>
      as('association', accept('2025-01-12'), referred().referralDeclined('r1', '2025-01-11').state()),
    );
    expect(e.rule).toBe('referral.already_declined');
    expect(e.details).toEqual({ status: 'declined' });
  });
  it('refuses a decline after acceptance', () =>
    expect(ruleOf('association', decline, referred().referralAccepted('r1'))).toBe('referral.already_accepted'));
  it('refuses an answer dated before the referral', () =>
    expect(ruleOf('association', accept('2025-01-08'), referred())).toBe('referral.answer_before_referral'));
  it('throws NotFoundInStreamError for an unknown referral', () =>
    expect(() =>
      as(
        'association',
        { type: 'AcceptReferral', data: { referralId: 'ghost', acceptedOn: '2025-01-10' } },
        referred().state(),
      ),
    ).toThrow(NotFoundInStreamError));
});

describe('withdrawing a referral', () => {
  it('lets the referrer withdraw an open referral', () =>
    expect(as('county', withdraw, referred().state())).toEqual([
      expect.objectContaining({ type: 'ReferralWithdrawn' }),
    ]));
  it('refuses a withdrawal by an organisation other than the referrer', () =>
    expect(ruleOf('association', withdraw, referred())).toBe('referral.not_referrer'));
  it('refuses a withdrawal after acceptance', () =>
    expect(ruleOf('county', withdraw, referred().referralAccepted('r1'))).toBe('referral.already_accepted'));
  it('refuses acceptance after a withdrawal', () => {
    const h = referred().add(
      'ReferralWithdrawn',
      { referralId: 'r1', withdrawnOn: '2025-01-10', reason: 'x' },
      'county',
    );
    expect(ruleOf('association', accept('2025-01-11'), h)).toBe('referral.already_withdrawn');
  });
});

describe('unanswered referral on the recipient worklist', () => {
  const referralItems = (h: History) => deadlinesOf(h.state()).filter((d) => d.kind === 'referral_unanswered');
  it('is due 14 days after the referral while open', () =>
    expect(referralItems(referred())).toEqual([
      expect.objectContaining({
        kind: 'referral_unanswered',
        dueDate: '2025-01-23',
        organisationIds: [ORG.association.organisationId],
      }),
    ]));
  it('is gone once accepted', () => expect(referralItems(referred().referralAccepted('r1'))).toEqual([]));
});
