import { decodeJwt } from 'jose';
import type { PrincipalSpec } from '../../../libs/auth/principal.js';
import { sessionCookie } from '../infrastructure/auth/session-cookie.js';
import { parseTtl } from '../../../libs/auth/token-minter.js';
import type { WebSessionTokens } from '../../../libs/auth/web-session-tokens.js';
import type { PolkuRequest, PolkuResponse } from '../infrastructure/http.js';

export const SESSION_TTL = '8h';
/** How the browser session was signed in; sign-out ends an `oidc` one at the issuer too. */
export const SIGN_IN_METHOD_CLAIM = 'polku_sign_in';
export type SignInMethod = 'demo' | 'oidc';

/**
 * Starts the browser session, the same for every way of signing in: a token the API signs
 * with the web-session key (whatever AUTH_MODE checks bearer tokens with), in the HttpOnly
 * session cookie (`otherCookies` are set beside it). Returns the token.
 */
export async function startBrowserSession(
  sessions: WebSessionTokens,
  spec: PrincipalSpec,
  method: SignInMethod,
  now: Date,
  req: PolkuRequest,
  res: PolkuResponse,
  otherCookies: string[] = [],
): Promise<string> {
  const token = await sessions.mint(spec, SESSION_TTL, now, { [SIGN_IN_METHOD_CLAIM]: method });
  res.setHeader('Set-Cookie', [...otherCookies, sessionCookie(token, req.secure === true, parseTtl(SESSION_TTL))]);
  res.setHeader('Cache-Control', 'no-store');
  return token;
}

/** Read from a token already verified. */
export function signInMethodOf(token: string): SignInMethod {
  return decodeJwt(token)[SIGN_IN_METHOD_CLAIM] === 'oidc' ? 'oidc' : 'demo';
}
