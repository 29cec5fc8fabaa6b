import { SignJWT } from 'jose';
import { CLAIMS, type PrincipalSpec } from './principal.js';

export interface MintSpec extends PrincipalSpec {
  /** Lifetime like '90s', '15m', '8h', '2d' (default '8h'). */
  ttl?: string;
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** A token lifetime that is not a positive number of s, m, h or d. */
export class InvalidTtlError extends Error {
  override readonly name = 'InvalidTtlError';
  constructor(readonly ttl: string) {
    super(`Invalid ttl "${ttl}": use a positive number followed by s, m, h or d (e.g. 8h)`);
  }
}

/** Seconds in a ttl string; throws on anything else so a typo never mints a forever token. */
export function parseTtl(ttl: string): number {
  const match = /^(\d+)([smhd])$/.exec(ttl);
  if (!match || Number(match[1]) === 0) {
    throw new InvalidTtlError(ttl);
  }
  return Number(match[1]) * UNIT_SECONDS[match[2]];
}

/**
 * Signs an HS256 token the API accepts in `AUTH_MODE=hs256`. For tests, demos and the
 * `npm run token` CLI; production tokens come from the identity provider (jwks mode).
 * `now` lets tests mint tokens on the same fixed clock the app runs on; `claims` adds claims
 * beyond the principal's (e.g. how a browser session was signed in); `typ` marks a kind of token
 * (a browser session's, see web-session-token.ts).
 */
export async function mintToken(
  spec: MintSpec,
  secret: string,
  issuer: string,
  audience: string,
  options: { now?: Date; claims?: Record<string, string>; typ?: string } = {},
): Promise<string> {
  const iat = Math.floor((options.now ?? new Date()).getTime() / 1000);
  return new SignJWT({
    ...options.claims,
    [CLAIMS.displayName]: spec.displayName,
    [CLAIMS.organisationId]: spec.organisationId,
    [CLAIMS.organisationType]: spec.organisationType,
    [CLAIMS.role]: spec.role,
  })
    .setProtectedHeader({ alg: 'HS256', typ: options.typ ?? 'JWT' })
    .setSubject(spec.personId)
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + parseTtl(spec.ttl ?? '8h'))
    .sign(new TextEncoder().encode(secret));
}
