import type { ClientPathState, ReferralState } from '../client-path/index.js';
import { NotFoundInStreamError } from '../errors.js';
import { serviceTypeRules } from '../rule-sets/index.js';
import type { CommandOfType, EventDraft } from './commands.js';
import { draft, ensure, notInFuture, organisationRef, rulesFor, type DecisionContext } from './context.js';

export function makeReferral(
  _s: ClientPathState,
  cmd: CommandOfType<'MakeReferral'>,
  ctx: DecisionContext,
): EventDraft[] {
  const d = cmd.data;
  notInFuture(ctx, d.madeOn, 'data.madeOn');
  ensure(
    serviceTypeRules(rulesFor(ctx, d.madeOn), d.serviceType),
    'service_type.unknown',
    `Unknown service type '${d.serviceType}'`,
    'data.serviceType',
  );
  ensure(
    d.to.organisationId !== ctx.actor.organisationId,
    'referral.to_self',
    'A referral goes to another organisation',
    'data.to.organisationId',
  );
  return [
    draft('ReferralMade', d.madeOn, { ...d, to: organisationRef(d.to), referralId: d.referralId ?? ctx.newId() }),
  ];
}

/** Lifecycle: open → accepted | declined | withdrawn; nothing leaves a closed state. */
function openReferral(
  state: ClientPathState,
  referralId: string,
  answeredOn: string,
  ctx: DecisionContext,
): ReferralState {
  const r = state.referrals[referralId];
  if (!r) throw new NotFoundInStreamError('referral', referralId);
  ensure(
    r.status === 'open',
    `referral.already_${r.status}`,
    `The referral is already ${r.status}`,
    'data.referralId',
    { status: r.status },
  );
  ensure(answeredOn >= r.madeOn, 'referral.answer_before_referral', 'The answer cannot predate the referral');
  notInFuture(ctx, answeredOn, 'data');
  return r;
}

/** An open referral the actor's organisation received: only the recipient answers one. */
function answerableReferral(state: ClientPathState, referralId: string, on: string, ctx: DecisionContext): void {
  const r = openReferral(state, referralId, on, ctx);
  ensure(
    r.to.organisationId === ctx.actor.organisationId,
    'referral.not_recipient',
    'Only the receiving organisation answers a referral',
  );
}

export function acceptReferral(
  state: ClientPathState,
  cmd: CommandOfType<'AcceptReferral'>,
  ctx: DecisionContext,
): EventDraft[] {
  answerableReferral(state, cmd.data.referralId, cmd.data.acceptedOn, ctx);
  return [draft('ReferralAccepted', cmd.data.acceptedOn, cmd.data)];
}

export function declineReferral(
  state: ClientPathState,
  cmd: CommandOfType<'DeclineReferral'>,
  ctx: DecisionContext,
): EventDraft[] {
  answerableReferral(state, cmd.data.referralId, cmd.data.declinedOn, ctx);
  return [draft('ReferralDeclined', cmd.data.declinedOn, cmd.data)];
}

export function withdrawReferral(
  state: ClientPathState,
  cmd: CommandOfType<'WithdrawReferral'>,
  ctx: DecisionContext,
): EventDraft[] {
  const r = openReferral(state, cmd.data.referralId, cmd.data.withdrawnOn, ctx);
  ensure(
    r.from.organisationId === ctx.actor.organisationId,
    'referral.not_referrer',
    'Only the referring organisation withdraws a referral',
  );
  return [draft('ReferralWithdrawn', cmd.data.withdrawnOn, cmd.data)];
}
