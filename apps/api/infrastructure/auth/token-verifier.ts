import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { ApiConfig } from '../../config.js';
import { ProblemException } from '../problem/problem-exception.js';
import { ProblemTypes } from '../problem/problem-types.js';
import { API_CONFIG, CLOCK, type Clock } from '../tokens.js';
import { InvalidClaimError, principalFromClaims, type Principal } from './principal.js';

/** Asymmetric only: accepting HS* with a public key would let anyone forge tokens. */
const JWKS_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];

/** Verifies bearer tokens and turns their claims into a `Principal`. */
@Injectable()
export class TokenVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private readonly algorithms: string[];

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    const auth = config.auth;
    if (auth.mode === 'hs256') {
      this.key = new TextEncoder().encode(auth.secret);
      this.algorithms = ['HS256'];
    } else {
      // Caches keys and refetches on an unknown `kid`, so IdP key rotation needs no restart.
      this.key = createRemoteJWKSet(new URL(auth.jwksUrl));
      this.algorithms = JWKS_ALGORITHMS;
    }
  }

  async verify(token: string): Promise<Principal> {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, this.key as JWTVerifyGetKey, {
        issuer: this.config.auth.issuer,
        audience: this.config.auth.audience,
        algorithms: this.algorithms,
        requiredClaims: ['exp', 'sub'],
        currentDate: this.clock(),
        clockTolerance: 30,
      }));
    } catch (error) {
      throw verificationProblem(error);
    }
    try {
      return principalFromClaims(payload);
    } catch (error) {
      if (error instanceof InvalidClaimError) throw unauthorized(error.message, { claim: error.claim });
      throw error;
    }
  }
}

export function unauthorized(detail: string, extensions: Record<string, unknown> = {}): ProblemException {
  return new ProblemException({ type: ProblemTypes.unauthorized, title: 'Unauthorized', status: 401, detail, ...extensions });
}

function verificationProblem(error: unknown): Error {
  if (error instanceof errors.JWKSTimeout) {
    return new ProblemException(
      { type: ProblemTypes.serviceUnavailable, title: 'Service unavailable', status: 503, detail: 'The identity provider keys could not be fetched; try again shortly.' },
      { cause: error },
    );
  }
  if (error instanceof errors.JWTExpired) return unauthorized('The token has expired.', { claim: 'exp' });
  if (error instanceof errors.JWTClaimValidationFailed) {
    return unauthorized(`Token claim '${error.claim}' is invalid (${error.reason}).`, { claim: error.claim });
  }
  if (error instanceof errors.JOSEError) return unauthorized('The token is invalid or its signature does not verify.');
  return error instanceof Error ? error : new Error(String(error)); // e.g. JWKS fetch failure: a 500, logged
}
