import { createHash } from 'node:crypto';
import { headerValue, type PolkuRequest } from '../http.js';

/**
 * The browser session of the backend-for-frontend: the API keeps the token in an HttpOnly
 * cookie, so page scripts never hold it. Stateless (the cookie is the signed token itself),
 * so every API process of a cluster accepts it.
 */
export const SESSION_COOKIE = 'polku_session';
/** Header a signed-in page sends with every write (CSRF: a cross-site form cannot set it). */
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

/**
 * The CSRF token of a session: derived from the session token, which no other site can read,
 * so it cannot be guessed and needs no server-side state.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update('polku-csrf\0').update(sessionToken).digest('base64url');
}

export function sessionTokenOf(req: PolkuRequest): string | undefined {
  return cookieValue(req, SESSION_COOKIE);
}

/** The named cookie of the request, if it has a non-empty one. */
export function cookieValue(req: PolkuRequest, name: string): string | undefined {
  const header = headerValue(req, 'cookie');
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim()) || undefined;
  }
  return undefined;
}

/** `Set-Cookie` value; `Secure` whenever the page came over https. */
export function sessionCookie(token: string | null, secure: boolean, maxAgeSeconds: number): string {
  const attributes = ['Path=/', 'HttpOnly', 'SameSite=Strict', ...(secure ? ['Secure'] : [])];
  return token === null
    ? [`${SESSION_COOKIE}=`, ...attributes, 'Max-Age=0'].join('; ')
    : [`${SESSION_COOKIE}=${encodeURIComponent(token)}`, ...attributes, `Max-Age=${maxAgeSeconds}`].join('; ');
}
