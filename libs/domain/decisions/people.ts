import type { ClientPathState } from '../client-path/index.js';
import { NotFoundInStreamError } from '../errors.js';
import type { CommandOfType, EventDraft } from './commands.js';
import { draft, ensure, notInFuture, type DecisionContext } from './context.js';

/** One named responsible officer at a time; assigning a new one ends the previous one. */
export function assignResponsibleOfficer(state: ClientPathState, cmd: CommandOfType<'AssignResponsibleOfficer'>, ctx: DecisionContext): EventDraft[] {
  const d = cmd.data;
  notInFuture(ctx, d.assignedOn, 'data.assignedOn');
  ensure(state.responsibleOfficer?.officerId !== d.officerId, 'responsible_officer.already_assigned', `${d.officerName} is already the responsible officer`, 'data.officerId');
  ensure(!state.responsibleOfficer || d.assignedOn >= state.responsibleOfficer.from, 'responsible_officer.before_current',
    'The new assignment cannot predate the current one', 'data.assignedOn');
  const organisation = d.organisation ?? { organisationId: ctx.actor.organisationId, organisationType: ctx.actor.organisationType };
  return [draft('ResponsibleOfficerAssigned', d.assignedOn, { ...d, organisation })];
}

export function releaseResponsibleOfficer(state: ClientPathState, cmd: CommandOfType<'ReleaseResponsibleOfficer'>, ctx: DecisionContext): EventDraft[] {
  notInFuture(ctx, cmd.data.releasedOn, 'data.releasedOn');
  ensure(state.responsibleOfficer?.officerId === cmd.data.officerId, 'responsible_officer.not_assigned',
    'That person is not the current responsible officer', 'data.officerId');
  ensure(cmd.data.releasedOn >= state.responsibleOfficer.from, 'responsible_officer.release_before_assignment',
    `The officer was assigned on ${state.responsibleOfficer.from}`, 'data.releasedOn');
  return [draft('ResponsibleOfficerReleased', cmd.data.releasedOn, cmd.data)];
}

export function assignOwnInstructor(state: ClientPathState, cmd: CommandOfType<'AssignOwnInstructor'>, ctx: DecisionContext): EventDraft[] {
  const p = state.periods[cmd.data.periodId];
  if (!p) throw new NotFoundInStreamError('service period', cmd.data.periodId);
  ensure(p.status !== 'ended', 'service_period.ended', 'The period has ended', 'data.periodId');
  notInFuture(ctx, cmd.data.assignedOn, 'data.assignedOn');
  return [draft('OwnInstructorAssigned', cmd.data.assignedOn, cmd.data)];
}
