import { createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { ProblemException, ProblemTypes } from '../problem/index.js';
import type { TokenSettings } from './token-settings.js';
import { InvalidClaimError, principalFromClaims, type Principal } from './principal.js';
import { VerifiedTokenCache } from './verified-token-cache.js';
import { WEB_SESSION_TOKEN } from './web-session-token-kind.js';

/** Asymmetric only: accepting HS* with a public key would let anyone forge tokens. */
const JWKS_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
];

const CLOCK_TOLERANCE_SECONDS = 30;

/**
 * Verifies bearer tokens and turns their claims into a `Principal`. A token verified once
 * is remembered until it expires (see VerifiedTokenCache), so clients that reuse their
 * token pay for the signature check once. A plain class: the API's guard and the Kafka
 * ingest both construct one from their configuration.
 */
export class TokenVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private readonly algorithms: string[];
  private readonly verified = new VerifiedTokenCache(10_000, CLOCK_TOLERANCE_SECONDS);

  /**
   * `tokenType` set: only tokens whose `typ` header is that (the browser session's verifier);
   * unset: bearer tokens, and a token typed as a browser session's is refused whatever signed it.
   */
  constructor(
    private readonly config: { auth: TokenSettings },
    private readonly clock: () => Date, // the only source of "now", so tests can fix time
    private readonly tokenType?: string,
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
    const now = this.clock();
    const nowSeconds = Math.floor(now.getTime() / 1000);
    const known = this.verified.get(token, nowSeconds);
    if (known && (await this.keyStillServed(known.header, known.key))) return known.principal;

    // The kind of token first: the wrong kind is refused by name, whichever key signed it.
    const typeProblem = this.typeProblemOf(token);
    if (typeProblem) throw unauthorized(typeProblem);
    let payload: Record<string, unknown>;
    let header: Record<string, unknown>;
    let usedKey: unknown;
    try {
      // Resolving the key through this closure records which key verified the signature.
      const key =
        typeof this.key === 'function'
          ? async (...args: Parameters<JWTVerifyGetKey>) => (usedKey = await (this.key as JWTVerifyGetKey)(...args))
          : this.key;
      ({ payload, protectedHeader: header } = await jwtVerify(token, key as JWTVerifyGetKey, {
        issuer: this.config.auth.issuer,
        audience: this.config.auth.audience,
        algorithms: this.algorithms,
        requiredClaims: ['exp', 'sub'],
        currentDate: now,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      }));
    } catch (error) {
      this.verified.delete(token);
      throw verificationProblem(error);
    }
    let principal: Principal;
    try {
      principal = principalFromClaims(payload);
    } catch (error) {
      if (error instanceof InvalidClaimError) throw unauthorized(error.message, { claim: error.claim });
      throw error;
    }
    // Shared by every request that presents this token.
    Object.freeze(principal.actor);
    Object.freeze(principal);
    this.verified.set(
      token,
      {
        principal,
        exp: payload.exp as number,
        nbf: payload.nbf as number | undefined,
        key: usedKey,
        header,
      },
      nowSeconds,
    );
    return principal;
  }

  /** Why a token of this `typ` is not for this verifier, if it is not. */
  private typeProblemOf(token: string): string | undefined {
    let header: Record<string, unknown>;
    try {
      header = decodeProtectedHeader(token);
    } catch {
      return undefined; // malformed: jwtVerify refuses it as such
    }
    const typ = typeof header.typ === 'string' ? header.typ.toLowerCase().replace(/^application\//, '') : undefined;
    if (this.tokenType !== undefined)
      return typ === this.tokenType ? undefined : 'Only a browser-session token is accepted here.';
    return typ === WEB_SESSION_TOKEN.type ? 'A browser-session token is not accepted as a bearer token.' : undefined;
  }

  /**
   * jwks mode: the identity provider's current key set (fetched again when jose's copy is
   * stale) must still resolve the token's header to the very key that verified it; a key
   * rotated out, or a reloaded set, sends the token through full verification again.
   */
  private async keyStillServed(header: Record<string, unknown> | undefined, key: unknown): Promise<boolean> {
    if (typeof this.key !== 'function') return true; // hs256: the secret changes only with a restart
    try {
      return (await this.key(header as Parameters<JWTVerifyGetKey>[0], { payload: '', signature: '' })) === key;
    } catch {
      return false;
    }
  }
}

export function unauthorized(detail: string, extensions: Record<string, unknown> = {}): ProblemException {
  return new ProblemException({
    type: ProblemTypes.unauthorized,
    title: 'Unauthorized',
    status: 401,
    detail,
    ...extensions,
  });
}

function verificationProblem(error: unknown): Error {
  if (error instanceof errors.JWKSTimeout) {
    return new ProblemException(
      {
        type: ProblemTypes.serviceUnavailable,
        title: 'Service unavailable',
        status: 503,
        detail: 'The identity provider keys could not be fetched; try again shortly.',
      },
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
