import type { ClientPathState } from '../client-path/index.js';
import { retentionEndsOn } from '../rules/index.js';
import type { CommandOfType, EventDraft } from './commands.js';
import { draft, ensure, rulesFor, type DecisionContext } from './context.js';

/**
 * Erasure after retention (4 years after the TYP relationship ended), or at the client's
 * request where no law requires keeping the data; the ground is recorded.
 */
export function eraseClientData(state: ClientPathState, cmd: CommandOfType<'EraseClientData'>, ctx: DecisionContext): EventDraft[] {
  ensure(!state.erased, 'erasure.already_erased', 'The client\'s personal data is already erased');
  if (cmd.data.ground === 'typ_retention') {
    ensure(!state.typ, 'erasure.typ_relationship_active', 'The TYP relationship is still active');
    const ends = retentionEndsOn(state, ctx.ruleSetFor);
    ensure(ends && ends <= ctx.today, 'erasure.retention_not_passed',
      ends ? `Retention runs until ${ends}` : 'The client has no ended TYP relationship', undefined, { retentionEndsOn: ends });
  }
  const ground = cmd.data.ground === 'typ_retention' ? `typ_retention_${rulesFor(ctx, ctx.today).typRetentionYears}_years` : 'client_request';
  return [draft('ClientDataErased', ctx.today, { erasedOn: ctx.today, ground, ...(cmd.data.note ? { note: cmd.data.note } : {}) })];
}
