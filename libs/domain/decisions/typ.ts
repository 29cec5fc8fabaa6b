import type { ClientPathState } from '../client-path/index.js';
import type { CommandOfType, EventDraft } from './commands.js';
import { draft, ensure, notInFuture, type DecisionContext } from './context.js';

/** TYP relationship (law 381/2023): starts with the multi-sectoral assessment. */
export function startTypRelationship(
  state: ClientPathState,
  cmd: CommandOfType<'StartTypRelationship'>,
  ctx: DecisionContext,
): EventDraft[] {
  const d = cmd.data;
  notInFuture(ctx, d.startDate, 'data.startDate');
  ensure(!state.typ, 'typ_relationship.already_active', `A TYP relationship is active since ${state.typ?.startDate}`);
  const types = new Set(d.parties.map((p) => p.organisationType));
  ensure(
    types.has('employment_authority') && types.has('wellbeing_county'),
    'typ_relationship.parties',
    'The employment authority and the wellbeing county must both be parties',
    'data.parties',
  );
  ensure(
    d.parties.some((p) => p.organisationId === ctx.actor.organisationId),
    'typ_relationship.actor_not_party',
    'Only a party organisation can start the relationship',
    'data.parties',
  );
  return [draft('TypRelationshipStarted', d.startDate, { ...d, relationshipId: d.relationshipId ?? ctx.newId() })];
}

export function endTypRelationship(
  state: ClientPathState,
  cmd: CommandOfType<'EndTypRelationship'>,
  ctx: DecisionContext,
): EventDraft[] {
  const typ = state.typ;
  ensure(typ, 'typ_relationship.not_active', 'The client has no active TYP relationship');
  // Ending is the agencies' joint assessment: only a party records it.
  ensure(
    typ.parties.some((p) => p.organisationId === ctx.actor.organisationId),
    'typ_relationship.actor_not_party',
    'Only a party organisation records the end of the relationship',
  );
  notInFuture(ctx, cmd.data.endDate, 'data.endDate');
  ensure(
    cmd.data.endDate >= typ.startDate,
    'typ_relationship.end_before_start',
    'endDate is before the start',
    'data.endDate',
  );
  return [draft('TypRelationshipEnded', cmd.data.endDate, { ...cmd.data, relationshipId: typ.relationshipId })];
}

export function recordServiceNeedAssessment(
  state: ClientPathState,
  cmd: CommandOfType<'RecordServiceNeedAssessment'>,
  ctx: DecisionContext,
): EventDraft[] {
  ensure(
    state.typ,
    'service_need_assessment.requires_typ_relationship',
    'A multi-sectoral assessment belongs to an active TYP relationship',
  );
  notInFuture(ctx, cmd.data.assessedOn, 'data.assessedOn');
  ensure(
    cmd.data.assessedOn >= state.typ.startDate,
    'service_need_assessment.before_typ_start',
    `The relationship starts with the assessment (${state.typ.startDate}); the assessment cannot predate it`,
    'data.assessedOn',
  );
  return [
    draft('ServiceNeedAssessmentRecorded', cmd.data.assessedOn, {
      ...cmd.data,
      assessmentId: cmd.data.assessmentId ?? ctx.newId(),
    }),
  ];
}
