import type { ClientPathState, NamedPerson } from '../client-path/index.js';
import { NotFoundInStreamError } from '../errors.js';
import type { IsoDate } from '../time/index.js';
import type { CommandOfType, EventDraft } from './commands.js';
import { draft, ensure, notInFuture, organisationRef, type DecisionContext } from './context.js';

/** Roles that can lead the client's path (asiakasvastaava): not a provider's instructor. */
const LEAD_ROLES = new Set(['responsible_officer', 'named_worker']);

/**
 * Each organisation names its own people on a client, each in a role; naming one never
 * ends another's. An own instructor (omaohjaaja) is named on a period, by its provider.
 */
export function namePerson(
  state: ClientPathState,
  cmd: CommandOfType<'NamePerson'>,
  ctx: DecisionContext,
): EventDraft[] {
  const d = cmd.data;
  notInFuture(ctx, d.namedOn, 'data.namedOn');
  let organisation = d.organisation ?? {
    organisationId: ctx.actor.organisationId,
    organisationType: ctx.actor.organisationType,
  };
  if (d.role === 'own_instructor') {
    ensure(d.periodId, 'person.period_required', 'An own instructor is named on a service period', 'data.periodId');
    const p = state.periods[d.periodId];
    if (!p) throw new NotFoundInStreamError('service period', d.periodId);
    ensure(p.status !== 'ended', 'service_period.ended', 'The period has ended', 'data.periodId');
    ensure(
      d.namedOn >= p.startDate,
      'service_period.date_before_start',
      `The period starts on ${p.startDate}`,
      'data.namedOn',
    );
    organisation = d.organisation ?? { organisationId: p.provider.organisationId, organisationType: 'provider' };
    ensure(
      organisation.organisationId === p.provider.organisationId,
      'person.own_instructor_of_provider',
      "The own instructor is the period's provider's person",
      'data.organisation',
    );
  } else {
    ensure(
      !d.periodId,
      'person.period_only_for_instructor',
      'Only an own instructor is named on a period',
      'data.periodId',
    );
  }
  ensure(
    !d.lead || LEAD_ROLES.has(d.role),
    'person.lead_role',
    'The lead responsible officer is a responsible officer or a named worker',
    'data.lead',
  );
  ensure(
    !state.people.some(
      (p) =>
        p.personId === d.personId &&
        p.role === d.role &&
        p.organisation.organisationId === organisation.organisationId &&
        (p.periodId ?? null) === (d.periodId ?? null),
    ),
    'person.already_named',
    `${d.personName} is already named in this role`,
    'data.personId',
  );
  return [draft('PersonNamed', d.namedOn, { ...d, organisation: organisationRef(organisation) })];
}

function namedNow(
  state: ClientPathState,
  personId: string,
  role: string,
  organisationId: string | undefined,
  periodId?: string,
): NamedPerson {
  const found = state.people.filter(
    (p) =>
      p.personId === personId &&
      p.role === role &&
      (!organisationId || p.organisation.organisationId === organisationId) &&
      (!periodId || p.periodId === periodId),
  );
  ensure(found.length > 0, 'person.not_named', 'That person is not named on the client in that role', 'data.personId');
  ensure(
    found.length === 1,
    'person.ambiguous',
    'The person is named in that role more than once: give organisationId (and periodId)',
    'data.organisationId',
  );
  return found[0];
}

export function releasePerson(
  state: ClientPathState,
  cmd: CommandOfType<'ReleasePerson'>,
  ctx: DecisionContext,
): EventDraft[] {
  const d = cmd.data;
  notInFuture(ctx, d.releasedOn, 'data.releasedOn');
  const p = namedNow(state, d.personId, d.role, d.organisationId, d.periodId);
  ensure(
    p.organisation.organisationId === ctx.actor.organisationId,
    'person.release_by_own_organisation',
    'An organisation releases only the people it named',
    'data.personId',
  );
  ensure(
    d.releasedOn >= p.from,
    'person.release_before_naming',
    `The person was named on ${p.from}`,
    'data.releasedOn',
  );
  return [
    draft('PersonReleased', d.releasedOn, {
      ...d,
      organisationId: p.organisation.organisationId,
      ...(p.periodId ? { periodId: p.periodId } : {}),
    }),
  ];
}

export function designateLeadOfficer(
  state: ClientPathState,
  cmd: CommandOfType<'DesignateLeadOfficer'>,
  ctx: DecisionContext,
): EventDraft[] {
  const d = cmd.data;
  notInFuture(ctx, d.designatedOn, 'data.designatedOn');
  ensure(
    state.people.some((p) => p.personId === d.personId && LEAD_ROLES.has(p.role)),
    'person.lead_not_named',
    'The lead responsible officer must be named on the client as a responsible officer or named worker',
    'data.personId',
  );
  ensure(
    state.leadOfficerId !== d.personId,
    'person.already_lead',
    'The person is already the lead responsible officer',
    'data.personId',
  );
  return [draft('LeadOfficerDesignated', d.designatedOn, d)];
}

/** The people on record on a date (named on or before it, not released before it). */
export const peopleOn = (state: ClientPathState, date: IsoDate): NamedPerson[] =>
  state.peopleHistory.filter((p) => p.from <= date && (!p.to || p.to >= date));
