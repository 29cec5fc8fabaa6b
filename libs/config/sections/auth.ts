import type { TokenSettings } from '../../auth/token-settings.js';
import type { Environment } from '../environment.js';
import type { Problems } from '../config-error.js';
import { oneOf, secret, text, url } from '../kinds.js';
import { rawValue, read, readOr, setting } from '../setting.js';

export const AUTH_MODES = ['hs256', 'jwks'] as const;

/** Only ever used outside production, so local runs and tests need no setup. */
export const DEV_JWT_SECRET = 'polku-dev-secret-do-not-use-in-production-0123456789';
const MIN_SECRET_LENGTH = 32;

/** What the token verifier receives: its own settings type, so the two cannot drift. */
export type AuthConfig = TokenSettings;

const section = 'auth';
export const AUTH_SETTINGS = {
  mode: setting({
    name: 'AUTH_MODE',
    section,
    kind: oneOf(AUTH_MODES),
    default: 'hs256',
    group: 'operator',
    description: '`hs256` (a shared secret) or `jwks` (the identity provider’s published keys)',
  }),
  secret: setting({
    name: 'JWT_SECRET',
    section,
    kind: secret(MIN_SECRET_LENGTH),
    defaultText: 'development secret outside production',
    required: 'when `NODE_ENV=production` and `AUTH_MODE=hs256`',
    secret: true,
    group: 'operator',
    description: 'HS256 signing secret; the built-in development secret is refused in production',
    basis: 'at least 32 characters: 256 bits for HS256 (RFC 7518 §3.2)',
  }),
  jwksUrl: setting({
    name: 'JWT_JWKS_URL',
    section,
    kind: url(['http', 'https'], { expected: 'an http(s) URL' }),
    required: 'when `AUTH_MODE=jwks`',
    group: 'operator',
    description: 'where the identity provider publishes its signing keys',
  }),
  issuer: setting({
    name: 'JWT_ISSUER',
    section,
    kind: text,
    default: 'polku-dev',
    group: 'operator',
    description: 'expected token issuer (`iss`)',
  }),
  audience: setting({
    name: 'JWT_AUDIENCE',
    section,
    kind: text,
    default: 'polku',
    group: 'operator',
    description: 'expected token audience (`aud`)',
  }),
} as const;

export function readAuth(env: Environment, production: boolean, problems: Problems): AuthConfig | undefined {
  const s = AUTH_SETTINGS;
  const issuer = readOr(env, s.issuer, problems);
  const audience = readOr(env, s.audience, problems);
  const mode = read(env, s.mode, problems);
  if (mode === 'hs256') {
    const given = rawValue(env, s.secret.name);
    if (given === undefined && production) {
      problems.add(s.secret.name, 'JWT_SECRET is required when NODE_ENV=production and AUTH_MODE=hs256');
      return undefined;
    }
    const secretValue = given === undefined ? DEV_JWT_SECRET : read(env, s.secret, problems);
    if (secretValue === undefined) return undefined;
    if (production && secretValue === DEV_JWT_SECRET) {
      problems.add(s.secret.name, 'JWT_SECRET must not be the built-in development secret in production');
      return undefined;
    }
    return { mode, secret: secretValue, issuer, audience };
  }
  if (mode === 'jwks') {
    if (rawValue(env, s.jwksUrl.name) === undefined) {
      problems.add(s.jwksUrl.name, 'JWT_JWKS_URL is required when AUTH_MODE=jwks');
      return undefined;
    }
    const jwksUrl = read(env, s.jwksUrl, problems);
    return jwksUrl === undefined ? undefined : { mode, jwksUrl, issuer, audience };
  }
  return undefined;
}
