import type { Environment } from '../environment.js';
import type { Problems } from '../config-error.js';
import { commaList, secret, text, url } from '../kinds.js';
import { rawValue, read, setting } from '../setting.js';

/** OpenID Connect sign-in of the web workspace (the API as its back end for front end). */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
  scopes: string[];
}

export interface WebSessionConfig {
  /** Set when every OIDC_* setting is; absent = no OIDC sign-in. */
  oidc?: OidcSettings;
  /**
   * `WEB_SESSION_SECRET`: signs and verifies the browser-session tokens, in every auth mode.
   * Absent only in production without OIDC, where no browser session can start.
   */
  sessionSecret?: string;
}

/** Only ever used outside production, so local runs and tests need no setup. */
export const DEV_WEB_SESSION_SECRET = 'polku-dev-web-session-secret-do-not-use-in-production-0123';
const MIN_SESSION_SECRET_LENGTH = 32;

const section = 'web session';
const OIDC_REQUIRED = 'with the other `OIDC_*` settings (all or none)';
const MIN_OIDC_CLIENT_SECRET_LENGTH = 16;
export const DEFAULT_OIDC_SCOPES = ['openid', 'profile'];
export const WEB_SESSION_SETTINGS = {
  sessionSecret: setting({
    name: 'WEB_SESSION_SECRET',
    section,
    kind: secret(MIN_SESSION_SECRET_LENGTH),
    defaultText: 'development secret outside production',
    required: 'when `NODE_ENV=production` and OIDC is configured',
    secret: true,
    group: 'operator',
    description:
      'HS256 key of the browser-session cookie’s token (any `AUTH_MODE`; never accepted as a bearer token); must differ from `JWT_SECRET`; the built-in development secret is refused in production',
    basis: 'at least 32 characters: 256 bits for HS256 (RFC 7518 §3.2)',
  }),
  oidcIssuer: setting({
    name: 'OIDC_ISSUER',
    section,
    kind: url(['http', 'https'], { expected: 'an http(s) URL' }),
    required: OIDC_REQUIRED,
    group: 'operator',
    description: 'OpenID Connect provider (its discovery document is `<issuer>/.well-known/openid-configuration`)',
  }),
  oidcClientId: setting({
    name: 'OIDC_CLIENT_ID',
    section,
    kind: text,
    required: OIDC_REQUIRED,
    group: 'operator',
    description: 'client id registered with the provider',
  }),
  oidcClientSecret: setting({
    name: 'OIDC_CLIENT_SECRET',
    section,
    kind: text,
    required: OIDC_REQUIRED,
    secret: true,
    group: 'operator',
    description: 'client secret registered with the provider (never logged)',
  }),
  oidcRedirectUrl: setting({
    name: 'OIDC_REDIRECT_URL',
    section,
    kind: url(['http', 'https'], { expected: 'an http(s) URL' }),
    required: OIDC_REQUIRED,
    group: 'operator',
    description: 'the API’s callback URL as registered with the provider',
  }),
  oidcScopes: setting({
    name: 'OIDC_SCOPES',
    section,
    kind: commaList(/^[\x21\x23-\x5B\x5D-\x7E]+$/, 'scopes', { spacesToo: true }),
    default: DEFAULT_OIDC_SCOPES,
    defaultText: '`openid,profile`',
    group: 'operator',
    description:
      'scopes requested at sign-in, e.g. `openid profile email` (only read with the other `OIDC_*` settings)',
  }),
} as const;

const OIDC_ALL_OR_NONE = [
  WEB_SESSION_SETTINGS.oidcIssuer,
  WEB_SESSION_SETTINGS.oidcClientId,
  WEB_SESSION_SETTINGS.oidcClientSecret,
  WEB_SESSION_SETTINGS.oidcRedirectUrl,
] as const;

/** The browser-session key, and OIDC (all or none: some set and some missing names each missing one). */
export function readWebSession(env: Environment, production: boolean, problems: Problems): WebSessionConfig {
  const given = OIDC_ALL_OR_NONE.filter((d) => rawValue(env, d.name) !== undefined);
  const sessionSecret = readSessionSecret(env, production, given.length > 0, problems);
  const oidc = readOidc(env, given, problems);
  return { ...(oidc ? { oidc } : {}), ...(sessionSecret === undefined ? {} : { sessionSecret }) };
}

function readSessionSecret(
  env: Environment,
  production: boolean,
  oidcConfigured: boolean,
  problems: Problems,
): string | undefined {
  const d = WEB_SESSION_SETTINGS.sessionSecret;
  if (rawValue(env, d.name) === undefined) {
    if (production && oidcConfigured)
      problems.add(d.name, `${d.name} is required when NODE_ENV=production and OIDC is configured`);
    return production ? undefined : DEV_WEB_SESSION_SECRET;
  }
  const value = read(env, d, problems);
  if (production && value === DEV_WEB_SESSION_SECRET) {
    problems.add(d.name, `${d.name} must not be the built-in development secret in production`);
    return undefined;
  }
  return value;
}

function readOidc(
  env: Environment,
  given: readonly (typeof OIDC_ALL_OR_NONE)[number][],
  problems: Problems,
): OidcSettings | undefined {
  const s = WEB_SESSION_SETTINGS;
  if (given.length === 0) {
    if (rawValue(env, s.oidcScopes.name) !== undefined)
      problems.add(
        s.oidcScopes.name,
        'OIDC_SCOPES is set but OIDC is not (set OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_REDIRECT_URL)',
      );
    return undefined;
  }
  const before = problems.count;
  const setNames = given.map((d) => d.name).join(', ');
  for (const d of OIDC_ALL_OR_NONE) {
    if (!given.includes(d))
      problems.add(
        d.name,
        `${d.name} is required when ${setNames} ${given.length === 1 ? 'is' : 'are'} set (OIDC is all or none)`,
      );
  }
  const issuer = read(env, s.oidcIssuer, problems);
  const clientId = read(env, s.oidcClientId, problems);
  const clientSecret = read(env, s.oidcClientSecret, problems);
  const redirectUrl = read(env, s.oidcRedirectUrl, problems);
  const scopes = read(env, s.oidcScopes, problems);
  if (problems.count > before || !issuer || !clientId || !clientSecret || !redirectUrl || !scopes) return undefined;
  // The callback route is fixed by the API; a redirect elsewhere would only fail at the first sign-in.
  if (!new URL(redirectUrl).pathname.endsWith('/session/oidc/callback'))
    problems.add(s.oidcRedirectUrl.name, `OIDC_REDIRECT_URL must end in /session/oidc/callback, got "${redirectUrl}"`);
  // The flow cookie's key is derived from the client secret: a short one would be guessable.
  if (clientSecret.length < MIN_OIDC_CLIENT_SECRET_LENGTH)
    problems.add(
      s.oidcClientSecret.name,
      `OIDC_CLIENT_SECRET must be at least ${MIN_OIDC_CLIENT_SECRET_LENGTH} characters`,
    );
  if (!scopes.includes('openid'))
    problems.add(s.oidcScopes.name, `OIDC_SCOPES must include openid, got "${scopes.join(' ')}"`);
  if (problems.count > before) return undefined;
  return { issuer, clientId, clientSecret, redirectUrl, scopes };
}
