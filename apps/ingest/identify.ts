import { HEADERS, type Headers, type IngestAuthMode } from '../../libs/bus/index.js';
import type { Actor } from '../../libs/events/index.js';
import {
  CLAIMS,
  InvalidClaimError,
  principalFromClaims,
  type Principal,
  type Role,
} from '../../libs/auth/principal.js';
import type { TokenVerifier } from '../../libs/auth/token-verifier.js';
import { ProblemException } from '../../libs/problem/problem-exception.js';
import type { InboundActorDto } from '../../libs/commands/envelope/index.js';
import { MessageRejected } from './validate.js';

/** Roles that may publish commands: machine-to-machine integrations and officers. */
export const PUBLISHER_ROLES: readonly Role[] = ['agency_system', 'officer'];

/**
 * Verifications shared by the messages of one fetched batch: an agency system sends many
 * messages with one token, and its signature is checked once per batch.
 */
export interface VerificationScope {
  memo<T>(key: string, make: () => Promise<T>): Promise<T>;
}

/** A failure to reach the identity provider: retry the message, never dead-letter it. */
export class IdentityUnavailable extends Error {
  override readonly name = 'IdentityUnavailable';
}

const HEADER_OF_CLAIM: Record<string, string> = {
  [CLAIMS.personId]: HEADERS.personId,
  [CLAIMS.displayName]: HEADERS.personName,
  [CLAIMS.organisationId]: HEADERS.organisationId,
  [CLAIMS.organisationType]: HEADERS.organisationType,
  [CLAIMS.role]: HEADERS.role,
};

/**
 * Who published the message. `authorization: Bearer <jwt>` is verified exactly like an
 * HTTP bearer token (same verifier, issuer, audience, keys). With KAFKA_INGEST_AUTH=headers
 * a message without a token is taken on the `polku-*` identity headers, trusting the
 * broker's authentication of the producer (development and closed networks only).
 */
export async function identify(
  headers: Headers,
  mode: IngestAuthMode,
  verifier: TokenVerifier,
  scope?: VerificationScope,
): Promise<Principal> {
  const authorization = headers[HEADERS.authorization];
  if (authorization !== undefined || mode === 'jwt') {
    if (authorization === undefined)
      throw new MessageRejected(
        'unauthorised',
        'Missing authorization header: send "Bearer <token>"',
        'headers.authorization',
      );
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match)
      throw new MessageRejected(
        'unauthorised',
        'The authorization header must be "Bearer <token>"',
        'headers.authorization',
      );
    const token = match[1];
    try {
      return await (scope ? scope.memo(`jwt:${token}`, () => verifier.verify(token)) : verifier.verify(token));
    } catch (error) {
      if (error instanceof ProblemException && error.problem.status === 401) {
        throw new MessageRejected(
          'unauthorised',
          error.problem.detail ?? 'The token is invalid',
          'headers.authorization',
        );
      }
      throw new IdentityUnavailable(error instanceof Error ? error.message : String(error), { cause: error });
    }
  }
  try {
    return principalFromClaims({
      [CLAIMS.personId]: headers[HEADERS.personId],
      [CLAIMS.displayName]: headers[HEADERS.personName],
      [CLAIMS.organisationId]: headers[HEADERS.organisationId],
      [CLAIMS.organisationType]: headers[HEADERS.organisationType],
      [CLAIMS.role]: headers[HEADERS.role] ?? 'agency_system',
    });
  } catch (error) {
    if (!(error instanceof InvalidClaimError)) throw error;
    const header = HEADER_OF_CLAIM[error.claim] ?? error.claim;
    throw new MessageRejected(
      'unauthorised',
      `Header '${header}' ${error.message.replace(/^Token claim '[^']+' /, '')}`,
      `headers.${header}`,
    );
  }
}

/** The role gate, and the actor the events are recorded under. */
export function actorFor(principal: Principal, onBehalfOf: InboundActorDto | undefined): Actor {
  if (!PUBLISHER_ROLES.includes(principal.role)) {
    throw new MessageRejected(
      'forbidden',
      `Publishing commands needs one of the roles ${PUBLISHER_ROLES.join(', ')}; the publisher is ${principal.role}`,
    );
  }
  if (!onBehalfOf) return principal.actor;
  if (principal.role !== 'agency_system') {
    throw new MessageRejected('forbidden', 'Only an agency_system publisher may name another person in actor', 'actor');
  }
  if (
    (onBehalfOf.organisationId ?? principal.organisationId) !== principal.organisationId ||
    (onBehalfOf.organisationType ?? principal.organisationType) !== principal.organisationType
  ) {
    throw new MessageRejected(
      'forbidden',
      `actor must belong to the publishing organisation ${principal.organisationId}`,
      'actor.organisationId',
    );
  }
  return {
    personId: onBehalfOf.personId,
    displayName: onBehalfOf.displayName,
    organisationId: principal.organisationId,
    organisationType: principal.organisationType,
  };
}
