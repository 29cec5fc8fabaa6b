import type { ClientPathState } from '../client-path/index.js';
import { retentionOf } from '../rules/index.js';
import type { CommandOfType, EventDraft } from './commands.js';
import { draft, ensure, type DecisionContext } from './context.js';

/**
 * Erasure by the law. When the retention period has ended (4 years after the TYP relationship
 * ended; for a client who never had one, a settable period after the last event). At the
 * client's request while retention still runs only with the legal ground the register keeper
 * records: a statutory retention duty overrides the request (GDPR art. 17(3)(b)).
 */
export function eraseClientData(
  state: ClientPathState,
  cmd: CommandOfType<'EraseClientData'>,
  ctx: DecisionContext,
): EventDraft[] {
  ensure(!state.erased, 'erasure.already_erased', "The client's personal data is already erased");
  const retention = retentionOf(state, ctx.ruleSetFor);
  const runs = !retention.endsOn || retention.endsOn > ctx.today;
  if (cmd.data.ground === 'retention_ended') {
    ensure(!state.typ, 'erasure.typ_relationship_active', 'The TYP relationship is still active');
    ensure(
      !runs,
      'erasure.retention_not_passed',
      retention.endsOn
        ? `Retention runs until ${retention.endsOn} (${retention.basis})`
        : "The client's retention period has not started",
      'ground',
      { retentionEndsOn: retention.endsOn, basis: retention.basis },
    );
  } else {
    ensure(
      !runs || cmd.data.legalGround,
      'erasure.retention_period_running',
      `A statutory retention period runs until ${retention.endsOn ?? `(the TYP relationship ends + ${retention.years} years)`}: erasure at the client's request needs the legal ground the register keeper records`,
      'legalGround',
      { retentionEndsOn: retention.endsOn, basis: retention.basis },
    );
  }
  const ground =
    cmd.data.ground === 'retention_ended' ? `${retention.basis}_${retention.years}_years` : 'client_request';
  return [
    draft('ClientDataErased', ctx.today, {
      erasedOn: ctx.today,
      ground,
      ...(cmd.data.note ? { note: cmd.data.note } : {}),
      ...(cmd.data.ground === 'client_request' && runs && cmd.data.legalGround
        ? { legalGround: cmd.data.legalGround }
        : {}),
    }),
  ];
}
