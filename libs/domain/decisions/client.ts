import type { ClientPathState } from '../client-path/index.js';
import type { CommandOfType, EventDraft } from './commands.js';
import { draft, ensure, notInFuture, type DecisionContext } from './context.js';
import { NotFoundInStreamError } from '../errors.js';
import { isPlausibleBirthDate, MAX_CLIENT_AGE_YEARS } from '../time/index.js';

export function registerClient(
  state: ClientPathState,
  cmd: CommandOfType<'RegisterClient'>,
  ctx: DecisionContext,
): EventDraft[] {
  ensure(!state.registered, 'client.already_registered', 'The client is already registered');
  notInFuture(ctx, cmd.data.birthDate, 'data.birthDate');
  ensure(
    isPlausibleBirthDate(cmd.data.birthDate, ctx.today),
    'client.birth_date_implausible',
    `birthDate ${cmd.data.birthDate} means an age over ${MAX_CLIENT_AGE_YEARS} years`,
    'data.birthDate',
    { maxAgeYears: MAX_CLIENT_AGE_YEARS },
  );
  return [draft('ClientRegistered', ctx.today, cmd.data)];
}

export function giveConsent(
  state: ClientPathState,
  cmd: CommandOfType<'GiveConsent'>,
  ctx: DecisionContext,
): EventDraft[] {
  const consentId = cmd.data.consentId ?? ctx.newId();
  ensure(!state.consents[consentId], 'consent.duplicate_id', `Consent ${consentId} exists already`, 'data.consentId');
  if (cmd.data.validUntil)
    ensure(cmd.data.validUntil >= ctx.today, 'consent.expired', 'validUntil is in the past', 'data.validUntil');
  return [draft('ConsentGiven', ctx.today, { ...cmd.data, consentId })];
}

function activeConsent(state: ClientPathState, consentId: string) {
  const c = state.consents[consentId];
  if (!c) throw new NotFoundInStreamError('consent', consentId);
  ensure(
    !c.withdrawnOn,
    'consent.already_withdrawn',
    `Consent ${consentId} was withdrawn on ${c.withdrawnOn}`,
    'data.consentId',
  );
  return c;
}

export function limitConsent(
  state: ClientPathState,
  cmd: CommandOfType<'LimitConsent'>,
  ctx: DecisionContext,
): EventDraft[] {
  activeConsent(state, cmd.data.consentId);
  return [draft('ConsentLimited', ctx.today, cmd.data)];
}

export function withdrawConsent(
  state: ClientPathState,
  cmd: CommandOfType<'WithdrawConsent'>,
  ctx: DecisionContext,
): EventDraft[] {
  activeConsent(state, cmd.data.consentId);
  return [draft('ConsentWithdrawn', ctx.today, cmd.data)];
}

export function recordBenefitStatus(
  _s: ClientPathState,
  cmd: CommandOfType<'RecordBenefitStatus'>,
  ctx: DecisionContext,
): EventDraft[] {
  notInFuture(ctx, cmd.data.asOf, 'data.asOf');
  const d = cmd.data;
  ensure(
    d.labourMarketSubsidyDaysLast12Months <= d.labourMarketSubsidyDaysTotal,
    'benefit_status.inconsistent',
    'Subsidy days in the last 12 months exceed the total',
    'data.labourMarketSubsidyDaysLast12Months',
  );
  ensure(
    d.labourMarketSubsidyDaysLast12Months <= 366,
    'benefit_status.inconsistent',
    'At most 366 days fit in 12 months',
    'data.labourMarketSubsidyDaysLast12Months',
  );
  return [draft('BenefitStatusRecorded', d.asOf, d)];
}

export function recordWorkAbilityAssessment(
  _s: ClientPathState,
  cmd: CommandOfType<'RecordWorkAbilityAssessment'>,
  ctx: DecisionContext,
): EventDraft[] {
  notInFuture(ctx, cmd.data.assessedOn, 'data.assessedOn');
  return [
    draft('WorkAbilityAssessmentRecorded', cmd.data.assessedOn, {
      ...cmd.data,
      assessmentId: cmd.data.assessmentId ?? ctx.newId(),
    }),
  ];
}
