import { ORGANISATION_TYPES, type Actor, type OrganisationType } from '../../../../libs/events/index.js';

export const ROLES = ['officer', 'instructor', 'agency_system', 'auditor', 'admin', 'client'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: the verified token's claims, plus the `Actor` events are recorded under. */
export interface Principal {
  personId: string;
  displayName: string;
  organisationId: string;
  organisationType: OrganisationType;
  role: Role;
  actor: Actor;
}

/** What a token says about its holder (the input of `mintToken`). */
export type PrincipalSpec = Omit<Principal, 'actor'>;

/** The token claim each principal field comes from. */
export const CLAIMS = {
  personId: 'sub',
  displayName: 'name',
  organisationId: 'org',
  organisationType: 'org_type',
  role: 'role',
} as const satisfies Record<keyof PrincipalSpec, string>;

export class InvalidClaimError extends Error {
  override readonly name = 'InvalidClaimError';
  constructor(
    readonly claim: string,
    reason: string,
  ) {
    super(`Token claim '${claim}' ${reason}`);
  }
}

const MAX_TEXT = 200;

/** Claims are checked as strictly as request bodies: they end up in every event's actor. */
export function principalFromClaims(claims: Record<string, unknown>): Principal {
  const personId = text(claims, CLAIMS.personId);
  const displayName = text(claims, CLAIMS.displayName);
  if (claims[CLAIMS.role] === 'client') return clientPrincipal(personId, displayName);
  const organisationId = text(claims, CLAIMS.organisationId);
  const organisationType = oneOf(claims, CLAIMS.organisationType, ORGANISATION_TYPES);
  const role = oneOf(claims, CLAIMS.role, ROLES);
  return {
    personId,
    displayName,
    organisationId,
    organisationType,
    role,
    actor: { personId, displayName, organisationId, organisationType },
  };
}

function text(claims: Record<string, unknown>, claim: string): string {
  const value = claims[claim];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InvalidClaimError(claim, 'must be a non-empty string');
  }
  if (value.length > MAX_TEXT) throw new InvalidClaimError(claim, `must be at most ${MAX_TEXT} characters`);
  return value;
}

function oneOf<T extends string>(claims: Record<string, unknown>, claim: string, allowed: readonly T[]): T {
  const value = claims[claim];
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new InvalidClaimError(claim, `must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/**
 * The client themself (identified e.g. through suomi.fi): `sub` is their client id. They
 * belong to no organisation and may only read their own data and access log.
 */
export const CLIENT_ORGANISATION = 'self';

function clientPrincipal(personId: string, displayName: string): Principal {
  // The actor is never used: clients cannot write (the access policy refuses it).
  const organisationType = 'client' as unknown as OrganisationType;
  return {
    personId,
    displayName,
    organisationId: CLIENT_ORGANISATION,
    organisationType,
    role: 'client',
    actor: { personId, displayName, organisationId: CLIENT_ORGANISATION, organisationType },
  };
}
