import {
  isDomainEvent,
  ORGANISATION_TYPES,
  type OrganisationRef,
  type OrganisationType,
  type PolkuDomainEvent,
  type RecordedEvent,
} from '../../events/index.js';
import type { NamedOrganisation } from '../../read-store/index.js';

/**
 * The organisations a client's events name, carried in the projection state (positions as
 * text: the state is JSON) and turned into the model's rows for the organisation directory.
 */
export interface SeenOrganisation {
  organisationId: string;
  organisationType: OrganisationType;
  position: string;
  name: string | null;
  namePosition: string;
}

/** The references an event's data carries (the author's organisation comes from the envelope). */
function referencesOf(e: PolkuDomainEvent): OrganisationRef[] {
  switch (e.type) {
    case 'TypRelationshipStarted':
      return e.data.parties;
    case 'MultisectoralPlanAgreed':
      return e.data.approvedByOrganisations;
    case 'ReferralMade':
      return [e.data.to];
    case 'ServicePeriodStarted':
      return [e.data.provider];
    case 'PersonNamed':
      return [e.data.organisation];
    case 'ResponsibleOfficerAssigned':
      return [e.data.organisation];
    default:
      return [];
  }
}

const TYPES: readonly string[] = ORGANISATION_TYPES;
const isReference = (r: unknown): r is OrganisationRef =>
  typeof r === 'object' &&
  r !== null &&
  typeof (r as OrganisationRef).organisationId === 'string' &&
  (r as OrganisationRef).organisationId !== '' &&
  TYPES.includes((r as OrganisationRef).organisationType);

/**
 * Notes every organisation the event names: the recording organisation (no name in the
 * envelope) and the references in its data. Mutates `seen`, which the caller owns.
 */
export function noteOrganisations(seen: Map<string, SeenOrganisation>, e: RecordedEvent): void {
  const position = e.globalPosition.toString();
  const refs: unknown[] = [
    { organisationId: e.actor.organisationId, organisationType: e.actor.organisationType },
    ...(isDomainEvent(e) ? referencesOf(e) : []),
  ];
  for (const ref of refs) {
    if (!isReference(ref)) continue; // an upcast or foreign shape: nothing to learn from it
    const name = typeof ref.name === 'string' && ref.name.trim() !== '' ? ref.name.trim() : null;
    const known = seen.get(ref.organisationId);
    const named = name !== null || !known;
    seen.set(ref.organisationId, {
      organisationId: ref.organisationId,
      organisationType: ref.organisationType,
      position,
      name: named ? name : known.name,
      namePosition: named ? (name === null ? '0' : position) : known.namePosition,
    });
  }
}

/** The carried list as a map the fold may extend (copies: the stored state stays as it was). */
export const seenOrganisationsOf = (list: readonly SeenOrganisation[] | undefined): Map<string, SeenOrganisation> =>
  new Map((list ?? []).map((o) => [o.organisationId, { ...o }]));

export const namedOrganisationsOf = (list: readonly SeenOrganisation[] | undefined): NamedOrganisation[] =>
  (list ?? []).map((o) => ({
    organisationId: o.organisationId,
    organisationType: o.organisationType,
    position: BigInt(o.position),
    name: o.name,
    namePosition: BigInt(o.namePosition),
  }));
