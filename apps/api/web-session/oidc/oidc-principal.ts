import type { JWTPayload } from 'jose';
import {
  CLAIMS,
  InvalidClaimError,
  principalFromClaims,
  type Principal,
  type PrincipalSpec,
  type Role,
} from '../../../../libs/auth/principal.js';

/** The roles that work in the browser workspace; agency systems and admins use the API with their own tokens. */
export const BROWSER_ROLES: readonly Role[] = ['officer', 'instructor', 'auditor', 'client'];
/** Organisation ids as elsewhere in the API (ID_PATTERN). */
const ORGANISATION_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export class OidcClaimsRefusedError extends Error {
  override readonly name = 'OidcClaimsRefusedError';
  constructor(
    readonly claim: string,
    reason: string,
  ) {
    super(`The identity provider's claim '${claim}' ${reason}`);
  }
}

/**
 * The ID token's claims as a Polku principal, by the documented claim names (`sub` person id,
 * `name`, `org` organisation id, `org_type` organisation type, `role`): the same names and
 * checks as bearer tokens. An unknown organisation type or a role the workspace has no place
 * for is refused, never guessed.
 */
export function principalFromIdToken(claims: JWTPayload): PrincipalSpec {
  let principal: Principal;
  try {
    principal = principalFromClaims(claims as Record<string, unknown>);
  } catch (error) {
    if (error instanceof InvalidClaimError)
      throw new OidcClaimsRefusedError(error.claim, error.message.replace(/^Token claim '[^']*' /, ''));
    throw error;
  }
  if (!BROWSER_ROLES.includes(principal.role)) {
    throw new OidcClaimsRefusedError(
      CLAIMS.role,
      `is "${principal.role}": the workspace signs in ${BROWSER_ROLES.join(', ')}`,
    );
  }
  if (!ORGANISATION_ID.test(principal.organisationId)) {
    throw new OidcClaimsRefusedError(CLAIMS.organisationId, 'is not an organisation id');
  }
  const { actor: _actor, ...spec } = principal;
  return spec;
}
