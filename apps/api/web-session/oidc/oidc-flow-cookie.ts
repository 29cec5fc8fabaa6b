import { createHash, randomBytes } from 'node:crypto';
import { EncryptJWT, jwtDecrypt } from 'jose';

/**
 * What the browser carries between `/session/oidc/start` and the callback: state, nonce and
 * the PKCE verifier, encrypted (A256GCM) so neither page scripts nor the network learn the
 * verifier, and short-lived. `SameSite=Lax`: the callback is a top-level navigation back
 * from the issuer, which a Strict cookie would miss.
 */
export const OIDC_FLOW_COOKIE = 'polku_oidc';
const FLOW_PATH = '/session/oidc';
export const FLOW_TTL_SECONDS = 600;

export interface OidcFlow {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export function newFlow(): OidcFlow {
  const random = () => randomBytes(32).toString('base64url');
  return { state: random(), nonce: random(), codeVerifier: random() };
}

/** RFC 7636 S256: base64url(sha256(verifier)). */
export function codeChallengeOf(codeVerifier: string): string {
  return createHash('sha256').update(codeVerifier).digest('base64url');
}

/** The flow cookie's key, derived from the client secret (which only the API knows). */
export function flowKeyFrom(clientSecret: string): Uint8Array {
  return createHash('sha256').update('polku-oidc-flow\0').update(clientSecret).digest();
}

export async function sealFlow(flow: OidcFlow, key: Uint8Array, now: Date): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new EncryptJWT({ ...flow })
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setIssuedAt(iat)
    .setExpirationTime(iat + FLOW_TTL_SECONDS)
    .encrypt(key);
}

/** The flow, or undefined when the cookie is missing, tampered with or expired. */
export async function openFlow(sealed: string | undefined, key: Uint8Array, now: Date): Promise<OidcFlow | undefined> {
  if (!sealed) return undefined;
  try {
    const { payload } = await jwtDecrypt(sealed, key, { currentDate: now });
    const { state, nonce, codeVerifier } = payload;
    if (typeof state !== 'string' || typeof nonce !== 'string' || typeof codeVerifier !== 'string') return undefined;
    return { state, nonce, codeVerifier };
  } catch {
    return undefined;
  }
}

export function flowCookie(sealed: string | null, secure: boolean): string {
  const attributes = [`Path=${FLOW_PATH}`, 'HttpOnly', 'SameSite=Lax', ...(secure ? ['Secure'] : [])];
  return sealed === null
    ? [`${OIDC_FLOW_COOKIE}=`, ...attributes, 'Max-Age=0'].join('; ')
    : [`${OIDC_FLOW_COOKIE}=${sealed}`, ...attributes, `Max-Age=${FLOW_TTL_SECONDS}`].join('; ');
}
